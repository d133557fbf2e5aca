package corpus

import (
	"os"
	"path/filepath"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Docs generates n files into dir and decodes its YAML documents, keeping
// those keep accepts by apiVersion and kind: what an adapter's benchmark
// adapts, decoded once, outside its timer.
func Docs(dir string, n int, keep func(apiVersion, kind string) bool) ([]*yamldoc.Doc, error) {
	if _, err := Generate(dir, n); err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	var docs []*yamldoc.Doc
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ds, _, _ := yamldoc.Decode(f, src)
		for _, d := range ds {
			if keep(d.APIVersionKind()) {
				docs = append(docs, d)
			}
		}
	}
	return docs, nil
}
