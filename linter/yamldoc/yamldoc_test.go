package yamldoc

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"weak"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
)

func TestDecodeKeepsFileLines(t *testing.T) {
	docs, _, problems := Decode("f.yaml", []byte("a: 1\n---\n\n---\nkind: Pod\napiVersion: v1\n"))
	if len(problems) != 0 || len(docs) != 2 {
		t.Fatalf("docs %d problems %v", len(docs), problems)
	}
	av, kind := docs[1].APIVersionKind()
	if av != "v1" || kind != "Pod" || docs[1].Root.Content[0].Line != 5 {
		t.Errorf("second document: %s %s at line %d", av, kind, docs[1].Root.Content[0].Line)
	}
}

// TestEachLetsDocumentsGo: Each keeps no document it has handed out, so a
// reader that lets each go holds one document's nodes at a time. A file
// of 24,000 small objects peaked at 315 MB when Decode kept them all, and
// at 114 MB read through Each.
func TestEachLetsDocumentsGo(t *testing.T) {
	var src strings.Builder
	for i := 0; i < 50; i++ {
		src.WriteString("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {a: b}}\ndata: {k: v}\n")
	}
	var first weak.Pointer[yaml.Node]
	seen, freed := 0, false
	_, problems := Each("f.yaml", []byte(src.String()), func(d *Doc) {
		seen++
		switch seen {
		case 1:
			first = weak.Make(d.Root)
		case 50:
			runtime.GC()
			freed = first.Value() == nil
		}
	})
	if seen != 50 || len(problems) != 0 {
		t.Fatalf("%d documents, problems %v", seen, problems)
	}
	if !freed {
		t.Error("the first document is still reachable when the last is read: Each keeps what it handed out")
	}
}

func TestSyntaxErrorIsLocatedAndEarlierDocsKept(t *testing.T) {
	docs, _, problems := Decode("f.yaml", []byte("a: 1\n---\nb: [\n  c\nd: e\n"))
	if len(docs) != 1 {
		t.Errorf("the document before the error is lost: %d", len(docs))
	}
	if len(problems) != 1 || problems[0].Level != source.LevelError || problems[0].Range.Start.Line < 2 ||
		!strings.HasPrefix(problems[0].Message, "invalid YAML: ") {
		t.Errorf("problems %v", problems)
	}
}

func TestComments(t *testing.T) {
	src := `# head, see ekslint:ignore
key: "value # not a comment" # trailing
text: |
  # inside a block scalar
  more
url: http://example.com/#anchor
list: ['a#b', c] # end
`
	_, f, _ := Decode("f.yaml", []byte(src))
	var got []string
	for _, c := range f.Comments {
		got = append(got, strings.TrimSpace(c.Text)+"@"+string('0'+c.Range.Start.Line))
	}
	if strings.Join(got, ",") != "head, see ekslint:ignore@1,trailing@2,end@7" {
		t.Errorf("comments %v", got)
	}
	// Without the keyword no comment can be a directive: none are read.
	if _, f, _ := Decode("f.yaml", []byte("# head\nkey: v # trailing\n")); len(f.Comments) != 0 || len(f.Scopes) != 0 {
		t.Errorf("comments %v and scopes %v read in a file without ignore directives", f.Comments, f.Scopes)
	}
}

func TestRanges(t *testing.T) {
	docs, f, _ := Decode("f.yaml", []byte("a:\n  b: \"quoted\"\n  c: [1, 2]\nlist:\n  - x: 1\n    y: 2\n# ekslint:ignore\n"))
	root := docs[0].Root
	k, v := Lookup(Get(root, "a"), "b")
	if r := KeyValueRange(source.FileOf("f.yaml"), k, v); r.Start != (source.PosAt(2, 3)) || r.End != (source.PosAt(2, 14)) {
		t.Errorf("key-value range %+v", r)
	}
	if r := Range(source.FileOf("f.yaml"), Get(Get(root, "a"), "c")); r.End != (source.PosAt(3, 12)) {
		t.Errorf("flow sequence range %+v", r)
	}
	var item bool
	for _, s := range f.Scopes {
		if s.Start == (source.PosAt(5, 5)) && s.End.Line == 6 {
			item = true
		}
	}
	if !item {
		t.Errorf("list item scope missing: %+v", f.Scopes)
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	src := strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n# ekslint:ignore\n"
	docs, f, _ := Decode("f.yaml", []byte(src))
	_ = docs
	if f == nil {
		t.Fatal("no file info")
	}
}

func TestBool(t *testing.T) {
	docs, _, _ := Decode("f.yaml", []byte("a: true\nb: False\nc: \"true\"\nd: 1\n"))
	root := docs[0].Root
	for key, want := range map[string][2]bool{"a": {true, true}, "b": {false, true}, "c": {false, false}, "d": {false, false}} {
		v, ok := Bool(Get(root, key))
		if v != want[0] || ok != want[1] {
			t.Errorf("%s: %v %v", key, v, ok)
		}
	}
}

// TestKeyValueRangeOnFixtures: KeyValueRange, which does not compute where
// the key ends, spans from the key's start to the value's end, as
// Range(key) with the end of Range(value) does, for every pair of every
// mapping of the fixtures' YAML files.
func TestKeyValueRangeOnFixtures(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*/*.yaml")
	more, _ := filepath.Glob("../../fixtures/*/*/*.yaml")
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no fixtures")
	}
	pairs := 0
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > MaxDepth {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				want := Range(source.FileOf("f.yaml"), k)
				want.End = Range(source.FileOf("f.yaml"), v).End
				if got := KeyValueRange(source.FileOf("f.yaml"), k, v); got != want {
					t.Errorf("%q at %d:%d: %v, want %v", k.Value, k.Line, k.Column, got, want)
				}
				pairs++
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, _, _ := Decode("f.yaml", src)
		for _, d := range docs {
			walk(d.Root, 0)
		}
	}
	if pairs < 1000 {
		t.Errorf("only %d pairs in %d files", pairs, len(files))
	}
	if r := KeyValueRange(source.FileOf("f.yaml"), nil, nil); r != (source.Range{File: source.FileOf("f.yaml")}) {
		t.Errorf("no key, no value: %v", r)
	}
}
