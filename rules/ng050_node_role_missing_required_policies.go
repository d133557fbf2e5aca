package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG050 flags a node role that lacks the AWS-managed policies nodes need
// to join the cluster, pull images and give pods addresses.
var NG050 = &linter.Rule{
	ID:       "EKS-NG-050",
	Name:     "node-role-missing-required-policies",
	Summary:  "The node IAM role lacks AmazonEKSWorkerNodePolicy, an ECR read policy or the CNI policy",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Eksctl},
	Tags:     []string{"reliability", "iam", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			r := g.Role
			if r == nil || !r.Complete || opaque(r) {
				continue
			}
			missing, why := missingNodePolicies(p.Model, g, r)
			if len(missing) == 0 {
				continue
			}
			sev := p.Rule.Severity
			how := "attach " + arns(missing)
			if g.Format == model.Eksctl {
				// eksctl attaches none of its defaults once attachPolicyARNs
				// is given: the group fails to create or its nodes to join.
				sev = linter.High
				how = "add " + arns(missing) + " to iam.attachPolicyARNs (listing ARNs replaces eksctl's defaults)"
			}
			rep := p.ReportSeverity(sev, g, g.RoleAt, "the node role %s lacks %s: %s; %s",
				roleName(r), strings.Join(missing, ", "), strings.Join(why, "; "), how)
			if r.Range != g.RoleAt && r.Range != g.Range {
				rep.Also(r.Range, "the role is declared here")
			}
		}
	},
}

// missingNodePolicies returns the required policies a complete node role
// lacks, with what each is for.
func missingNodePolicies(m *model.Model, g *model.NodeGroup, r *model.Role) (missing, why []string) {
	if !attachesManaged(r, "AmazonEKSWorkerNodePolicy", "AmazonEKSWorkerNodeMinimalPolicy") && !grants(r, "eks:DescribeCluster") {
		missing = append(missing, "AmazonEKSWorkerNodePolicy")
		why = append(why, "without it the kubelet cannot describe the cluster and nodes do not join")
	}
	if !attachesManaged(r, "AmazonEC2ContainerRegistryReadOnly", "AmazonEC2ContainerRegistryPullOnly",
		"AmazonEC2ContainerRegistryPowerUser", "AmazonEC2ContainerRegistryFullAccess") &&
		!grants(r, "ecr:BatchGetImage") {
		missing = append(missing, "AmazonEC2ContainerRegistryReadOnly")
		why = append(why, "without an ECR read policy nodes cannot pull the EKS add-on images (vpc-cni, kube-proxy, coredns)")
	}
	if !attachesManaged(r, "AmazonEKS_CNI_Policy", "AmazonEKS_CNI_IPv6_Policy") && !cniHasOwnRole(m, g, r) &&
		!grants(r, "ec2:AssignPrivateIpAddresses", "ec2:AssignIpv6Addresses") {
		missing = append(missing, "AmazonEKS_CNI_Policy")
		why = append(why, "without it, or a role of vpc-cni's own, aws-node cannot assign pod IP addresses")
	}
	return missing, why
}

// cniHasOwnRole reports whether the VPC CNI may get its permissions from
// a role of its own: the adapter knows it may (eksctl's withOIDC, a Pod
// Identity association for aws-node), or the cluster's vpc-cni add-on has
// a role that is not known to be empty. A group whose cluster is not
// known may have one too, and so may every group while a vpc-cni add-on
// with a role is tied to no known cluster.
func cniHasOwnRole(m *model.Model, g *model.NodeGroup, r *model.Role) bool {
	if source.IsTrue(r.CNIElsewhere) || g.Cluster == nil {
		return true
	}
	mayHaveRole := func(a *model.Addon) bool { return mayBeCNI(a) && !(a.Role.Known() && a.Role.Val == "") }
	for _, a := range g.Cluster.Addons {
		if mayHaveRole(a) {
			return true
		}
	}
	for _, a := range m.Addons {
		if a.Cluster == nil && mayHaveRole(a) {
			return true
		}
	}
	return false
}

// mayBeCNI reports whether an add-on is, or may be, vpc-cni (an add-on
// whose name cannot be known has an empty Name).
func mayBeCNI(a *model.Addon) bool { return a.Name == "vpc-cni" || a.Name == "" }
