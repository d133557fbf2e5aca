package rules

import (
	"fmt"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
)

// CP042 flags a cluster version whose standard support ends soon.
var CP042 = &linter.Rule{
	ID:       "EKS-CP-042",
	Name:     "k8s-version-standard-support-ending",
	Summary:  "Standard support for the cluster's Kubernetes version ends soon",
	Severity: linter.Low,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"reliability", "cost", "versions", "control-plane"},
	Params: []linter.Param{{
		Name:    "days",
		Kind:    linter.Int,
		Default: 90,
		Doc:     "how many days before the end of standard support the rule starts to warn",
	}},
	Check: func(p *linter.Pass) {
		days := p.Int("days")
		for _, c := range p.Model.Clusters {
			s, ok := clusterSupport(p, c)
			if !ok || s.status != eksdata.Standard {
				continue
			}
			left := s.standardDaysLeft(p)
			if left > days {
				continue
			}
			then := "EKS starts billing extended support ($0.60 instead of $0.10 per cluster-hour)"
			if isStandardPolicy(c) {
				then = "EKS upgrades the control plane on its own (the upgrade policy is STANDARD)"
			}
			in := fmt.Sprintf("in %d days", left)
			if left == 1 {
				in = "tomorrow"
			}
			p.Report(c, c.Version.Range, "standard support for Kubernetes %s ends on %s, %s; then %s: plan the upgrade (raise %s) before that date",
				s.row.Version, s.row.EndOfStandard, in, then, versionField(c))
		}
	},
}
