package kustomize

import (
	"regexp"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// target is the target: of a patches (or patchesJson6902) entry: the
// objects the patch applies to, whatever its own metadata says.
type target struct {
	kind, namespace string
	name            *regexp.Regexp // nil: any name
	labels          map[string]string
}

// readTarget reads the target of a patches entry. ok is false when the
// entry has a target ekslint cannot evaluate (a label or annotation
// selector other than k=v pairs): the patch is then not used to locate
// values, rather than risk crediting it with values it did not set.
func readTarget(entry *yaml.Node) (t *target, ok bool) {
	n := yamldoc.Deref(yamldoc.Get(entry, "target"))
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, true
	}
	t = &target{
		kind:      yamldoc.ScalarOf(yamldoc.Get(n, "kind")),
		namespace: yamldoc.ScalarOf(yamldoc.Get(n, "namespace")),
	}
	if name := yamldoc.ScalarOf(yamldoc.Get(n, "name")); name != "" {
		// kustomize matches the name as a whole-string regular expression.
		re, err := regexp.Compile("^(?:" + name + ")$")
		if err != nil {
			return nil, false
		}
		t.name = re
	}
	if yamldoc.ScalarOf(yamldoc.Get(n, "annotationSelector")) != "" {
		return nil, false
	}
	if sel := yamldoc.ScalarOf(yamldoc.Get(n, "labelSelector")); sel != "" {
		t.labels = map[string]string{}
		for _, term := range strings.Split(sel, ",") {
			k, v, found := strings.Cut(strings.TrimSpace(term), "=")
			if !found || strings.ContainsAny(k, "!<> ") || strings.HasPrefix(v, "=") || k == "" {
				return nil, false
			}
			t.labels[k] = v
		}
	}
	return t, true
}

// matches reports whether the target selects the built object obj, whose
// name in its base manifest was srcName.
func (t *target) matches(obj *yaml.Node, srcName string) bool {
	kind, name := kindName(obj)
	meta := yamldoc.Get(obj, "metadata")
	if t.kind != "" && t.kind != kind {
		return false
	}
	if t.namespace != "" && t.namespace != yamldoc.ScalarOf(yamldoc.Get(meta, "namespace")) {
		return false
	}
	if t.name != nil && !t.name.MatchString(srcName) && !t.name.MatchString(name) {
		return false
	}
	labels := yamldoc.Get(meta, "labels")
	for k, v := range t.labels {
		if yamldoc.ScalarOf(yamldoc.Get(labels, k)) != v {
			return false
		}
	}
	return true
}

// jsonPatchDoc turns the add and replace operations of a JSON 6902 patch
// into a partial object holding their values at their paths, so that
// values the patch sets are located at its lines. Operations whose path
// goes through a list index are left out (list items are paired by name,
// which an index does not give). Nil when no operation qualifies.
func jsonPatchDoc(ops *yaml.Node) *yaml.Node {
	if ops == nil || ops.Kind != yaml.SequenceNode {
		return nil
	}
	doc := &yaml.Node{Kind: yaml.MappingNode}
	used := false
	for _, op := range ops.Content {
		op = yamldoc.Deref(op)
		switch yamldoc.ScalarOf(yamldoc.Get(op, "op")) {
		case "add", "replace":
		default:
			continue
		}
		p := yamldoc.ScalarOf(yamldoc.Get(op, "path"))
		pk, value := yamldoc.Lookup(op, "value")
		if !strings.HasPrefix(p, "/") || value == nil {
			continue
		}
		steps := strings.Split(p[1:], "/")
		if !mappingPath(steps) {
			continue
		}
		cur := doc
		for i, s := range steps {
			s = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
			k, v := yamldoc.Lookup(cur, s)
			if i == len(steps)-1 {
				if k == nil {
					// The key is located at the operation's value: key.
					key := &yaml.Node{Kind: yaml.ScalarNode, Value: s, Line: pk.Line, Column: pk.Column}
					cur.Content = append(cur.Content, key, yamldoc.Deref(value))
					used = true
				}
				break
			}
			if k == nil {
				v = &yaml.Node{Kind: yaml.MappingNode, Line: op.Line, Column: op.Column}
				cur.Content = append(cur.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: s, Line: op.Line, Column: op.Column}, v)
			}
			if v = yamldoc.Deref(v); v.Kind != yaml.MappingNode {
				break
			}
			cur = v
		}
	}
	if !used {
		return nil
	}
	return doc
}

// mappingPath reports whether no step of a JSON pointer is a list index
// (or the "-" that appends to a list).
func mappingPath(steps []string) bool {
	for _, s := range steps {
		if s == "" || s == "-" || strings.Trim(s, "0123456789") == "" {
			return false
		}
	}
	return true
}
