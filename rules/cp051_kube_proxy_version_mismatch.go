package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
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
		for _, c := range p.Model.Clusters {
			if !c.Version.IsSet() {
				continue
			}
			minor, ok := eksdata.Minor(c.Version.Val)
			if !ok {
				continue
			}
			for _, a := range c.Addons {
				if a.Name != "kube-proxy" {
					continue
				}
				major, line, ok := explicitAddonVersion(a)
				if !ok || major != 1 || line == minor {
					continue
				}
				f := addonVersionField(a)
				if line > minor {
					p.ReportSeverity(linter.High, a, a.Version.Range, "the kube-proxy add-on is %s, newer than the cluster's Kubernetes 1.%d: kube-proxy must never be newer than the API server; set %s to a v1.%d.x-eksbuild build",
						a.Version.Val, minor, f, minor).Also(c.Version.Range, "the cluster's version")
					continue
				}
				p.Report(a, a.Version.Range, "the kube-proxy add-on is %s, built for Kubernetes 1.%d, but the cluster runs 1.%d: EKS ships a kube-proxy of the cluster's own minor version; set %s to a v1.%d.x-eksbuild build (or leave it out for EKS's default)",
					a.Version.Val, line, minor, f, minor).Also(c.Version.Range, "the cluster's version")
			}
		}
	},
}
