package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP003 flags a cluster whose API cannot be reached from inside the VPC.
var CP003 = &linter.Rule{
	ID:       "EKS-CP-003",
	Name:     "cluster-endpoint-private-disabled",
	Summary:  "The cluster API endpoint is not reachable privately from the VPC",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "network", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsFalse(c.PrivateEndpoint) {
				continue
			}
			priv := field(&c.Object, "endpoint_private_access", "vpc.clusterEndpoints.privateAccess")
			p.Report(c, c.PrivateEndpoint.Range, "private endpoint access is off (%s is false%s): nodes reach the API server through the internet; set %s to true",
				priv, origin(c.PrivateEndpoint), priv)
		}
	},
}
