package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP051 flags a kube-proxy add-on whose minor version is not the
// cluster's: EKS builds kube-proxy v<cluster minor>.<patch>-eksbuild.N.
var CP051 = &linter.Rule{
	ID:       "EKS-CP-051",
	Name:     "kube-proxy-version-mismatch",
	Summary:  "The kube-proxy add-on's minor version differs from the cluster's",
	Severity: linter.Medium,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"reliability", "addons", "versions"},
	Check: func(p *linter.Pass) {
		pinnedAddons(p, "kube-proxy", func(c *model.Cluster, a *model.Addon, minor, major, line int) {
			if major != 1 || line == minor {
				return
			}
			f := addonVersionField(a)
			if line > minor {
				p.ReportSeverity(linter.High, a, a.Version.Range, "the kube-proxy add-on is %s, newer than the cluster's Kubernetes 1.%d: kube-proxy must never be newer than the API server; set %s to a v1.%d.x-eksbuild build",
					a.Version.Val, minor, f, minor).Also(c.Version.Range, "the cluster's version")
				return
			}
			p.Report(a, a.Version.Range, "the kube-proxy add-on is %s, built for Kubernetes 1.%d, but the cluster runs 1.%d: EKS ships a kube-proxy of the cluster's own minor version; set %s to a v1.%d.x-eksbuild build (or leave it out for EKS's default)",
				a.Version.Val, line, minor, f, minor).Also(c.Version.Range, "the cluster's version")
		})
	},
}
