package yamldoc

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
)

// yamlNodes counts the nodes yaml.v3 builds of src, each once (an alias
// is a node of its own; what it points at is counted where it is defined),
// up to the first error, as Each decodes.
func yamlNodes(src []byte) int {
	n := 0
	var walk func(*yaml.Node)
	walk = func(x *yaml.Node) {
		n++
		for _, c := range x.Content {
			walk(c)
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if !errors.Is(err, io.EOF) {
				return n
			}
			return n
		}
		walk(&doc)
	}
}

var nodeSamples = []string{
	"",
	"a",
	"---\n---\n---\n",
	"a: [1,1,1,1]\n",
	"{a, b, c}\n",
	"[{}, [], {a}, [b]]\n",
	"-\n-\n- -\n",
	"? a\n? b\n: c\n",
	"a: &x [1, 2]\nb: *x\nc: <<\n",
	"k: |\n  line one\n  line two\n",
	"\"a\": b\n'c': d\n{\"e\":f}\n",
	"- !!str a\n- &y b\n- *y\n",
	"... \nx\n---\ny\n",
}

func checkNodeBound(t *testing.T, src []byte) {
	t.Helper()
	n := yamlNodes(src)
	if n > 2*len(src)+4 {
		t.Fatalf("%q: %d nodes of %d bytes: the count's shortcut is wrong", src, n, len(src))
	}
	if n > 0 && nodeBound(src, n-1) < 0 {
		t.Errorf("%q: the count stays within %d, but yaml.v3 builds %d nodes", src, n-1, n)
	}
}

func TestNodeBoundCountsNoFewerThanYAML(t *testing.T) {
	for _, s := range nodeSamples {
		checkNodeBound(t, []byte(s))
	}
}

func FuzzNodeBound(f *testing.F) {
	for _, s := range nodeSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkNodeBound(t, src) })
}

// TestEachRefusesTooManyNodes: a file that may hold more than MaxNodes
// nodes is refused before yaml.v3 builds any, where the count passes.
func TestEachRefusesTooManyNodes(t *testing.T) {
	src := []byte("a: [" + strings.Repeat("1,", MaxNodes/2) + "1]\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	used := 0
	_, problems := Each("f.yaml", src, func(*Doc) { used++ })
	runtime.ReadMemStats(&after)
	if used != 0 || len(problems) != 1 || problems[0].Level != source.LevelError {
		t.Fatalf("%d documents read, problems %v; want none read and one error", used, problems)
	}
	// 4 for the file, 2 for the colon, the bracket and each comma: the
	// count passes the bound at comma k, at offset 3+2k.
	k := (MaxNodes-8)/2 + 1
	if p := problems[0].Range.Start; p.Line != 1 || p.Col != int32(3+2*k+1) {
		t.Errorf("the problem at %d:%d, want 1:%d", p.Line, p.Col, 3+2*k+1)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 16 {
		t.Errorf("refusing the file allocated %d MB: it was decoded", mb)
	}
}
