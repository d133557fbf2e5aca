package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP001 flags a public API endpoint that anyone on the internet can reach.
var CP001 = &linter.Rule{
	ID:       "EKS-CP-001",
	Name:     "cluster-endpoint-public-unrestricted",
	Summary:  "The cluster API endpoint is public and open to 0.0.0.0/0",
	Severity: linter.Critical,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "network", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsTrue(c.PublicEndpoint) {
				continue
			}
			world, ok := worldCIDR(c.PublicCIDRs)
			if !ok {
				continue
			}
			pub := field(&c.Object, "endpoint_public_access", "vpc.clusterEndpoints.publicAccess")
			cidrs := field(&c.Object, "public_access_cidrs", "vpc.publicAccessCIDRs")
			if c.PublicCIDRs.IsSet() {
				p.Report(c, world.Range, "the public API endpoint admits %s: anyone on the internet can reach the Kubernetes API; restrict %s to known egress ranges or set %s to false",
					world.Val, cidrs, pub)
				continue
			}
			p.Report(c, c.PublicEndpoint.Range, "the API endpoint is public (%s is true%s) and %s is not set or empty, so EKS admits 0.0.0.0/0; set %s to false, or list your egress ranges in %s",
				pub, origin(c.PublicEndpoint), cidrs, pub, cidrs)
		}
	},
}
