package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP031 flags a cluster whose only source of access is the aws-auth
// ConfigMap.
var CP031 = &linter.Rule{
	ID:       "EKS-CP-031",
	Name:     "authentication-mode-configmap-only",
	Summary:  "The cluster's authentication mode is CONFIG_MAP: access is managed only through aws-auth",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "access", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			mode := c.AuthenticationMode
			if !mode.Known() || mode.Val != "CONFIG_MAP" {
				continue
			}
			const why = "access is then granted only through the aws-auth ConfigMap, which anyone who can edit it in kube-system can change, which IAM cannot audit, and whose one bad edit locks everyone out"
			name := field(&c.Object, "access_config.authentication_mode", "accessConfig.authenticationMode")
			switch {
			case c.Format == model.Module && mode.IsDefault():
				// Only v18 and v19 of the module have no such input.
				p.Report(c, mode.Range, "this version of terraform-aws-modules/eks creates the cluster without access_config, so EKS uses the CONFIG_MAP authentication mode: %s; upgrade to v20 or later of the module and set authentication_mode = \"API\" (or \"API_AND_CONFIG_MAP\" while migrating)",
					why)
			case mode.IsDefault() && c.Format == model.Terraform:
				p.Report(c, mode.Range, "%s is CONFIG_MAP by default (the EKS API's default when it is not given): %s; set access_config { authentication_mode = \"API\" } (or \"API_AND_CONFIG_MAP\" while migrating) and grant access with access entries",
					name, why)
			case mode.IsDefault():
				p.Report(c, mode.Range, "%s is CONFIG_MAP by default: %s; set it to \"API\" (or \"API_AND_CONFIG_MAP\" while migrating) and grant access with access entries",
					name, why)
			default:
				p.Report(c, mode.Range, "%s is CONFIG_MAP: %s; set it to \"API\" (or \"API_AND_CONFIG_MAP\" while migrating) and grant access with access entries",
					name, why)
			}
		}
	},
}
