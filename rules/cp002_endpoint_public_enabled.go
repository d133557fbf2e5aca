package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP002 flags a public API endpoint even when its CIDRs are restricted.
var CP002 = &linter.Rule{
	ID:       "EKS-CP-002",
	Name:     "cluster-endpoint-public-enabled",
	Summary:  "The cluster API endpoint is reachable from the internet (CIDR-restricted)",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "network", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsTrue(c.PublicEndpoint) || !restricted(c.PublicCIDRs) {
				continue
			}
			pub := field(&c.Object, "endpoint_public_access", "vpc.clusterEndpoints.publicAccess")
			p.Report(c, c.PublicEndpoint.Range, "the API endpoint is public (%s is true%s), restricted to %d CIDR range(s); prefer a private-only endpoint reached through a VPN, bastion or SSM",
				pub, origin(c.PublicEndpoint), len(c.PublicCIDRs.Val))
		}
	},
}
