package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP011 flags control-plane logging that leaves some log types out.
var CP011 = &linter.Rule{
	ID:       "EKS-CP-011",
	Name:     "control-plane-logging-incomplete",
	Summary:  "Some control-plane log types are not enabled",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "logging", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !c.LogTypes.Known() {
				continue
			}
			enabled := enabledLogTypes(c)
			// CP-010 covers "none of the security-relevant types".
			if enabled == nil || !(enabled["api"] || enabled["audit"] || enabled["authenticator"]) {
				continue
			}
			var missing []string
			for _, t := range logTypes {
				if !enabled[t] {
					missing = append(missing, t)
				}
			}
			if len(missing) == 0 {
				continue
			}
			sev := linter.Medium
			if !containsAny(missing, "api", "audit", "authenticator") {
				sev = linter.Low
			}
			what := "log types " + strings.Join(missing, ", ") + " are"
			if len(missing) == 1 {
				what = "log type " + missing[0] + " is"
			}
			msg := fmt.Sprintf("control-plane %s not enabled; add to %s",
				what, field(&c.Object, "enabled_cluster_log_types", "cloudWatch.clusterLogging.enableTypes"))
			p.ReportSeverity(sev, c, c.LogTypes.Range, "%s%s", msg, miscasedNote(enabled))
		}
	},
}

func containsAny(list []string, want ...string) bool {
	for _, l := range list {
		for _, w := range want {
			if l == w {
				return true
			}
		}
	}
	return false
}
