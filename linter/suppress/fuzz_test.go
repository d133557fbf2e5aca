package suppress

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// FuzzApply: any comment or annotation text parses without a panic.
func FuzzApply(f *testing.F) {
	f.Add(" ekslint:ignore EKS-CP-001, EKS-CP-002 -- reason", "EKS-K8S-010 -- batch")
	f.Add(" ekslint:ignore:--", "--")
	f.Fuzz(func(t *testing.T, comment, annotation string) {
		r := source.Range{File: "f", Start: source.Pos{Line: 2, Col: 1}, End: source.Pos{Line: 2, Col: 5}}
		file := &source.File{Path: "f", Comments: []source.Comment{{Range: source.Range{File: "f", Start: source.Pos{Line: 1, Col: 1}}, Text: comment}}}
		Apply([]Target{{RuleID: "EKS-CP-001", Range: r, Annotation: source.SetAt(annotation, r)}}, []*source.File{file},
			func(string) bool { return true }, func(string) bool { return true })
	})
}
