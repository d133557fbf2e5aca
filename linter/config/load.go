package config

import (
	"fmt"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// severities are the accepted severity names, lowest first.
var severities = []string{"low", "medium", "high", "critical"}

// loader walks the YAML tree of one configuration file. It keeps the first
// error only: later ones are often consequences of it.
type loader struct {
	path   string
	isRule func(string) bool
	// param checks one rule parameter and returns its value converted, or
	// an error saying what is wrong; nil accepts every parameter as is.
	param func(rule, name string, v any) (any, error)
	err   error
}

func (l *loader) fail(n *yaml.Node, format string, args ...any) {
	if l.err == nil {
		l.err = fmt.Errorf("%s:%d:%d: %s", l.path, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
}

// field is one key a mapping may hold and what to do with its value.
type field struct {
	key string
	set func(v *yaml.Node)
}

func (l *loader) top(n *yaml.Node, c *Config) {
	l.fields(n, "the configuration", []field{
		{"enable", func(v *yaml.Node) { c.Enable = l.ruleList(v, "enable") }},
		{"disable", func(v *yaml.Node) { c.Disable = l.ruleList(v, "disable") }},
		{"severity", func(v *yaml.Node) {
			l.ruleMap(v, "severity", func(id string, val *yaml.Node) {
				c.Severity[id] = l.severity(val, "severity of "+id)
			})
		}},
		{"ignore-paths", func(v *yaml.Node) { c.IgnorePaths = l.patterns(v, "ignore-paths") }},
		{"fail-on", func(v *yaml.Node) { c.FailOn = l.severity(v, "fail-on") }},
		{"terraform", func(v *yaml.Node) {
			l.fields(v, "terraform", []field{
				{"vars", func(v *yaml.Node) { l.vars(v, c.Terraform.Vars) }},
				{"var-files", func(v *yaml.Node) { c.Terraform.VarFiles = l.strings(v, "terraform.var-files") }},
			})
		}},
		{"rules", func(v *yaml.Node) {
			l.ruleMap(v, "rules", func(id string, val *yaml.Node) { c.Rules[id] = l.params(val, id) })
		}},
	})
}

// fields walks mapping n, named what in messages: every key must be one of
// fs, at most once. A null value (a key with nothing after it) is empty.
func (l *loader) fields(n *yaml.Node, what string, fs []field) {
	l.entries(n, what, func(k, v *yaml.Node) {
		for _, f := range fs {
			if f.key == k.Value {
				f.set(v)
				return
			}
		}
		l.unknownKey(k, what, fs)
	})
}

func (l *loader) unknownKey(k *yaml.Node, what string, fs []field) {
	if k.Value == "<<" {
		l.fail(k, "merge keys (<<) are not supported in %s; write the keys out", what)
		return
	}
	keys := make([]string, len(fs))
	for i, f := range fs {
		keys[i] = f.key
	}
	hint := ""
	if s := Nearest(k.Value, keys); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	l.fail(k, "unknown key %q in %s%s; the keys are %s", k.Value, what, hint, strings.Join(keys, ", "))
}

// entries calls each for every key and value of mapping n. Keys must be
// plain strings and appear once.
func (l *loader) entries(n *yaml.Node, what string, each func(k, v *yaml.Node)) {
	n = deref(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		l.fail(n, "%s must be a mapping, not %s", what, yamldoc.Describe(n))
		return
	}
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content) && l.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || isNull(k) {
			l.fail(k, "a key in %s must be a plain string, not %s", what, yamldoc.Describe(k))
			return
		}
		if line, dup := first[k.Value]; dup {
			l.fail(k, "%q appears twice in %s (first at line %d)", k.Value, what, line)
			return
		}
		first[k.Value] = k.Line
		each(k, v)
	}
}

// ruleMap walks a mapping keyed by rule ID. IDs are upper-cased, so
// "eks-cp-001" and "EKS-CP-001" are the same key.
func (l *loader) ruleMap(n *yaml.Node, what string, each func(id string, v *yaml.Node)) {
	first := map[string]int{}
	l.entries(n, what, func(k, v *yaml.Node) {
		id, ok := l.ruleID(k, what)
		if !ok {
			return
		}
		if line, dup := first[id]; dup {
			l.fail(k, "%s appears twice in %s (first at line %d)", id, what, line)
			return
		}
		first[id] = k.Line
		each(id, v)
	})
}

// ruleID reads one rule ID and checks that the rule exists.
func (l *loader) ruleID(n *yaml.Node, what string) (string, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		l.fail(n, "%s must hold rule IDs, not %s", what, yamldoc.Describe(n))
		return "", false
	}
	id := strings.ToUpper(strings.TrimSpace(n.Value))
	if l.isRule != nil && !l.isRule(id) {
		hint := ""
		if s := NearestRule(id, l.isRule, nil); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		l.fail(n, "%s: no rule %q%s", what, id, hint)
		return "", false
	}
	return id, true
}

func (l *loader) ruleList(n *yaml.Node, what string) []string {
	var ids []string
	l.list(n, what, func(e *yaml.Node) {
		if id, ok := l.ruleID(e, what); ok {
			ids = append(ids, id)
		}
	})
	return ids
}

// list calls each for every element of sequence n; null is an empty list.
func (l *loader) list(n *yaml.Node, what string, each func(e *yaml.Node)) {
	n = deref(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "%s must be a list, not %s", what, yamldoc.Describe(n))
		return
	}
	for _, e := range n.Content {
		if l.err != nil {
			return
		}
		each(e)
	}
}

// strings reads a list of non-empty strings.
func (l *loader) strings(n *yaml.Node, what string) []string {
	var out []string
	l.list(n, what, func(e *yaml.Node) {
		if s, ok := l.str(e, what); ok {
			out = append(out, s)
		}
	})
	return out
}

func (l *loader) str(n *yaml.Node, what string) (string, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		l.fail(n, "%s must hold strings, not %s", what, yamldoc.Describe(n))
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		l.fail(n, "%s holds an empty string", what)
		return "", false
	}
	return n.Value, true
}

// patterns reads ignore-paths and rejects globs that could never match.
func (l *loader) patterns(n *yaml.Node, what string) []string {
	var out []string
	l.list(n, what, func(e *yaml.Node) {
		p, ok := l.str(e, what)
		if !ok {
			return
		}
		if err := checkPattern(p); err != nil {
			l.fail(deref(e), "%s: %q %v", what, p, err)
			return
		}
		out = append(out, p)
	})
	return out
}

func (l *loader) severity(n *yaml.Node, what string) string {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		for _, s := range severities {
			if strings.EqualFold(strings.TrimSpace(n.Value), s) {
				return s
			}
		}
	}
	l.fail(n, "%s must be one of %s, not %s", what, strings.Join(severities, ", "), yamldoc.Describe(n))
	return ""
}

// vars reads terraform.vars. Values are kept as written, like --var: a
// string variable takes the text, other types parse it as HCL.
func (l *loader) vars(n *yaml.Node, into map[string]string) {
	l.entries(n, "terraform.vars", func(k, v *yaml.Node) {
		v = deref(v)
		switch {
		case isNull(v):
			l.fail(v, "terraform.vars.%s has no value; write \"\" for an empty string", k.Value)
		case v.Kind != yaml.ScalarNode:
			l.fail(v, "terraform.vars.%s must be a string, not %s (write lists and maps as HCL in quotes, e.g. '[\"a\", \"b\"]')", k.Value, yamldoc.Describe(v))
		default:
			into[k.Value] = v.Value
		}
	})
}

// params keeps one rule's parameters as decoded YAML. Their keys are not
// checked here: the rule that reads them knows its own.
func (l *loader) params(n *yaml.Node, rule string) map[string]any {
	what := "rules." + rule
	n = deref(n)
	if isNull(n) {
		return map[string]any{}
	}
	if n.Kind != yaml.MappingNode {
		l.fail(n, "%s must be a mapping of parameters, not %s", what, yamldoc.Describe(n))
		return nil
	}
	params := map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if _, dup := params[k.Value]; dup {
			l.fail(k, "%s.%s is given twice", what, k.Value)
			return nil
		}
		var val any
		if err := v.Decode(&val); err != nil {
			l.fail(v, "%s.%s: %s", what, k.Value, strings.TrimPrefix(err.Error(), "yaml: "))
			return nil
		}
		if l.param != nil {
			conv, err := l.param(rule, k.Value, val)
			if err != nil {
				l.fail(k, "%s.%s: %v", what, k.Value, err)
				return nil
			}
			val = conv
		}
		params[k.Value] = val
	}
	return params
}

// deref follows an alias to its anchored node. Anchored nodes are never
// aliases themselves, but the loop is bounded all the same.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; i < 4 && n.Kind == yaml.AliasNode && n.Alias != nil; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
