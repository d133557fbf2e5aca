package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// autoModePolicies are what the cluster role needs when EKS Auto Mode
// manages compute (Amazon EKS user guide, "Amazon EKS cluster IAM role").
var autoModePolicies = []string{"AmazonEKSComputePolicy", "AmazonEKSBlockStoragePolicy", "AmazonEKSLoadBalancingPolicy", "AmazonEKSNetworkingPolicy"}

// NG051 flags a cluster role without AmazonEKSClusterPolicy (and, with
// Auto Mode, the Auto Mode policies).
var NG051 = &linter.Rule{
	ID:       "EKS-NG-051",
	Name:     "cluster-role-missing-required-policies",
	Summary:  "The cluster IAM role lacks AmazonEKSClusterPolicy (or, with Auto Mode, its policies)",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"reliability", "iam", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			r := c.Role
			if r == nil || !r.Complete || opaque(r) {
				continue
			}
			var missing []string
			if !attachesManaged(r, "AmazonEKSClusterPolicy") && !grants(r, "ec2:CreateSecurityGroup", "elasticloadbalancing:CreateLoadBalancer") {
				missing = append(missing, "AmazonEKSClusterPolicy")
			}
			var why []string
			if len(missing) > 0 {
				why = append(why, "EKS cannot manage the cluster's network interfaces, security groups and load balancers")
			}
			if source.IsTrue(c.AutoModeCompute) {
				n := len(missing)
				for _, name := range autoModePolicies {
					if !attachesManaged(r, name) {
						missing = append(missing, name)
					}
				}
				if len(missing) > n {
					why = append(why, "with Auto Mode (compute_config.enabled) EKS also needs the Auto Mode policies to launch nodes, volumes and load balancers")
				}
			}
			if len(missing) == 0 {
				continue
			}
			rep := p.Report(c, c.RoleAt, "the cluster role %s lacks %s: %s; attach %s",
				roleName(r), strings.Join(missing, ", "), strings.Join(why, "; "), arns(missing))
			if r.Range != c.RoleAt && r.Range != c.Range {
				rep.Also(r.Range, "the role is declared here")
			}
		}
	},
}
