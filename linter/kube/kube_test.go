package kube

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
	"github.com/ekslint/ekslint/linter/yamldoc/yamldoctest"
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

// TestAdaptLetsGo: the model Adapt returns lives to the end of the run, and
// must not keep the file's text or nodes alive with it (it did, through
// the adapter it is made with, until the adapter let go of them).
func TestAdaptLetsGo(t *testing.T) {
	src := strings.Join([]string{
		"apiVersion: apps/v1",
		"kind: Deployment",
		"metadata: {name: web}",
		"spec:",
		"  template:",
		"    spec:",
		"      containers:",
		"      - name: app",
		"        image: nginx:{{ .Tag }}",
		"---",
		"apiVersion: v1",
		"kind: List",
		"items:",
		"- &pod {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: busybox}]}}",
		"- *pod",
		"---",
		"apiVersion: v1",
		"kind: Secret",
		"metadata: {name: s}",
		"data: {k: dg==}",
	}, "\n")
	yamldoctest.LetsGo(t, testFile, src, func(d *yamldoc.Doc) any {
		m, _ := Adapt(d)
		return m
	})
}
