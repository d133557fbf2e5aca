package kube

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

const testFile = "k.yaml"

// adapt decodes src as the engine does and adapts every document that has
// an apiVersion and a kind.
func adapt(t *testing.T, src string) (*model.Model, []source.Problem) {
	t.Helper()
	docs, _, problems := yamldoc.Decode(testFile, []byte(src))
	if len(problems) != 0 {
		t.Fatalf("decode: %v", problems)
	}
	m := &model.Model{}
	var all []source.Problem
	for _, d := range docs {
		if apiVersion, kind := d.APIVersionKind(); apiVersion == "" || kind == "" {
			continue
		}
		dm, ps := Adapt(d)
		m.Merge(dm)
		all = append(all, ps...)
	}
	return m, all
}

// adaptClean is adapt for input that must give no problem at all.
func adaptClean(t *testing.T, src string) *model.Model {
	t.Helper()
	m, problems := adapt(t, src)
	if len(problems) != 0 {
		t.Fatalf("unexpected problems: %v", problems)
	}
	return m
}

// one returns the only workload of m.
func one(t *testing.T, m *model.Model) *model.Workload {
	t.Helper()
	if len(m.Workloads) != 1 {
		t.Fatalf("want 1 workload, got %d", len(m.Workloads))
	}
	return m.Workloads[0]
}

// span is a range of the test file, end exclusive as yamldoc gives it.
func span(l1, c1, l2, c2 int) source.Range {
	return source.Range{File: source.FileOf(testFile), Start: source.PosAt(l1, c1), End: source.PosAt(l2, c2)}
}

// pos is a start position, for tests that need not pin the end.
func pos(line, col int) source.Pos { return source.PosAt(line, col) }

func TestAdaptNilDocument(t *testing.T) {
	m, problems := Adapt(nil)
	if m == nil || len(m.Workloads) != 0 || len(problems) != 0 {
		t.Errorf("nil document: %+v %v", m, problems)
	}
	m, problems = Adapt(&yamldoc.Doc{File: source.FileOf(testFile)})
	if m == nil || len(m.Workloads) != 0 || len(problems) != 0 {
		t.Errorf("document without root: %+v %v", m, problems)
	}
}
