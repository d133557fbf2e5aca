package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NG012 flags node launch templates whose IMDS hop limit lets pods reach
// the node's metadata service.
var NG012 = &linter.Rule{
	ID:       "EKS-NG-012",
	Name:     "node-imds-reachable-from-pods",
	Summary:  "Pods can reach the node's instance metadata: the IMDS hop limit is 2 or more",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "nodes", "imds", "iam"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			t := g.LaunchTemplate
			if t == nil || !metadataEnabled(t) || !t.HopLimit.Known() || t.HopLimit.Val < 2 {
				continue
			}
			how := field(&g.Object, "set metadata_options { http_put_response_hop_limit = 1 }", "set disablePodIMDS: true")
			if g.Format == model.Module {
				how = `set metadata_options = { http_endpoint = "enabled", http_tokens = "required", http_put_response_hop_limit = 1 }`
			}
			withGroup(p.Report(g, t.HopLimit.Range,
				"the metadata service's hop limit is %d%s, so pods in their own network namespace can get IMDSv2 tokens and the node role's credentials; %s, and give pods IAM roles of their own through IRSA or EKS Pod Identity",
				t.HopLimit.Val, origin(t.HopLimit), how), g)
		}
	},
}
