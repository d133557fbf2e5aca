package eksctl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// file is the path every inline test document is read as.
const file = "c.yaml"

// adapt decodes src as a whole file, as the engine does, and adapts each of
// its ClusterConfig documents.
func adapt(t *testing.T, src string) (*model.Model, []source.Problem) {
	t.Helper()
	docs, _, problems := yamldoc.Decode(file, []byte(src))
	if len(problems) != 0 {
		t.Fatalf("test YAML does not decode: %v", problems)
	}
	m := &model.Model{}
	var all []source.Problem
	for _, d := range docs {
		if av, k := d.APIVersionKind(); Is(av, k) {
			dm, ps := Adapt(d)
			m.Merge(dm)
			all = append(all, ps...)
		}
	}
	return m, all
}

// adaptClean adapts src and fails on any problem.
func adaptClean(t *testing.T, src string) *model.Model {
	t.Helper()
	m, problems := adapt(t, src)
	if len(problems) != 0 {
		t.Fatalf("unexpected problems: %v", problems)
	}
	return m
}

// span is a range of the test file: start line and column, end line and column.
func span(l1, c1, l2, c2 int) source.Range {
	return source.Range{File: source.FileOf(file), Start: source.PosAt(l1, c1), End: source.PosAt(l2, c2)}
}

// lines joins YAML lines, so that a test can count them.
func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }

// header is the first three lines of most test documents.
var header = []string{
	"apiVersion: eksctl.io/v1alpha5",
	"kind: ClusterConfig",
	"metadata: {name: c}",
}

// firstKey is the range of "apiVersion" on line 1.
var firstKey = span(1, 1, 1, 11)

// doc is header followed by more lines (from line 4 on).
func doc(more ...string) string { return lines(append(append([]string{}, header...), more...)...) }

// values renders a list's elements as "val@line:col" for compact comparison.
func values(l source.Strings) string {
	var out []string
	for _, v := range l.Val {
		s := v.Val
		if !v.Known() {
			s = "?"
		}
		out = append(out, s+"@"+posOf(v.Range))
	}
	return strings.Join(out, " ")
}

func posOf(r source.Range) string {
	return fmt.Sprintf("%d:%d", r.Start.Line, r.Start.Col)
}

// checkBool compares a located boolean with what is wanted.
func checkBool(t *testing.T, what string, got source.Value[bool], origin source.Origin, val bool, at source.Range) {
	t.Helper()
	if got.Origin != origin || (origin != source.Unknown && got.Val != val) || got.Range != at {
		t.Errorf("%s = %+v, want %v %v at %v-%v", what, got, origin, val, at, at.End)
	}
}

// onlyWarning checks that problems is one warning at `at` whose message
// holds every part of want.
func onlyWarning(t *testing.T, problems []source.Problem, at source.Range, want ...string) {
	t.Helper()
	if len(problems) != 1 {
		t.Fatalf("want one warning, got %v", problems)
	}
	p := problems[0]
	if p.Level != source.LevelWarning || p.Range != at {
		t.Errorf("warning %v at %v-%v, want a warning at %v-%v", p, p.Range, p.Range.End, at, at.End)
	}
	for _, w := range want {
		if !strings.Contains(p.Message, w) {
			t.Errorf("message %q does not say %q", p.Message, w)
		}
	}
}
