// Package yamldoc decodes a YAML or JSON file into located documents with
// one decoder over the whole file, so every line number is the file's own,
// and collects what suppression needs (comments, object ranges).
// The eksctl and kube adapters share it.
package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
)

// MaxDepth bounds how deep any walk over a document goes. Real manifests
// are a few dozen levels deep; this stops hostile nesting from exhausting
// the stack.
const MaxDepth = 200

// Doc is one YAML document of a file.
type Doc struct {
	// File is the document's file (File.Path() is its path), which the
	// ranges of its nodes hold.
	File source.FileID
	// Budget counts the objects adapters may still read from the file;
	// the documents of one file share it.
	Budget *Budget
	// Root is the document's top node (usually a mapping); never a DocumentNode.
	Root *yaml.Node
	// Src is the whole file, for locating text inside a block scalar.
	Src []byte
}

// APIVersionKind returns the document's apiVersion and kind ("" when absent
// or not a string).
func (d *Doc) APIVersionKind() (apiVersion, kind string) {
	return ScalarOf(Get(d.Root, "apiVersion")), ScalarOf(Get(d.Root, "kind"))
}

// yaml.v3 reports syntax errors as "yaml: line N: message".
var lineErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Decode reads every document of src. Documents before a syntax error are
// kept; the error becomes a located problem. Comments and scopes for
// suppression are returned in file.
func Decode(path string, src []byte) (docs []*Doc, file *source.File, problems []source.Problem) {
	file, problems = Each(path, src, func(d *Doc) { docs = append(docs, d) })
	return docs, file, problems
}

// Each is Decode handing each document to use as soon as it is decoded,
// without keeping it: a reader that adapts a document and lets it go holds
// one document's nodes at a time, not the whole file's (ten times the
// file's size in a manifest of many small objects).
func Each(path string, src []byte, use func(*Doc)) (file *source.File, problems []source.Problem) {
	file = &source.File{Path: path}
	id := source.FileOf(path)
	if at := nodeBound(src, MaxNodes); at >= 0 {
		return file, []source.Problem{tooManyNodes(id, src, at)}
	}
	budget := NewBudget()
	// Comments and scopes matter only for ignore directives (a comment
	// starting with the keyword): a file without the keyword needs neither,
	// as in the Terraform reader.
	var blockLines map[int]bool
	if source.MayHoldDirective(src) {
		blockLines = map[int]bool{}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for n := 0; ; {
		var node yaml.Node
		err := dec.Decode(&node)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			problems = append(problems, syntaxProblem(id, err))
			break
		}
		root := &node
		if root.Kind == yaml.DocumentNode {
			if len(root.Content) == 0 {
				continue
			}
			root = root.Content[0]
		}
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue // an empty document between two "---"
		}
		if n == MaxDocuments {
			problems = append(problems, source.Warnf(Range(id, root),
				"the file holds more than %d YAML documents: this one and the rest are not read", MaxDocuments))
			break
		}
		n++
		if blockLines != nil {
			collectScopes(id, root, file, blockLines, 0)
		}
		use(&Doc{File: id, Root: root, Src: src, Budget: budget})
	}
	if blockLines != nil {
		file.Comments = comments(id, src, blockLines)
	}
	return file, problems
}

func syntaxProblem(path source.FileID, err error) source.Problem {
	msg := err.Error()
	if m := lineErr().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return source.Errorf(source.Range{File: path, Start: source.PosAt(line, 1), End: source.PosAt(line, 1)},
			"invalid YAML: %s", m[2])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return source.Errorf(source.Range{File: path, Start: source.PosAt(1, 1), End: source.PosAt(1, 1)},
		"invalid YAML: %s", msg)
}

// collectScopes records the range of every mapping and sequence item, and
// the lines that belong to block scalars (whose "#" is text, not a comment).
func collectScopes(path source.FileID, n *yaml.Node, f *source.File, blockLines map[int]bool, depth int) {
	if n == nil || depth > MaxDepth {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		f.Scopes = append(f.Scopes, Range(path, n))
		for i := 1; i < len(n.Content); i += 2 {
			collectScopes(path, n.Content[i], f, blockLines, depth+1)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind != yaml.MappingNode {
				f.Scopes = append(f.Scopes, Range(path, c))
			}
			collectScopes(path, c, f, blockLines, depth+1)
		}
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") {
			end := int(Range(path, n).End.Line)
			for l := n.Line + 1; l <= end; l++ {
				blockLines[l] = true
			}
		}
	}
}

// comments finds YAML comments: a "#" at the start of a line or after
// whitespace, outside quotes, on a line that is not block-scalar text.
func comments(path source.FileID, src []byte, blockLines map[int]bool) []source.Comment {
	var out []source.Comment
	line := 0
	for len(src) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, nil
		}
		if blockLines[line] || bytes.IndexByte(l, '#') < 0 {
			continue
		}
		l = bytes.TrimSuffix(l, []byte("\r"))
		var quote byte
		col := 0
		for i := 0; i < len(l); i++ {
			c := l[i]
			if c < utf8.RuneSelf || utf8.RuneStart(c) {
				col++
			}
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if i == 0 || l[i-1] == ' ' || l[i-1] == '\t' || l[i-1] == ':' || l[i-1] == '[' || l[i-1] == '{' || l[i-1] == ',' || l[i-1] == '-' {
					quote = c
				}
			case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
				text := string(l[i+1:])
				end := col + utf8.RuneCountInString(text)
				out = append(out, source.Comment{
					Range: source.Range{File: path, Start: source.PosAt(line, col), End: source.PosAt(line, end+1)},
					Text:  text,
				})
				i = len(l)
			}
		}
	}
	return out
}

// Get returns the value of key in mapping m, or nil. Aliases are resolved
// one level; merge keys are not expanded.
func Get(m *yaml.Node, key string) *yaml.Node {
	_, v := Lookup(m, key)
	return v
}

// Lookup returns the key and value nodes of key in mapping m, or nils.
func Lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	m = Deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], Deref(m.Content[i+1])
		}
	}
	return nil, nil
}

// Deref resolves an alias node to its anchor (one level: anchors cannot
// point at aliases in yaml.v3).
func Deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// ScalarOf returns a scalar node's value, or "" for nil and non-scalars.
func ScalarOf(n *yaml.Node) string {
	n = Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// IsNull reports whether n is absent or an explicit null.
func IsNull(n *yaml.Node) bool {
	n = Deref(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// Bool reads a YAML boolean. ok is false when n is not a boolean scalar.
func Bool(n *yaml.Node) (v, ok bool) {
	n = Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		return false, false
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		switch strings.ToLower(n.Value) {
		case "yes", "on", "y":
			return true, true
		case "no", "off", "n":
			return false, true
		}
		return false, false
	}
	return b, true
}

// Pos returns n's start position.
func Pos(n *yaml.Node) source.Pos { return source.PosAt(n.Line, n.Column) }

// Range returns n's range. A scalar ends after its text (quotes included);
// a collection ends where its last descendant ends.
func Range(path source.FileID, n *yaml.Node) source.Range {
	if n == nil {
		return source.Range{File: path}
	}
	return source.Range{File: path, Start: Pos(n), End: end(n, 0)}
}

// KeyValueRange spans from a mapping key to the end of its value: where
// findings about a bad value of a key point when the key names the setting.
func KeyValueRange(path source.FileID, k, v *yaml.Node) source.Range {
	if v == nil {
		return Range(path, k)
	}
	// Where the key itself ends does not matter: the value's end is taken.
	r := source.Range{File: path, End: end(v, 0)}
	if k != nil {
		r.Start = Pos(k)
	}
	return r
}

func end(n *yaml.Node, depth int) source.Pos {
	if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode || depth > MaxDepth || len(n.Content) == 0 {
		return scalarEnd(n)
	}
	last := n.Content[len(n.Content)-1]
	e := end(last, depth+1)
	if n.Style&yaml.FlowStyle != 0 {
		e.Col++ // the closing bracket
	}
	return e
}

func scalarEnd(n *yaml.Node) source.Pos {
	text := n.Value
	switch n.Kind {
	case yaml.AliasNode:
		text = "*" + n.Value
	case yaml.MappingNode:
		text = "{}"
	case yaml.SequenceNode:
		text = "[]"
	}
	if n.Kind == yaml.ScalarNode && (n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(text, "\n")) {
		// Block or multi-line scalars: end at the start of their last line
		// of text; the exact column is not worth re-scanning the source.
		lines := strings.Count(strings.TrimRight(text, "\n"), "\n")
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			lines++
		}
		return source.PosAt(n.Line+lines, n.Column+1)
	}
	w := utf8.RuneCountInString(text)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		w += 2
	}
	return source.PosAt(n.Line, n.Column+w)
}

// Describe names what a node is, for messages about a wrong type:
// "a mapping", "a list", "null", "the boolean true", "the number 3",
// "the string \"x\"" (cut at 40 characters).
func Describe(n *yaml.Node) string {
	n = Deref(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!bool":
			return "the boolean " + n.Value
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		if r := []rune(n.Value); len(r) > 40 {
			return fmt.Sprintf("the string %q…", string(r[:40]))
		}
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "an alias"
}
