package kube

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// The aws-auth ConfigMap: the YAML inside mapRoles, mapUsers and
// mapAccounts.

// MaxAuthEntries bounds how many entries of one aws-auth map are read; a
// real map has a few dozen.
const MaxAuthEntries = 10000

// authMapKeys are the data keys of aws-auth that hold mappings, in the
// order they are read.
var authMapKeys = []string{model.MapRoles, model.MapUsers, model.MapAccounts}

// authConfigMap adapts n when it is the aws-auth ConfigMap, and reports
// whether it was: no other reader then treats it as anything else.
func (a *adapter) authConfigMap(n *yaml.Node, kind string) bool {
	if kind != "ConfigMap" {
		return false
	}
	meta := lookupValue(n, "metadata")
	if yamldoc.ScalarOf(lookupValue(meta, "name")) != "aws-auth" {
		return false
	}
	obj, _, _ := a.header(n, kind)
	am := &model.AuthMap{Object: obj}
	// A manifest without a namespace goes where `kubectl apply -n` puts
	// it, which is usually kube-system for aws-auth: Unknown.
	if k, v := lookup(meta, "namespace"); v != nil && !yamldoc.IsNull(v) && v.Kind == yaml.ScalarNode {
		am.Namespace = source.SetAt(v.Value, a.keyValueRange(k, v))
	} else {
		am.Address = kind + "/aws-auth"
	}
	a.m.Access.AuthMaps = append(a.m.Access.AuthMaps, am)
	data := lookupValue(n, "data")
	if yamldoc.IsNull(data) {
		return true
	}
	if data.Kind != yaml.MappingNode {
		am.Problems = append(am.Problems, model.AuthProblem{Range: a.rng(data),
			Message: fmt.Sprintf("data must be a mapping of strings, not %s", yamldoc.Describe(data))})
		return true
	}
	var lines *Lines
	for _, key := range authMapKeys {
		k, v := lookup(data, key)
		if v == nil || yamldoc.IsNull(v) {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			am.Problems = append(am.Problems, model.AuthProblem{Range: a.keyValueRange(k, v),
				Message: fmt.Sprintf("data.%s must be a string holding YAML (a block scalar `%s: |`), not %s", key, key, yamldoc.Describe(v))})
			continue
		}
		file, place := a.file, Placer(nil)
		if a.at != nil {
			// Built: the text lies where the source scalar does. The
			// placer checks every line it places against that file, so
			// a value a build changed is placed at the key instead.
			r := a.at(v)
			var src []byte
			if a.fileText != nil {
				src = a.fileText(r.File.Path())
			}
			sv := *v
			sv.Line, sv.Column = int(r.Start.Line), int(r.Start.Col)
			file, place = r.File, NewLines(src).scalarPlacer(&sv)
		} else {
			if lines == nil {
				lines = NewLines(a.src)
			}
			place = lines.scalarPlacer(v)
		}
		entries, problems := AuthText(file, key, v.Value, place, a.rng(k))
		am.Entries = append(am.Entries, entries...)
		am.Problems = append(am.Problems, problems...)
	}
	return true
}

// Lines indexes the lines of a file, to locate text inside a string that
// holds YAML (a block scalar, a heredoc).
type Lines struct {
	src    []byte
	starts []int
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	l := &Lines{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// line returns line n (1-based) without its line break, or false.
func (l *Lines) line(n int) (string, bool) {
	if l == nil || n < 1 || n > len(l.starts) {
		return "", false
	}
	start, end := l.starts[n-1], len(l.src)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return string(bytes.TrimSuffix(l.src[start:end], []byte("\r"))), true
}

// Placer maps a position (1-based line and column) inside the text of a
// string to the file's; false when it cannot.
type Placer func(line, col int) (source.Pos, bool)

// Literal returns the placer of text written line for line in the file
// from line first on, each line indented by any amount (a literal block
// scalar, a heredoc): a line of text is found at the end of its line of
// the file, and a line that is not there is not placed.
func (l *Lines) Literal(first int, text string) Placer {
	inner := strings.Split(text, "\n")
	return func(line, col int) (source.Pos, bool) {
		if line < 1 || line > len(inner) {
			return source.Pos{}, false
		}
		raw, ok := l.line(first + line - 1)
		t := strings.TrimSuffix(inner[line-1], "\r")
		if !ok || !strings.HasSuffix(raw, t) {
			return source.Pos{}, false
		}
		return source.PosAt(first+line-1, utf8.RuneCountInString(raw)-utf8.RuneCountInString(t)+col), true
	}
}

// scalarPlacer places text inside the scalar v: exactly for a literal
// block scalar (|, |-, |+, with or without an indentation indicator) and
// for a one-line scalar written as is; nil (findings point at the key) for
// a folded, multi-line flow or escaped scalar, whose text is not the
// file's.
func (l *Lines) scalarPlacer(v *yaml.Node) Placer {
	switch {
	case v.Style&yaml.LiteralStyle != 0:
		return l.Literal(v.Line+1, v.Value)
	case v.Style&yaml.FoldedStyle != 0 || strings.Contains(v.Value, "\n"):
		return nil
	}
	raw, ok := l.line(v.Line)
	if !ok {
		return nil
	}
	skip := v.Column - 1
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		skip++
	}
	rs := []rune(raw)
	if skip > len(rs) || !strings.HasPrefix(string(rs[skip:]), v.Value) {
		return nil
	}
	return func(line, col int) (source.Pos, bool) {
		if line != 1 {
			return source.Pos{}, false
		}
		return source.PosAt(v.Line, skip+col), true
	}
}

// AuthText reads the YAML text of one aws-auth map: from is mapRoles,
// mapUsers or mapAccounts. place maps positions inside text to the file
// (file); what it cannot place, or everything when it is nil, points at
// fallback. Problems that make the map or an entry unreadable are returned
// for EKS-RBAC-012.
func AuthText(file source.FileID, from, text string, place Placer, fallback source.Range) ([]*model.AuthEntry, []model.AuthProblem) {
	r := &authReader{file: file, from: from, place: place, fallback: fallback}
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	docs, _, problems := yamldoc.Decode(file.Path(), []byte(text))
	if len(problems) > 0 && envPlaceholder(text) {
		return nil, nil // a template (envsubst, a CI step) fills it in later
	}
	if len(problems) > 0 {
		p := problems[0]
		at := r.pos(int(p.Range.Start.Line), 1)
		msg := strings.TrimPrefix(p.Message, "invalid YAML: ")
		r.problem(at, "%s is not valid YAML (%s), so aws-iam-authenticator cannot read any of it", from, msg)
		return nil, r.problems
	}
	if len(docs) == 0 {
		return nil, nil
	}
	root := yamldoc.Deref(docs[0].Root)
	if root.Kind == yaml.ScalarNode && envPlaceholder(root.Value) {
		return nil, nil
	}
	if root.Kind != yaml.SequenceNode {
		want := "mappings"
		if from == model.MapAccounts {
			want = "account IDs"
		}
		r.problem(r.rng(root), "%s must be a YAML list of %s, not %s", from, want, yamldoc.Describe(root))
		return nil, r.problems
	}
	var out []*model.AuthEntry
	for i, raw := range root.Content {
		if i >= MaxAuthEntries {
			r.problem(r.rng(raw), "%s has more than %d entries; the rest are not read", from, MaxAuthEntries)
			break
		}
		if e := r.entry(i, raw); e != nil {
			out = append(out, e)
		}
	}
	return out, r.problems
}

type authReader struct {
	file     source.FileID
	from     string
	place    Placer
	fallback source.Range
	problems []model.AuthProblem
	// groups counts the group names read: aliases could otherwise make
	// every entry read one huge list.
	groupsRead int
}

// maxAuthGroups bounds how many group names one map reads in all.
const maxAuthGroups = 100000

func (r *authReader) problem(at source.Range, format string, args ...any) {
	r.problems = append(r.problems, model.AuthProblem{Range: at, Message: fmt.Sprintf(format, args...)})
}

// pos is the range of one inner position.
func (r *authReader) pos(line, col int) source.Range {
	if r.place != nil {
		if p, ok := r.place(line, col); ok {
			return source.Range{File: r.file, Start: p, End: p}
		}
	}
	return r.fallback
}

// rng is the file range of an inner node.
func (r *authReader) rng(n *yaml.Node) source.Range {
	if r.place == nil || n == nil {
		return r.fallback
	}
	in := yamldoc.Range(r.file, n)
	start, ok := r.place(int(in.Start.Line), int(in.Start.Col))
	if !ok {
		return r.fallback
	}
	end, ok := r.place(int(in.End.Line), int(in.End.Col))
	if !ok || end.Line < start.Line {
		end = start
	}
	return source.Range{File: r.file, Start: start, End: end}
}

// keyValue is the file range from an inner key through its value.
func (r *authReader) keyValue(k, v *yaml.Node) source.Range {
	kr, vr := r.rng(k), r.rng(v)
	if kr == r.fallback || vr == r.fallback {
		return kr
	}
	kr.End = vr.End
	return kr
}

// arnKeys are the keys that hold an entry's ARN, by map.
var arnKeys = map[string]string{model.MapRoles: "rolearn", model.MapUsers: "userarn"}

func (r *authReader) entry(i int, raw *yaml.Node) *model.AuthEntry {
	n := yamldoc.Deref(raw)
	if n.Kind == yaml.ScalarNode && envPlaceholder(n.Value) {
		return nil
	}
	e := &model.AuthEntry{From: r.from, List: r.from, Index: i, Range: r.rng(raw)}
	if r.from == model.MapAccounts {
		if n.Kind != yaml.ScalarNode || yamldoc.IsNull(n) {
			r.problem(e.Range, "mapAccounts[%d] must be an account ID, not %s", i, yamldoc.Describe(n))
			return nil
		}
		e.Account = source.SetAt(n.Value, e.Range)
		return e
	}
	if n.Kind != yaml.MappingNode {
		r.problem(e.Range, "%s[%d] must be a mapping (%s, username, groups), not %s", r.from, i, arnKeys[r.from], yamldoc.Describe(n))
		return nil
	}
	e.ARNKey = arnKeys[r.from]
	e.Groups = source.DefaultAt([]source.Value[string]{}, e.Range)
	// aws-iam-authenticator decodes the map through JSON field names,
	// which match keys whatever their case (roleARN reads as rolearn).
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], yamldoc.Deref(n.Content[j+1])
		switch {
		case strings.EqualFold(k.Value, e.ARNKey):
			e.HasARN = true
			e.ARN = r.str(i, k, v)
		case strings.EqualFold(k.Value, "username"):
			e.HasUsername = true
			e.Username = r.str(i, k, v)
		case strings.EqualFold(k.Value, "groups"):
			e.Groups = r.groups(i, k, v)
		}
	}
	return e
}

// str reads a string value of an entry.
func (r *authReader) str(i int, k, v *yaml.Node) source.Value[string] {
	at := r.keyValue(k, v)
	if v == nil || v.Kind != yaml.ScalarNode || yamldoc.IsNull(v) || v.Tag != "!!str" {
		r.problem(at, "%s[%d].%s must be a string, not %s", r.from, i, k.Value, yamldoc.Describe(v))
		return source.UnknownAt[string](at)
	}
	if envPlaceholder(v.Value) {
		return source.UnknownAt[string](at)
	}
	return source.SetAt(v.Value, at)
}

// groups reads an entry's list of groups.
func (r *authReader) groups(i int, k, v *yaml.Node) source.Strings {
	at := r.keyValue(k, v)
	if yamldoc.IsNull(v) {
		return source.SetAt([]source.Value[string]{}, at)
	}
	if v.Kind == yaml.ScalarNode && envPlaceholder(v.Value) {
		return source.UnknownAt[[]source.Value[string]](at)
	}
	if v.Kind != yaml.SequenceNode {
		r.problem(at, "%s[%d].groups must be a list of group names, not %s", r.from, i, yamldoc.Describe(v))
		return source.UnknownAt[[]source.Value[string]](at)
	}
	out := make([]source.Value[string], 0, len(v.Content))
	for j, g := range v.Content {
		if r.groupsRead++; r.groupsRead > maxAuthGroups {
			r.problem(at, "%s has more than %d group names in all; the rest are not read", r.from, maxAuthGroups)
			return source.UnknownAt[[]source.Value[string]](at)
		}
		g = yamldoc.Deref(g)
		gr := r.rng(g)
		if g.Kind != yaml.ScalarNode || yamldoc.IsNull(g) {
			r.problem(gr, "%s[%d].groups[%d] must be a group name, not %s", r.from, i, j, yamldoc.Describe(g))
			out = append(out, source.UnknownAt[string](gr))
			continue
		}
		if envPlaceholder(g.Value) {
			out = append(out, source.UnknownAt[string](gr))
			continue
		}
		out = append(out, source.SetAt(g.Value, gr))
	}
	return source.SetAt(out, at)
}

// envPlaceholder reports whether s holds a ${...} placeholder that a
// template step (envsubst, a CI variable, Terraform's templatefile with
// $${...}) replaces before the map is applied: its value is unknown.
func envPlaceholder(s string) bool { return strings.Contains(s, "${") }
