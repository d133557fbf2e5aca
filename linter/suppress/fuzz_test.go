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
		r := source.Range{File: source.FileOf("f"), Start: source.PosAt(2, 1), End: source.PosAt(2, 5)}
		file := &source.File{Path: "f", Comments: []source.Comment{{Range: source.Range{File: source.FileOf("f"), Start: source.PosAt(1, 1)}, Text: comment}}}
		Apply([]Target{{RuleID: "EKS-CP-001", Range: r, Annotation: source.SetAt(annotation, r)}}, []*source.File{file},
			func(string) bool { return true }, func(string) bool { return true })
	})
}

// FuzzPlacement: any scopes (overlapping, inverted, empty) around a
// directive go through without a panic.
func FuzzPlacement(f *testing.F) {
	f.Add(" ekslint:ignore EKS-CP-001, EKS-CP-002 -- reason", "EKS-K8S-010 -- batch", 1, 1, 3, 2, 2, 1, 2, 5)
	f.Add(" ekslint:ignore:--", "--", 0, 0, 0, 0, 0, 0, 0, 0)
	f.Add(" ekslint:ignore EKS-CP-001 -- r", "", 2, 3, 1, 1, 1, 1, 9, 9)
	f.Fuzz(func(t *testing.T, comment, annotation string, l1, c1, l2, c2, l3, c3, l4, c4 int) {
		r := source.Range{File: source.FileOf("f"), Start: source.PosAt(2, 1), End: source.PosAt(2, 5)}
		scope := func(a, b, c, d int) source.Range {
			return source.Range{File: source.FileOf("f"), Start: source.PosAt(a, b), End: source.PosAt(c, d)}
		}
		file := &source.File{Path: "f",
			Comments: []source.Comment{{Range: source.Range{File: source.FileOf("f"), Start: source.PosAt(1, 1)}, Text: comment}},
			Scopes:   []source.Range{scope(l1, c1, l2, c2), scope(l3, c3, l4, c4), scope(l1, c1, l4, c4)},
		}
		targets := []Target{
			{RuleID: "EKS-CP-001", Range: r, Annotation: source.SetAt(annotation, r)},
			{RuleID: "EKS-CP-001", Range: scope(l2, c2, l2, c2)},
		}
		m, _ := Apply(targets, []*source.File{file}, func(string) bool { return true }, func(string) bool { return true })
		if len(m) != len(targets) {
			t.Fatalf("%d matches for %d targets", len(m), len(targets))
		}
	})
}
