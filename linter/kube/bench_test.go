package kube

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/corpus"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// BenchmarkAdapt adapts the Kubernetes documents of the generated 1,000-file
// corpus (decoded once, outside the timer): the adapter's own CPU and
// allocations per run, which the whole-run benchmark shows only thinly.
//
//	go test -run '^$' -bench Adapt -benchmem ./linter/kube/
func BenchmarkAdapt(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, 1000); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	var docs []*yamldoc.Doc
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ds, _, _ := yamldoc.Decode(f, src)
		for _, d := range ds {
			if av, k := d.APIVersionKind(); av != "" && k != "" && !strings.HasPrefix(av, "eksctl.io/") {
				docs = append(docs, d)
			}
		}
	}
	if len(docs) < 300 {
		b.Fatalf("%d Kubernetes documents in the corpus", len(docs))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, ps := Adapt(d); len(ps) != 0 {
				b.Fatal(ps)
			}
		}
	}
}
