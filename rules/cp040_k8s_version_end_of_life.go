package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
)

// CP040 flags a cluster version whose EKS extended support has ended.
var CP040 = &linter.Rule{
	ID:       "EKS-CP-040",
	Name:     "k8s-version-end-of-life",
	Summary:  "The cluster's Kubernetes version is past the end of EKS extended support",
	Severity: linter.High,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"reliability", "security", "versions", "control-plane"},
	Check: func(p *linter.Pass) {
		var target upgradeTargets
		for _, c := range p.Model.Clusters {
			s, ok := clusterSupport(p, c)
			if !ok || s.status != eksdata.EndOfLife {
				continue
			}
			if s.row == nil {
				oldest := s.data.Oldest()
				p.Report(c, c.Version.Range, "Kubernetes 1.%d is older than every version EKS still supports (%s, the oldest in the table, lost extended support on %s): EKS no longer patches it and upgrades the control plane on its own; raise %s one minor at a time to %s",
					s.minor, oldest.Version, oldest.EndOfExtended, versionField(c), target.of(s, p))
				continue
			}
			p.Report(c, c.Version.Range, "Kubernetes %s reached the end of EKS extended support on %s: it gets no more fixes and EKS upgrades the control plane on its own, leaving node groups and add-ons behind; raise %s one minor at a time to %s",
				s.row.Version, s.row.EndOfExtended, versionField(c), target.of(s, p))
		}
	},
}
