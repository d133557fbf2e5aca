package kube

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/corpus"
)

// BenchmarkAdapt adapts the Kubernetes documents of the generated 1,000-file
// corpus (decoded once, outside the timer): the adapter's own CPU and
// allocations per run, which the whole-run benchmark shows only thinly.
//
//	go test -run '^$' -bench Adapt -benchmem ./linter/kube/
func BenchmarkAdapt(b *testing.B) {
	docs, err := corpus.Docs(b.TempDir(), 1000, func(av, k string) bool { return av != "" && k != "" && !strings.HasPrefix(av, "eksctl.io/") })
	if err != nil {
		b.Fatal(err)
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
