package eksctl

import (
	"testing"

	gen "github.com/ekslint/ekslint/linter/corpus"
)

// BenchmarkAdapt adapts the ClusterConfigs of the generated 1,000-file
// corpus (decoded once, outside the timer): the adapter's own CPU and
// allocations per run, which the whole-run benchmark shows only thinly.
//
//	go test -run '^$' -bench Adapt -benchmem ./linter/eksctl/
func BenchmarkAdapt(b *testing.B) {
	docs, err := gen.Docs(b.TempDir(), 1000, Is)
	if err != nil {
		b.Fatal(err)
	}
	if len(docs) < 300 {
		b.Fatalf("%d ClusterConfigs in the corpus", len(docs))
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
