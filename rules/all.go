// Package rules holds every ekslint rule, one small file each. A rule reads
// only the model (linter/model); it never sees HCL, cty or YAML.
package rules

import (
	"github.com/ekslint/ekslint/docs"
	"github.com/ekslint/ekslint/linter"
)

// All returns every rule, in catalog order. This is the only registry:
// nothing registers itself.
func All() []*linter.Rule {
	var all []*linter.Rule
	all = append(all, controlPlane...)
	all = append(all, nodes...)
	all = append(all, workloads...)
	for _, r := range all {
		if r.Doc == "" {
			r.Doc, _ = docs.Rule(r.ID)
		}
	}
	return all
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *linter.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
