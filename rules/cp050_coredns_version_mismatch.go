package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/model"
)

// CP050 flags a CoreDNS add-on pinned to a version line other than the
// one EKS ships for the cluster's Kubernetes version.
var CP050 = &linter.Rule{
	ID:       "EKS-CP-050",
	Name:     "coredns-version-mismatch",
	Summary:  "The CoreDNS add-on version does not match the cluster's Kubernetes version",
	Severity: linter.Medium,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"reliability", "addons", "versions"},
	Check: func(p *linter.Pass) {
		pinnedAddons(p, "coredns", func(c *model.Cluster, a *model.Addon, minor, major, line int) {
			latest, ok := p.EKSData().CoreDNS(minor)
			if !ok {
				return
			}
			wantMajor, wantLine, _ := eksdata.Line(latest)
			got, want := major*1000+line, wantMajor*1000+wantLine
			f := addonVersionField(a)
			switch {
			case got < want:
				p.Report(a, a.Version.Range, "the coredns add-on is pinned to %s, an older line than the v%d.%d EKS ships for Kubernetes 1.%d (latest %s): it misses the fixes and settings tested with this version; set %s to %s, or leave it out so that EKS picks the default",
					a.Version.Val, wantMajor, wantLine, minor, latest, f, latest).Also(c.Version.Range, "the cluster's version")
			case got > want:
				p.ReportSeverity(linter.High, a, a.Version.Range, "the coredns add-on is pinned to %s, a newer line than any EKS offers for Kubernetes 1.%d (%s): EKS rejects an add-on version that is not compatible with the cluster; set %s to %s",
					a.Version.Val, minor, "latest "+latest, f, latest).Also(c.Version.Range, "the cluster's version")
			}
		})
	},
}
