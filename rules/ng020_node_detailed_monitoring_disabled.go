package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG020 flags node launch templates without detailed monitoring.
var NG020 = &linter.Rule{
	ID:       "EKS-NG-020",
	Name:     "node-detailed-monitoring-disabled",
	Summary:  "Detailed (1-minute) CloudWatch monitoring is off for the nodes",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"observability", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			t := g.LaunchTemplate
			if t == nil || !source.IsFalse(t.Monitoring) {
				continue
			}
			how := field(&g.Object, "set monitoring { enabled = true }", "set enableDetailedMonitoring: true")
			if g.Format == model.Module {
				how = "set enable_monitoring = true"
			}
			withGroup(p.Report(g, t.Monitoring.Range,
				"detailed monitoring is off%s: the nodes' EC2 metrics come every 5 minutes, too coarse for scaling and incident timelines; %s",
				origin(t.Monitoring), how), g)
		}
	},
}
