package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NET001 flags security group ingress that admits every port from the
// whole internet.
var NET001 = &linter.Rule{
	ID:       "EKS-NET-001",
	Name:     "sg-ingress-all-open-to-world",
	Summary:  "A security group admits all ports from 0.0.0.0/0 or ::/0",
	Severity: linter.Critical,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"security", "network"},
	Check: func(p *linter.Pass) {
		for _, r := range p.Model.Network.Ingress {
			ws := worldSources(r)
			if len(ws) == 0 || !allPorts(r) {
				continue
			}
			p.Report(r, ws[0].cidr.Range, "ingress from %s on %s: anyone on the internet can reach every port of what this group protects; restrict %s to known ranges (or use a source security group) and open only the ports you need",
				cidrList(ws), portsText(r), r.Name(ws[0].setting)).In(r.Path)
		}
	},
}
