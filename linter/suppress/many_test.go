package suppress

import (
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter/source"
)

// TestManyDirectivesInOneRun: 300,000 directives in one run of comments
// all apply to the line after the run; indexing them once took 50 s (each
// was checked against every directive the line already had). The bound
// here is for a hang, not a benchmark: the index takes under a second.
func TestManyDirectivesInOneRun(t *testing.T) {
	const n = 300000
	file := source.FileOf("many.yaml")
	f := &source.File{Path: "many.yaml", Comments: make([]source.Comment, n)}
	for i := range f.Comments {
		f.Comments[i] = source.Comment{Range: source.Range{File: file, Start: source.PosAt(i+1, 1), End: source.PosAt(i+1, 33)},
			Text: " ekslint:ignore EKS-K8S-001 -- r"}
	}
	below := source.Range{File: file, Start: source.PosAt(n+1, 1), End: source.PosAt(n+1, 5)}
	done := make(chan []*Match, 1)
	go func() {
		matches, _ := Apply([]Target{{RuleID: "EKS-K8S-001", Range: below}}, []*source.File{f}, nil, nil)
		done <- matches
	}()
	select {
	case matches := <-done:
		if len(matches) != 1 || matches[0] == nil || matches[0].Range.Start.Line != n {
			t.Errorf("the finding below the run is suppressed by the nearest directive, line %d: %+v", n, matches)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("indexing the directives did not end")
	}
}
