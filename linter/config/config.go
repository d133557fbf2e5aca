// Package config reads .ekslint.yaml. Every key is checked: a typo is an
// error naming the key and its line, never a setting silently ignored.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// FileName is the configuration file looked for in the working folder.
const FileName = ".ekslint.yaml"

// Config is the content of .ekslint.yaml.
type Config struct {
	Path        string
	Enable      []string
	Disable     []string
	Severity    map[string]string // rule ID → low|medium|high|critical
	IgnorePaths []string
	FailOn      string
	Terraform   struct {
		Vars     map[string]string
		VarFiles []string
	}
	// Rules holds per-rule parameters, keyed by rule ID, as written.
	Rules map[string]map[string]any
}

// Find returns dir's configuration file, if it has one.
func Find(dir string) (string, bool) {
	for _, name := range []string{FileName, ".ekslint.yml"} {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			if dir == "." {
				return name, true
			}
			return p, true
		}
	}
	return "", false
}

var severities = []string{"low", "medium", "high", "critical"}

// Load reads and checks a configuration file.
func Load(p string, isRule func(string) bool) (*Config, error) {
	src, err := os.ReadFile(p)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read: %w", p, err)
	}
	c := &Config{Path: p, Severity: map[string]string{}, Rules: map[string]map[string]any{}}
	c.Terraform.Vars = map[string]string{}
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		return nil, fmt.Errorf("%s: invalid YAML: %s", p, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		return c, nil
	}
	l := &loader{path: p, isRule: isRule}
	l.top(doc.Content[0], c)
	if l.err != nil {
		return nil, l.err
	}
	return c, nil
}

type loader struct {
	path   string
	isRule func(string) bool
	err    error
}

func (l *loader) fail(n *yaml.Node, format string, args ...any) {
	if l.err == nil {
		l.err = fmt.Errorf("%s:%d:%d: %s", l.path, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
}

// fields walks a mapping, calling the handler of each known key and
// failing on any other.
func (l *loader) fields(n *yaml.Node, what string, handlers map[string]func(v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "%s must be a mapping", what)
		return
	}
	keys := make([]string, 0, len(handlers))
	for k := range handlers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			hint := ""
			if s := Nearest(k.Value, keys); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			l.fail(k, "unknown key %q in %s%s; known keys: %s", k.Value, what, hint, strings.Join(keys, ", "))
			return
		}
		h(v)
	}
}

func (l *loader) top(n *yaml.Node, c *Config) {
	l.fields(n, "the configuration", map[string]func(*yaml.Node){
		"enable":       func(v *yaml.Node) { c.Enable = l.ruleList(v, "enable") },
		"disable":      func(v *yaml.Node) { c.Disable = l.ruleList(v, "disable") },
		"ignore-paths": func(v *yaml.Node) { c.IgnorePaths = l.strings(v, "ignore-paths") },
		"fail-on":      func(v *yaml.Node) { c.FailOn = l.severity(v, "fail-on") },
		"severity": func(v *yaml.Node) {
			l.mapping(v, "severity", func(k, val *yaml.Node) {
				if l.rule(k) {
					c.Severity[k.Value] = l.severity(val, "severity of "+k.Value)
				}
			})
		},
		"terraform": func(v *yaml.Node) {
			l.fields(v, "terraform", map[string]func(*yaml.Node){
				"vars": func(v *yaml.Node) {
					l.mapping(v, "terraform.vars", func(k, val *yaml.Node) {
						if val.Kind != yaml.ScalarNode {
							l.fail(val, "terraform.vars.%s must be a string (write lists and maps as HCL, e.g. '[\"a\", \"b\"]')", k.Value)
							return
						}
						c.Terraform.Vars[k.Value] = val.Value
					})
				},
				"var-files": func(v *yaml.Node) { c.Terraform.VarFiles = l.strings(v, "terraform.var-files") },
			})
		},
		"rules": func(v *yaml.Node) {
			l.mapping(v, "rules", func(k, val *yaml.Node) {
				if !l.rule(k) {
					return
				}
				if val.Kind != yaml.MappingNode {
					l.fail(val, "rules.%s must be a mapping of parameters", k.Value)
					return
				}
				var params map[string]any
				if err := val.Decode(&params); err != nil {
					l.fail(val, "rules.%s: %v", k.Value, err)
					return
				}
				c.Rules[k.Value] = params
			})
		},
	})
}

func (l *loader) mapping(n *yaml.Node, what string, each func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.fail(n, "%s must be a mapping", what)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i], n.Content[i+1])
	}
}

func (l *loader) strings(n *yaml.Node, what string) []string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.fail(n, "%s must be a list", what)
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, e := range n.Content {
		if e.Kind != yaml.ScalarNode {
			l.fail(e, "%s must hold strings", what)
			return nil
		}
		out = append(out, e.Value)
	}
	return out
}

func (l *loader) rule(n *yaml.Node) bool {
	if l.isRule != nil && !l.isRule(n.Value) {
		l.fail(n, "no rule %q", n.Value)
		return false
	}
	return true
}

func (l *loader) ruleList(n *yaml.Node, what string) []string {
	var out []string
	if n.Kind == yaml.SequenceNode {
		for _, e := range n.Content {
			if e.Kind == yaml.ScalarNode && !l.rule(e) {
				return nil
			}
		}
	}
	out = l.strings(n, what)
	return out
}

func (l *loader) severity(n *yaml.Node, what string) string {
	if n.Kind == yaml.ScalarNode {
		for _, s := range severities {
			if strings.EqualFold(n.Value, s) {
				return s
			}
		}
	}
	l.fail(n, "%s must be one of %s", what, strings.Join(severities, ", "))
	return ""
}

// Nearest returns the candidate closest to s within an edit distance of
// two, or "": the "did you mean" of every message about a misspelling.
func Nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// MatchPath reports whether relPath (forward slashes) matches pattern:
// '*' and '?' within one segment, '**' across any number of segments; a
// pattern without '/' matches any segment (like .gitignore); a pattern
// ending in '/' matches a folder and everything under it.
func MatchPath(pattern, relPath string) bool {
	pattern = strings.TrimPrefix(filepath.ToSlash(pattern), "./")
	relPath = strings.TrimPrefix(relPath, "./")
	dirOnly := strings.HasSuffix(pattern, "/")
	pattern = strings.TrimSuffix(pattern, "/")
	if pattern == "" {
		return false
	}
	segs := strings.Split(relPath, "/")
	pat := strings.Split(pattern, "/")
	if !strings.Contains(pattern, "/") {
		// Any segment, and for a folder pattern, everything below it.
		for i, s := range segs {
			// A folder pattern ("legacy/") needs a segment below the match.
			if ok, _ := path.Match(pattern, s); ok && (!dirOnly || i < len(segs)-1) {
				return true
			}
		}
		return false
	}
	// Anchored: the pattern matches a prefix of the path's segments.
	for n := 1; n <= len(segs); n++ {
		if matchSegs(pat, segs[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegs(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], segs[0]); !ok {
		return false
	}
	return matchSegs(pat[1:], segs[1:])
}
