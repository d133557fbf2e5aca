package terraform

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestComposite: wherever composite answers (references, and tuples and
// objects of literals and references), it gives the value (and the
// success or failure) that hcl's evaluation gives in the context context
// builds, for every reference in the fixtures' and testdata's .tf files,
// each read in its own folder's module (variables, tfvars defaults,
// locals), at module level and inside an instance's scope.
func TestComposite(t *testing.T) {
	byDir := map[string][]File{}
	for _, path := range tfFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(path)
		byDir[dir] = append(byDir[dir], File{Path: path, Src: src})
	}
	scopes := []map[string]cty.Value{nil, {
		"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(1)}),
		"each":  cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal("a"), "value": cty.StringVal("b")}),
	}}
	answered, declined, built := 0, 0, 0
	for dir, files := range byDir {
		m := newModule(dir)
		m.root = dir
		m.read(files)
		m.resolveVariables(Options{})
		for _, f := range m.parsed {
			body, ok := f.Body.(*hclsyntax.Body)
			if !ok {
				continue
			}
			eachBody(body, func(b *hclsyntax.Body) {
				for _, a := range b.Attributes {
					_ = hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
						e, ok := n.(hclsyntax.Expression)
						if !ok {
							return nil
						}
						for _, scope := range scopes {
							m.scope = scope
							got, gotDiags, ok := m.composite(e)
							if !ok {
								declined++
								continue
							}
							answered++
							switch e.(type) {
							case *hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr:
								built++
							}
							want, wantDiags := e.Value(m.context(e))
							if gotDiags.HasErrors() != wantDiags.HasErrors() ||
								(!wantDiags.HasErrors() && !got.RawEquals(want)) {
								t.Errorf("%s: %#v (%v), hcl gives %#v (%v)", e.Range(), got, gotDiags, want, wantDiags)
							}
						}
						m.scope = nil
						return nil
					})
				}
			})
		}
	}
	if answered < 100 || declined == 0 || built < 20 {
		t.Fatalf("composite answered %d times (%d tuples and objects) and declined %d: all should occur often", answered, built, declined)
	}
}
