package eksctl

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// The typed readers of a scope. Each returns Set with the key-through-value
// range for a value written, Default at scope.missing for one omitted, and
// Unknown, with a warning at the value, for one of the wrong type.

// boolean reads a true/false key; def is eksctl's default when it is omitted.
func (s *scope) boolean(key string, def bool) source.Value[bool] {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[bool](s.badAt)
	case !ok:
		return source.DefaultAt(def, s.missing(p))
	}
	r := s.a.keyValue(p)
	b, isBool := boolOf(p.Raw)
	if !isBool {
		s.a.warn(p.Raw, "%s must be true or false, not %s", s.sub(key), describe(p.Raw))
		return source.UnknownAt[bool](r)
	}
	return source.SetAt(b, r)
}

// str reads a string key; def is eksctl's default when it is omitted.
func (s *scope) str(key string, def string) source.Value[string] {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[string](s.badAt)
	case !ok:
		return source.DefaultAt(def, s.missing(p))
	}
	r := s.a.keyValue(p)
	if v, isString := stringOf(p.Raw); isString {
		return source.SetAt(v, r)
	}
	s.a.notString(s.sub(key), p.Raw)
	return source.UnknownAt[string](r)
}

// strs reads a list of strings; each element keeps its own range. When the
// key is omitted every default element points where the list would be.
func (s *scope) strs(key string, def []string) source.Strings {
	l, _ := s.strsNode(key, def)
	return l
}

// strsNode is strs that also returns the list node read (nil when none).
func (s *scope) strsNode(key string, def []string) (source.Strings, *yaml.Node) {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[[]source.Value[string]](s.badAt), nil
	case !ok:
		return defaultStrings(def, s.missing(p)), nil
	}
	r := s.a.keyValue(p)
	if p.Val.Kind != yaml.SequenceNode {
		s.a.warn(p.Raw, "%s must be a list of strings, not %s", s.sub(key), describe(p.Raw))
		return source.UnknownAt[[]source.Value[string]](r), nil
	}
	return source.SetAt(s.elements(key, p.Val), r), p.Val
}

// elements reads the strings of list. A list that aliases make many node
// groups share is read once and its elements shared (read-only), so that
// an alias bomb costs no more than the file's length; its problems are
// reported once, under the first name it is read by (key in s). In a file
// that cannot share nodes (see mayShare) each list is read once anyway,
// and is not kept.
func (s *scope) elements(key string, list *yaml.Node) []source.Value[string] {
	a := s.a
	if r, ok := a.lists[list]; ok {
		return r.values
	}
	out := make([]source.Value[string], 0, len(list.Content))
	for i, e := range list.Content {
		er := a.rng(e)
		if v, isString := stringOf(e); isString {
			out = append(out, source.SetAt(v, er))
		} else {
			a.notString(indexed(s.sub(key), i), e)
			out = append(out, source.UnknownAt[string](er))
		}
	}
	if a.shares {
		put(&a.lists, list, &listRead{values: out})
	}
	return out
}

// items returns the entries of a list of mappings (node groups), reporting
// a value that is not a list.
func (s *scope) items(key string) []*yaml.Node {
	p, ok, _ := s.field(key)
	if !ok {
		return nil
	}
	if p.Val.Kind != yaml.SequenceNode {
		s.a.warn(p.Raw, "%s must be a list, not %s", s.sub(key), describe(p.Raw))
		return nil
	}
	return p.Val.Content
}

func defaultStrings(def []string, at source.Range) source.Strings {
	out := make([]source.Value[string], len(def))
	for i, d := range def {
		out[i] = source.DefaultAt(d, at)
	}
	return source.DefaultAt(out, at)
}

// stringOf reads a string scalar as eksctl would; ok is false for anything
// else, which the caller reports with notString.
func stringOf(n *yaml.Node) (v string, ok bool) {
	if kindOf(n) == stringScalar {
		return yamldoc.Deref(n).Value, true
	}
	return "", false
}

// notString reports n, named what, which is not a string. A bare number is
// a common slip (version: 1.30), which eksctl refuses, so the message says
// to quote it.
func (a *adapter) notString(what string, n *yaml.Node) {
	if kindOf(n) == numberScalar {
		a.warn(n, "%s must be a string, not %s: quote it (\"%s\")", what, describe(n), shorten(yamldoc.Deref(n).Value))
		return
	}
	a.warn(n, "%s must be a string, not %s", what, describe(n))
}

// keyValue is the range from a key through its value as written (an alias
// stays an alias: its anchor may be anywhere in the file).
func (a *adapter) keyValue(p pair) source.Range {
	return yamldoc.KeyValueRange(a.file, p.Key, p.Raw)
}
