package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NET002 flags security group ingress that admits SSH or RDP from the
// whole internet.
var NET002 = &linter.Rule{
	ID:       "EKS-NET-002",
	Name:     "sg-ingress-ssh-rdp-open-to-world",
	Summary:  "A security group admits SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"security", "network"},
	Check: func(p *linter.Pass) {
		for _, r := range p.Model.Network.Ingress {
			ws := worldSources(r)
			if len(ws) == 0 || allPorts(r) { // all ports: EKS-NET-001
				continue
			}
			admin := openAdminPorts(r)
			if admin == "" {
				continue
			}
			p.Report(r, ws[0].cidr.Range, "ingress from %s on %s opens %s to the whole internet, where it is scanned and brute-forced; restrict %s to your administration ranges, or close the port and use SSM Session Manager",
				cidrList(ws), portsText(r), admin, r.Name(ws[0].setting)).In(r.Path)
		}
	},
}
