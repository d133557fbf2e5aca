package rules

import (
	"fmt"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP010 flags a control plane that logs none of api, audit, authenticator.
var CP010 = &linter.Rule{
	ID:       "EKS-CP-010",
	Name:     "control-plane-logging-disabled",
	Summary:  "Control-plane logging is off: none of api, audit, authenticator is enabled",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "logging", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !c.LogTypes.Known() {
				continue
			}
			enabled := enabledLogTypes(c)
			if enabled == nil || enabled["api"] || enabled["audit"] || enabled["authenticator"] {
				continue
			}
			msg := fmt.Sprintf("no API, audit or authenticator logs are sent to CloudWatch (%s%s), so API calls cannot be audited; enable at least api, audit and authenticator",
				field(&c.Object, "enabled_cluster_log_types", "cloudWatch.clusterLogging.enableTypes"), emptyHow(c))
			p.Report(c, c.LogTypes.Range, "%s%s", msg, miscasedNote(enabled))
		}
	},
}

func emptyHow(c *model.Cluster) string {
	if c.LogTypes.IsDefault() {
		return " is omitted"
	}
	if len(c.LogTypes.Val) == 0 {
		return " is empty"
	}
	return " lacks them"
}
