package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG030 flags node groups whose nodes get public IP addresses.
var NG030 = &linter.Rule{
	ID:       "EKS-NG-030",
	Name:     "node-in-public-subnet",
	Summary:  "Nodes run in public subnets with public IP addresses",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Eksctl},
	Tags:     []string{"security", "network", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			if g.Format == model.Module || !source.IsTrue(g.PublicIP) {
				continue
			}
			switch {
			case g.Format == model.Eksctl:
				p.Report(g, g.PublicIP.Range,
					"privateNetworking is %s%s, so eksctl puts the nodes in public subnets with public IP addresses, reachable from the internet wherever a security group allows; set privateNetworking: true (the VPC then needs NAT for egress)",
					boolWord(g.PublicIP.Val), origin(g.PublicIP))
			case g.PublicIPVia.IsZero():
				withGroup(p.Report(g, g.PublicIP.Range,
					"the launch template gives the nodes public IP addresses (associate_public_ip_address = true), reachable from the internet wherever a security group allows; remove it and run the nodes in private subnets with NAT for egress"), g)
			default:
				// The subnet may serve public load balancers too: what is
				// wrong is the group's choice of it, written in subnet_ids
				// (so a suppression there covers this group alone).
				p.Report(g, g.PublicIPVia,
					"the node group runs in a subnet that gives every instance a public IP address (map_public_ip_on_launch = true), so its nodes are reachable from the internet wherever a security group allows; use private subnets with NAT for egress").
					Also(g.PublicIP.Range, "the subnet maps public IP addresses on launch here")
			}
		}
	},
}

// boolWord is how eksctl's privateNetworking reads in the message: the
// value is the negation of PublicIP.
func boolWord(public bool) string {
	if public {
		return "false"
	}
	return "true"
}
