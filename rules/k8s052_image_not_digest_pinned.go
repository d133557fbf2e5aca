package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S052 flags images not pinned by digest.
var K8S052 = &linter.Rule{
	ID:       "EKS-K8S-052",
	Name:     "image-not-digest-pinned",
	Summary:  "A container image is not pinned by digest",
	Severity: linter.Low,
	Default:  false,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "supply-chain", "workloads"},
	Check: func(p *linter.Pass) {
		forEachImage(p, func(w *model.Workload, c *model.Container, ref imageRef) {
			if ref.Digest == "" {
				p.Report(w, c.Image.Range, "%s %q image %s has no digest, so a re-pushed tag changes what runs; append @sha256:<digest> to pin the exact image", c.Kind, c.Name, c.Image.Val).In(containerPath(c))
			}
		})
	},
}
