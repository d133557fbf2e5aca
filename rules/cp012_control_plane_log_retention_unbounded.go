package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP012 flags a cluster that sends control-plane logs to a log group that
// never expires.
var CP012 = &linter.Rule{
	ID:       "EKS-CP-012",
	Name:     "control-plane-log-retention-unbounded",
	Summary:  "Control-plane logs go to a CloudWatch log group that never expires",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"logging", "cost", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !c.LogTypes.Known() || !loggingOn(enabledLogTypes(c)) || !c.LogRetentionDays.Known() || c.LogRetentionDays.Val > 0 {
				continue
			}
			if c.Format != model.Eksctl && c.LogGroup == nil && c.LogRetentionDays.IsDefault() && mayBeDeclaredElsewhere(p.Model, c) {
				continue
			}
			group := controlPlaneLogGroup(c)
			r := c.LogRetentionDays
			switch {
			case c.Format == model.Eksctl:
				p.Report(c, r.Range, "control-plane logs are enabled but cloudWatch.clusterLogging.logRetentionInDays is %s, so %s never expires and its storage grows forever; set logRetentionInDays (e.g. 90)",
					zeroHow(r.IsDefault()), group)
			case c.LogGroup != nil:
				p.Report(c, c.Range, "control-plane logs go to %s, declared as %s with retention_in_days %s, so they never expire; set retention_in_days (e.g. 90)",
					group, c.LogGroup.Address, zeroHow(r.IsDefault())).
					Also(r.Range, "the log group's retention_in_days is %s", zeroHow(r.IsDefault()))
			case c.Format == model.Module && r.IsSet():
				p.Report(c, r.Range, "%s = 0 makes the module create %s with no expiry; set it to the number of days to keep control-plane logs (e.g. 90)",
					c.Object.Name("cloudwatch_log_group_retention_in_days"), group)
			case c.Format == model.Module:
				p.Report(c, r.Range, "with create_cloudwatch_log_group = false and no aws_cloudwatch_log_group named %s in this configuration, EKS creates that group itself with no expiry; let the module create it, or declare it with retention_in_days",
					group)
			default:
				p.Report(c, r.Range, "control-plane logs are enabled but no aws_cloudwatch_log_group named %s is declared, so EKS creates it with no expiry; declare it with retention_in_days and make the cluster depend on it",
					group).
					Also(c.LogTypes.Range, "logging is enabled here")
			}
		}
	},
}

// loggingOn reports whether a valid log type is enabled: then EKS writes
// to the control-plane log group.
func loggingOn(enabled map[string]bool) bool {
	for _, t := range logTypes {
		if enabled[t] {
			return true
		}
	}
	return false
}

// zeroHow says how a retention of 0 came about.
func zeroHow(omitted bool) string {
	if omitted {
		return "omitted"
	}
	return "0"
}

// mayBeDeclaredElsewhere reports whether a log group of another module or
// folder of the run is, or might be, the cluster's control-plane log group
// (the adapter has already matched those of the cluster's own module): one
// with that name, or one whose name is not known and belongs to no cluster.
func mayBeDeclaredElsewhere(m *model.Model, c *model.Cluster) bool {
	want := ""
	if c.Name.Known() && c.Name.Val != "" {
		want = controlPlaneLogGroup(c)
	}
	for _, g := range m.Audit.LogGroups {
		switch {
		case g.Cluster != nil:
		case !g.Name.Known():
			return true
		case want != "":
			if g.Name.Val == want {
				return true
			}
		case strings.HasPrefix(g.Name.Val, "/aws/eks/") && strings.HasSuffix(g.Name.Val, "/cluster"):
			return true
		}
	}
	return false
}
