package linter

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// TestSortFindingsIsStable checks sortFindings against a plain stable sort
// with the same order, on findings with many ties (equal keys differing
// only in what the order ignores, such as Path).
func TestSortFindingsIsStable(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	pick := func(s ...string) string { return s[r.Intn(len(s))] }
	for n := 0; n < 240; n++ {
		size := r.Intn(60)
		if n%8 == 0 {
			size = minParallelSort + r.Intn(3*minParallelSort) // split and merged
		}
		fs := make([]Finding, size)
		for i := range fs {
			fs[i] = Finding{
				RuleID:  pick("EKS-A", "EKS-B"),
				Message: pick("m", "n"),
				Object:  pick("o", "p"),
				Path:    string(rune('a' + i)),
				Range: source.Range{File: source.FileOf(pick("a.tf", "b.tf")),
					Start: source.PosAt(r.Intn(3), r.Intn(2)),
					End:   source.PosAt(r.Intn(3), r.Intn(2))},
			}
		}
		want := make([]Finding, len(fs))
		copy(want, fs)
		sort.SliceStable(want, func(i, j int) bool { return lessFinding(want[i], want[j]) })
		for _, jobs := range []int{1, 2, 3, 8} {
			ps := make([]*Finding, len(fs))
			for i := range fs {
				ps[i] = &fs[i]
			}
			sortFindings(ps, jobs)
			got := make([]Finding, len(ps))
			for i, p := range ps {
				got[i] = *p
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %d jobs: sortFindings differs from a stable sort:\n%v\n%v", n, jobs, got, want)
			}
		}
	}
}

// lessFinding is the order sortFindings keeps, written as a less function.
func lessFinding(a, b Finding) bool {
	if a.Range.Path() != b.Range.Path() {
		return a.Range.Path() < b.Range.Path()
	}
	if a.Range.Start != b.Range.Start {
		return a.Range.Start.Line < b.Range.Start.Line ||
			(a.Range.Start.Line == b.Range.Start.Line && a.Range.Start.Col < b.Range.Start.Col)
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	if a.Object != b.Object {
		return a.Object < b.Object
	}
	if a.Range.End != b.Range.End {
		return a.Range.Less(b.Range)
	}
	return a.Message < b.Message
}
