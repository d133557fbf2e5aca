package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG053 flags a node role that still carries the VPC CNI's policy although
// the cluster can give pods roles of their own: every pod on the node can
// then use the CNI's EC2 network permissions through the node's
// credentials.
var NG053 = &linter.Rule{
	ID:       "EKS-NG-053",
	Name:     "node-role-cni-policy-despite-irsa",
	Summary:  "The node role keeps AmazonEKS_CNI_Policy although IRSA or EKS Pod Identity could give aws-node a role of its own",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"security", "iam", "nodes", "least-privilege"},
	Check: func(p *linter.Pass) {
		seen := map[*model.Role]bool{}
		for _, g := range p.Model.NodeGroups {
			r := g.Role
			// eksctl moves the CNI policy to an aws-node role by itself
			// once iam.withOIDC is on, and EKS-CP-030 covers the rest.
			if r == nil || seen[r] || g.Format == model.Eksctl || g.Cluster == nil || !source.IsTrue(g.Cluster.WorkloadIdentity) {
				continue
			}
			cni, name, ok := cniAttachment(r)
			if !ok {
				continue
			}
			seen[r] = true
			var rep linter.Reported
			if own, at, known := cniOwnRole(g.Cluster, r); known && own {
				rep = p.Report(r, cni.Range, "the node role %s still has %s although aws-node has a role of its own: every pod on the node can use the CNI's EC2 network permissions through the node's credentials; %s",
					roleName(r), name, detach(g, name))
				rep.Also(at, "aws-node's own role")
			} else {
				rep = p.Report(r, cni.Range, "the node role %s has %s although the cluster can give pods roles of their own (IRSA or EKS Pod Identity): every pod on the node can use the CNI's EC2 network permissions; give the vpc-cni add-on its own role (service_account_role_arn, or a Pod Identity association for kube-system/aws-node), then %s",
					roleName(r), name, detach(g, name))
			}
			if g.Range != cni.Range {
				rep.Also(g.Range, "the node group that uses the role")
			}
			if g.Cluster.WorkloadIdentity.Range != g.Cluster.Range {
				rep.Also(g.Cluster.WorkloadIdentity.Range, "what gives pods roles of their own")
			}
		}
	},
}

// detach says how to take the CNI policy off the node role, as the
// group's own format spells it.
func detach(g *model.NodeGroup, policy string) string {
	if g.Format == model.Module {
		return "set iam_role_attach_cni_policy = false on the node group"
	}
	return "remove the role's attachment of " + policy
}

// cniAttachment returns the CNI policy attached to a node role, and its
// name, when one is known to be.
func cniAttachment(r *model.Role) (source.Value[string], string, bool) {
	for _, pol := range r.Policies {
		if !pol.Known() {
			continue
		}
		if name, ok := iampolicy.ManagedName(pol.Val); ok && (name == "AmazonEKS_CNI_Policy" || name == "AmazonEKS_CNI_IPv6_Policy") {
			return pol, name, true
		}
	}
	return source.Value[string]{}, "", false
}

// cniOwnRole reports whether aws-node is known to have a role of its own
// (the cluster's vpc-cni add-on has one), and where; known is false when
// that cannot be told (an add-on role that cannot be read, or a Pod
// Identity association the adapter could not tie to this cluster).
func cniOwnRole(c *model.Cluster, r *model.Role) (own bool, at source.Range, known bool) {
	for _, a := range c.Addons {
		switch {
		case !mayBeCNI(a):
		case !a.Role.Known() || (a.Name == "" && a.Role.Val != ""):
			return false, source.Range{}, false
		case a.Role.Val != "":
			return true, a.Role.Range, true
		}
	}
	if source.IsTrue(r.CNIElsewhere) {
		return false, source.Range{}, false
	}
	return false, source.Range{}, true
}
