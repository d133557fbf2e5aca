// Package yamldoctest helps test the readers of yamldoc documents.
package yamldoctest

import (
	"runtime"
	"testing"
	"weak"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// LetsGo reads src as the file path, hands each document to read and keeps
// what read returns, then fails t if, after a collection, the file's text
// or any node of its documents is still reachable: that is, if what a
// reader returns holds on to its input. A reader's model lives to the end
// of the run, so a reference it keeps to a node or to the text keeps the
// whole file (ten times its size in nodes) in memory as long.
func LetsGo(t testing.TB, path, src string, read func(*yamldoc.Doc) any) {
	t.Helper()
	text := []byte(src)
	if len(text) == 0 {
		t.Fatal("LetsGo needs some text")
	}
	textRef := weak.Make(&text[0])
	var nodes []weak.Pointer[yaml.Node]
	var kept []any
	_, problems := yamldoc.Each(path, text, func(d *yamldoc.Doc) {
		for _, n := range all(d.Root) {
			nodes = append(nodes, weak.Make(n))
		}
		kept = append(kept, read(d))
	})
	if len(problems) != 0 {
		t.Fatalf("test YAML does not decode: %v", problems)
	}
	if len(kept) == 0 || len(nodes) == 0 {
		t.Fatal("the test YAML holds no document")
	}
	text = nil
	runtime.GC()
	runtime.GC()
	if textRef.Value() != nil {
		t.Error("the file's text is still reachable from what was read")
	}
	alive := 0
	for _, n := range nodes {
		if n.Value() != nil {
			alive++
		}
	}
	if alive != 0 {
		t.Errorf("%d of %d nodes are still reachable from what was read", alive, len(nodes))
	}
	runtime.KeepAlive(kept)
}

// all lists the nodes under root once each, through aliases too.
func all(root *yaml.Node) []*yaml.Node {
	seen := map[*yaml.Node]bool{}
	var out []*yaml.Node
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		out = append(out, n)
		walk(n.Alias)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return out
}
