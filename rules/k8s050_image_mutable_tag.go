package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S050 flags images without a tag or tagged latest, and without a digest.
var K8S050 = &linter.Rule{
	ID:       "EKS-K8S-050",
	Name:     "image-mutable-tag",
	Summary:  "A container image has no tag or the latest tag, and no digest",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "reliability", "workloads"},
	Check: func(p *linter.Pass) {
		forEachImage(p, func(w *model.Workload, c *model.Container, ref imageRef) {
			if ref.Digest != "" || (ref.Tag != "" && ref.Tag != "latest") {
				return
			}
			what := "has no tag, so it pulls latest"
			if ref.Tag == "latest" {
				what = "uses the latest tag"
			}
			p.Report(w, c.Image.Range, "%s %q image %s %s, which changes under the same name: nodes may run different code and a rollback may not restore the old one; pin a version tag or a digest", c.Kind, c.Name, c.Image.Val, what).In(containerPath(c))
		})
	},
}

// forEachImage calls f for every container whose image is written and
// parses as an image reference.
func forEachImage(p *linter.Pass, f func(*model.Workload, *model.Container, imageRef)) {
	for _, w := range p.Model.Workloads {
		for _, c := range w.Containers {
			if !c.Image.IsSet() {
				continue
			}
			if ref, ok := parseImage(c.Image.Val); ok {
				f(w, c, ref)
			}
		}
	}
}
