package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP013 flags CloudWatch log groups that keep events forever, or for less
// than the configured minimum.
var CP013 = &linter.Rule{
	ID:       "EKS-CP-013",
	Name:     "log-group-retention-unset",
	Summary:  "A CloudWatch log group has no retention: its events never expire",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"logging", "cost"},
	Params: []linter.Param{{Name: "min-retention-days", Kind: linter.Int, Default: 0,
		Doc: "the fewest days a log group may keep events; 0 accepts any retention that is set"}},
	Check: func(p *linter.Pass) {
		min := p.Int("min-retention-days")
		for _, g := range p.Model.Audit.LogGroups {
			r := g.RetentionDays
			if !r.Known() {
				continue
			}
			switch {
			case r.Val <= 0:
				p.Report(g, r.Range, "retention_in_days is %s, so the log group's events never expire and its storage grows forever; set retention_in_days (e.g. 90)", zeroHow(r.IsDefault()))
			case min > 0 && r.Val < min:
				p.Report(g, r.Range, "retention_in_days = %d keeps events for less than the %d days required (min-retention-days); raise it", r.Val, min)
			}
		}
	},
}
