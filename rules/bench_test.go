package rules

import (
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/corpus"
	"github.com/ekslint/ekslint/linter/model"
)

// BenchmarkRules runs every rule over the merged model of the generated
// corpus of 1,000 files, without reading it again: the rules' own CPU and
// allocations, which BenchmarkLint mixes with parsing and adapting.
//
//	go test -run '^$' -bench Rules -benchmem -cpu 1 ./rules/
func BenchmarkRules(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, 1000); err != nil {
		b.Fatal(err)
	}
	// A rule that only keeps the model: Lint builds it as for a real run.
	var m *model.Model
	keep := &linter.Rule{ID: "KEEP", Check: func(p *linter.Pass) { m = p.Model }}
	linter.Lint(linter.Options{Paths: []string{dir}, Rules: []*linter.Rule{keep}})
	asOf := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	all := All()
	b.ReportAllocs()
	// CPU time, which the other work on a shared machine disturbs less
	// than the wall clock.
	cpu := corpus.CPUTime()
	for b.Loop() {
		for _, r := range all {
			r.Check(&linter.Pass{Rule: r, Model: m, AsOf: asOf})
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(corpus.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
	// Outside the loop: Findings copies them.
	n := 0
	for _, r := range all {
		p := &linter.Pass{Rule: r, Model: m, AsOf: asOf}
		r.Check(p)
		n += len(p.Findings())
	}
	b.ReportMetric(float64(n), "findings")
}
