package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S001 flags privileged containers.
var K8S001 = &linter.Rule{
	ID:       "EKS-K8S-001",
	Name:     "privileged-container",
	Summary:  "A container runs privileged",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Check: func(p *linter.Pass) {
		for _, w := range p.Model.Workloads {
			for _, c := range w.Containers {
				if source.IsTrue(c.Privileged) {
					p.Report(w, c.Privileged.Range, "%s %q runs privileged: it has every capability and all host devices, so escaping to the node is trivial; drop privileged and add only the capabilities it needs", c.Kind, c.Name).In(containerPath(c))
				}
			}
		}
	},
}
