package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NG011 flags node launch templates that still answer IMDSv1 requests.
var NG011 = &linter.Rule{
	ID:       "EKS-NG-011",
	Name:     "node-imdsv2-not-required",
	Summary:  "Nodes accept IMDSv1: the launch template does not require IMDSv2 tokens",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "nodes", "imds"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			t := g.LaunchTemplate
			if t == nil || !metadataEnabled(t) || !t.HTTPTokens.Known() || t.HTTPTokens.Val == "required" {
				continue
			}
			var how, why string
			switch {
			case g.Format == model.Eksctl:
				how = "set disableIMDSv1: true (the default) or remove disableIMDSv1: false"
			case t.HTTPTokens.IsDefault() && g.Format == model.Terraform:
				why = ` (the provider's default when http_tokens is omitted; only an AMI registered with ImdsSupport "v2.0" changes it)`
				how = `set metadata_options { http_tokens = "required" }`
			case t.HTTPTokens.IsDefault():
				why = " (metadata_options is written without http_tokens, so EC2's default applies)"
				how = `add http_tokens = "required" to metadata_options (the map replaces the module's default whole)`
			default:
				how = `set http_tokens = "required"`
			}
			withGroup(p.Report(g, t.HTTPTokens.Range,
				"the nodes' metadata service accepts IMDSv1 requests%s, which need no session token, so an SSRF bug in any pod or process can read the node role's credentials; %s",
				why, how), g)
		}
	},
}
