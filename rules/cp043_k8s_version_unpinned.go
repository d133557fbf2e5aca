package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// CP043 flags a cluster whose Kubernetes version is not written.
var CP043 = &linter.Rule{
	ID:       "EKS-CP-043",
	Name:     "k8s-version-unpinned",
	Summary:  "The cluster's Kubernetes version is not pinned",
	Severity: linter.Low,
	Default:  true,
	Formats:  versionFormats,
	Tags:     []string{"reliability", "versions", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			// Unknown (a variable with no value) is a pin whose value we
			// cannot see, not a missing one.
			if c.Format == model.Eksctl && c.Version.IsSet() && eksctlFloating[c.Version.Val] {
				p.Report(c, c.Version.Range, "metadata.version is %q, which eksctl replaces with its own default or latest version, which changes from one eksctl release to the next; set metadata.version to the minor version you test with", c.Version.Val)
				continue
			}
			if !c.Version.IsDefault() {
				continue
			}
			switch c.Format {
			case model.Eksctl:
				p.Report(c, c.Version.Range, "metadata.version is not set, so eksctl creates the cluster with its own default version (1.34 in eksctl 0.230), which changes from one eksctl release to the next; set metadata.version to the minor version you test with")
			default:
				f := versionField(c)
				p.Report(c, c.Version.Range, "%s is not set, so EKS creates the cluster with its default version of the day and the configuration no longer says which version runs; pin %s to the minor version you test with and upgrade it deliberately", f, f)
			}
		}
	},
}

// eksctlFloating are the metadata.version words eksctl resolves itself
// (checkVersion in pkg/ctl/cmdutils: "auto" and "default" are its
// DefaultVersion, "latest" its LatestVersion).
var eksctlFloating = map[string]bool{"auto": true, "default": true, "latest": true}
