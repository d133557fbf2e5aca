package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NET003 flags a security group attached to EKS that admits the internet
// on a port other than 443.
var NET003 = &linter.Rule{
	ID:       "EKS-NET-003",
	Name:     "eks-sg-ingress-non-443-from-world",
	Summary:  "A security group attached to the cluster or its nodes admits 0.0.0.0/0 or ::/0 on a port other than 443",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"security", "network"},
	Check: func(p *linter.Pass) {
		for _, r := range p.Model.Network.Ingress {
			if !r.Group.AttachedToEKS() || !portProtocol(r) {
				continue
			}
			ws := worldSources(r)
			from, to, ok := knownPorts(r)
			if len(ws) == 0 || !ok || from == 443 && to == 443 {
				continue
			}
			if allPorts(r) || openAdminPorts(r) != "" { // EKS-NET-001, EKS-NET-002
				continue
			}
			at := r.Group.Attachments[0]
			rep := p.Report(r, ws[0].cidr.Range, "ingress from %s on %s reaches EKS (%s): from outside the VPC only 443 should be open; restrict %s to known ranges, or admit node ports only from the cluster security group or the VPC",
				cidrList(ws), portsText(r), at.What, r.Name(ws[0].setting)).In(r.Path)
			for _, a := range r.Group.Attachments {
				rep.Also(a.Range, "the group is attached to EKS here: %s", a.What)
			}
		}
	},
}
