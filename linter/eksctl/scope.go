package eksctl

import (
	"strconv"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// scope is one mapping of a ClusterConfig being read, and where a finding
// about a key omitted from it points. Every key the adapter reads goes
// through a scope, so the dotted path of each mapping is known in one
// place: a table of the keys eksctl's schema allows per path (EKS-META-001)
// can be checked in enter without touching the readers.
type scope struct {
	a *adapter
	// path, outer and key name the mapping in messages (see name): for a
	// document or list item, path is its whole name ("" for the document
	// itself, "nodeGroups[1]") and key is ""; for a mapping under a key,
	// path names a mapping that encloses it, outer[:outers] are the keys
	// from there down to the enclosing mapping (at most two:
	// "vpc.subnets.private", "nodeGroups[1].iam.withAddonPolicies") and
	// key is its own key. The dotted name is joined only when a message
	// needs it, which most documents never do.
	path   string
	outer  [2]string
	outers int
	key    string
	// under is set when the scope sits under key.
	under bool
	// m is the mapping; nil when it is absent or null (its keys then take
	// their defaults) or of the wrong type (its keys are then Unknown).
	m *yaml.Node
	// at is where a default for an omitted key points: the mapping's own
	// key when it exists, else the nearest enclosing key that does (the
	// document's first key, or a list item's, at the top).
	at source.Range
	// bad is set when the mapping, or one it sits in, has a value of the
	// wrong type: nothing below it can be known, and badAt is that value.
	bad   bool
	badAt source.Range
}

// top is the scope of a whole document or list item, whose omitted keys
// point at its header.
func (a *adapter) top(path string, m *yaml.Node, header source.Range) *scope {
	return &scope{a: a, path: path, m: m, at: header}
}

// item is the scope of one list entry that must be a mapping; nil when it
// is not (the caller, or another reader, reports it).
// Like enter, it is small enough to be inlined, so that the scope can live
// on the caller's stack.
func (a *adapter) item(path string, raw *yaml.Node) *scope {
	s := &scope{}
	if !a.fillItem(s, path, raw) {
		return nil
	}
	return s
}

// fillItem makes s the scope of the list entry raw, if it is a mapping.
func (a *adapter) fillItem(s *scope, path string, raw *yaml.Node) bool {
	n := yamldoc.Deref(raw)
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	*s = scope{a: a, path: path, m: n, at: a.header(raw)}
	return true
}

// header is where a document or list item starts: its first key, or the
// item itself when it is an alias (the anchor's first key belongs to every
// item that aliases it) or an empty mapping.
func (a *adapter) header(raw *yaml.Node) source.Range {
	m := yamldoc.Deref(raw)
	if raw.Kind == yaml.AliasNode || len(m.Content) == 0 {
		return a.rng(raw)
	}
	return a.rng(m.Content[0])
}

// name names the mapping in messages: "vpc.clusterEndpoints",
// "nodeGroups[1].ssh"; "" for the document itself.
func (s *scope) name() string {
	if !s.under {
		return s.path
	}
	name := s.path
	for _, k := range s.outer[:s.outers] {
		name = join(name, k)
	}
	return join(name, s.key)
}

// sub names key under s in messages.
func (s *scope) sub(key string) string { return join(s.name(), key) }

// join names key under the mapping named path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// indexed names item i of the list named list: "nodeGroups[0]".
func indexed(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

// enter returns the scope of the mapping under key. A value of another
// type is reported once, here. It is small enough to be inlined, so that
// the scope, which readers only borrow, can live on the caller's stack.
func (s *scope) enter(key string) *scope {
	child := &scope{}
	s.fill(child, key)
	return child
}

// fill makes child the scope under key in s: that of key's value, unless
// s is bad or has no such key.
func (s *scope) fill(child *scope, key string) {
	*child = scope{a: s.a, path: s.path, key: key, under: true, at: s.at, bad: s.bad, badAt: s.badAt}
	switch {
	case !s.under:
	case s.outers < len(s.outer):
		// s's own key becomes one of the child's outer keys: no name is
		// joined for a mapping that is only read.
		child.outer, child.outers = s.outer, s.outers
		child.outer[child.outers] = s.key
		child.outers++
	default:
		child.path = s.name()
	}
	if s.bad {
		return
	}
	if p, ok := s.a.lookup(s.m, key); ok {
		s.enterPair(child, p)
	}
}

// enterPair fills in child, the scope of p's value.
func (s *scope) enterPair(child *scope, p pair) {
	child.at = s.a.rng(p.Key)
	switch kindOf(p.Raw) {
	case nullScalar:
		return
	case notScalar:
		if p.Val.Kind == yaml.MappingNode {
			child.m = p.Val
			return
		}
	}
	s.a.warn(p.Raw, "%s must be a mapping, not %s", child.name(), describe(p.Raw))
	child.bad, child.badAt = true, s.a.keyValue(p)
}

// each returns the scopes of every value of s, all meant to be mappings
// (vpc.subnets.private: one per subnet), with their keys.
func (s *scope) each() []*scope {
	if s.bad || s.m == nil {
		return nil
	}
	es := entries(s.m)
	scopes := make([]scope, len(es)) // one allocation for all
	out := make([]*scope, len(es))
	path := s.name()
	for i, p := range es {
		scopes[i] = scope{a: s.a, path: path, key: p.Key.Value, under: true, at: s.at}
		s.enterPair(&scopes[i], p)
		out[i] = &scopes[i]
	}
	return out
}

// field finds key in s. ok is false when the key is absent or null, or
// when s itself could not be read (then bad is true).
func (s *scope) field(key string) (p pair, ok, bad bool) {
	if s.bad {
		return pair{}, false, true
	}
	p, ok = s.a.lookup(s.m, key)
	if !ok || kindOf(p.Raw) == nullScalar {
		return p, false, false
	}
	return p, true, false
}

// missing is the range a default for key points at: the key itself when it
// is written with a null value, else the enclosing key.
func (s *scope) missing(p pair) source.Range {
	if p.Key != nil {
		return s.a.rng(p.Key)
	}
	return s.at
}
