package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
)

// CP044 flags an upgrade policy that lets a cluster slide into paid
// extended support, when its version is close to or past the end of
// standard support.
var CP044 = &linter.Rule{
	ID:       "EKS-CP-044",
	Name:     "upgrade-policy-extended",
	Summary:  "The upgrade policy lets the cluster move into paid extended support",
	Severity: linter.Low,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"cost", "versions", "control-plane"},
	Params: []linter.Param{{
		Name:    "days",
		Kind:    linter.Int,
		Default: 180,
		Doc:     "how many days before the end of standard support the rule starts to report the policy",
	}},
	Check: func(p *linter.Pass) {
		days := p.Int("days")
		for _, c := range p.Model.Clusters {
			if !isExtendedPolicy(c) {
				continue
			}
			s, ok := clusterSupport(p, c)
			if !ok || s.row == nil || (s.status != eksdata.Standard && s.status != eksdata.Extended) {
				continue
			}
			left := s.standardDaysLeft(p)
			if left > days {
				continue
			}
			f := supportTypeField(c)
			when := "ends on " + s.row.EndOfStandard
			if left <= 0 {
				when = "ended on " + s.row.EndOfStandard
			}
			p.Report(c, c.UpgradeSupportType.Range, "%s is EXTENDED%s and standard support for Kubernetes %s %s: the cluster then stays on it at $0.60 instead of $0.10 per cluster-hour; set %s to \"STANDARD\" to be upgraded instead, or upgrade in time",
				f, origin(c.UpgradeSupportType), s.row.Version, when, f).
				Also(c.Version.Range, "the cluster's version")
		}
	},
}
