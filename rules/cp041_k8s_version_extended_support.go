package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
)

// CP041 flags a cluster version in EKS extended support.
var CP041 = &linter.Rule{
	ID:       "EKS-CP-041",
	Name:     "k8s-version-extended-support",
	Summary:  "The cluster's Kubernetes version is in EKS extended support",
	Severity: linter.Medium,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"cost", "reliability", "versions", "control-plane"},
	Check: func(p *linter.Pass) {
		var target upgradeTargets
		for _, c := range p.Model.Clusters {
			s, ok := clusterSupport(p, c)
			if !ok || s.status != eksdata.Extended {
				continue
			}
			if isStandardPolicy(c) {
				p.Report(c, c.Version.Range, "Kubernetes %s left standard support on %s and %s is STANDARD, so EKS upgrades the control plane on its own and the cluster no longer runs the version written here; raise %s to %s",
					s.row.Version, s.row.EndOfStandard, supportTypeField(c), versionField(c), target.of(s, p)).
					Also(c.UpgradeSupportType.Range, "the upgrade policy")
				continue
			}
			p.Report(c, c.Version.Range, "Kubernetes %s has been in extended support since %s (until %s): extended support is billed at $0.60 instead of $0.10 per cluster-hour; raise %s to %s",
				s.row.Version, s.row.EndOfStandard, s.row.EndOfExtended, versionField(c), target.of(s, p))
		}
	},
}
