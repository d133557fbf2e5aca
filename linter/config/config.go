// Package config reads .ekslint.yaml. Every key is checked: a typo, a wrong
// type, an unknown rule ID or severity is an error naming the file, line
// and column, never a setting silently ignored. The format is documented in
// docs/configuration.md.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/regular"
)

// FileName is the configuration file looked for in the working folder.
const FileName = ".ekslint.yaml"

// altFileName is accepted too, because both spellings are common.
const altFileName = ".ekslint.yml"

// Config is the content of .ekslint.yaml. Rule IDs are upper-cased and
// severities lower-cased, so callers compare them as they are.
type Config struct {
	Path        string
	Enable      []string          // rule IDs to turn on
	Disable     []string          // rule IDs to turn off
	Severity    map[string]string // rule ID → low|medium|high|critical
	IgnorePaths []string          // globs relative to the working folder; see MatchPath
	FailOn      string            // low|medium|high|critical; "" when not set
	Terraform   struct {
		Vars     map[string]string // as --var NAME=VALUE gives them
		VarFiles []string          // as --var-file gives them
	}
	// Rules holds per-rule parameters, keyed by rule ID: as decoded from
	// YAML (strings, numbers, booleans, []any, map[string]any), or as the
	// param check given to LoadChecked converted them.
	Rules map[string]map[string]any
}

func newConfig(path string) *Config {
	c := &Config{Path: path, Severity: map[string]string{}, Rules: map[string]map[string]any{}}
	c.Terraform.Vars = map[string]string{}
	return c
}

// Find returns dir's configuration file, if it has one. .ekslint.yaml wins
// over .ekslint.yml when both exist.
func Find(dir string) (string, bool) {
	for _, name := range []string{FileName, altFileName} {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, true
		}
	}
	return "", false
}

// maxFileSize bounds the configuration file: it holds a few settings.
const maxFileSize = 1 << 20

// Load reads and checks the configuration file at path. isRule says which
// rule IDs exist; nil accepts every ID. Errors read
// "<path>:<line>:<col>: <what is wrong>".
func Load(path string, isRule func(string) bool) (*Config, error) {
	return LoadChecked(path, isRule, nil)
}

// LoadChecked is Load with a check for every rule parameter: param returns
// the value converted to what the rule reads, or an error that is reported
// at the parameter's key.
func LoadChecked(path string, isRule func(string) bool, param func(rule, name string, v any) (any, error)) (*Config, error) {
	// A configuration found in the folder (Find) is the repository's,
	// whatever it is: a named pipe there must not hold the run.
	src, err := regular.Read(path, maxFileSize)
	var tl regular.TooLargeError
	if errors.As(err, &tl) {
		return nil, fmt.Errorf("%s: cannot read: the file is %w", path, tl)
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read: %w", path, err)
	}
	c := newConfig(path)
	root, err := decodeOne(path, src)
	if err != nil || root == nil {
		if err != nil {
			return nil, err
		}
		return c, nil // an empty file is an empty configuration
	}
	l := &loader{path: path, isRule: isRule, param: param}
	l.top(root, c)
	if l.err != nil {
		return nil, l.err
	}
	return c, nil
}

// decodeOne returns the root node of the file's only document, or nil when
// the file holds no content at all.
func decodeOne(path string, src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(src)))
	var root *yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return root, nil
		}
		if err != nil {
			return nil, syntaxError(path, err)
		}
		n := content(&doc)
		if n == nil {
			continue // an empty document, e.g. a lone "---"
		}
		if root != nil {
			// A second document would be silently dropped otherwise.
			return nil, fmt.Errorf("%s:%d:%d: a second YAML document; the configuration must be a single document", path, n.Line, n.Column)
		}
		root = n
	}
}

// content returns a document's root node, or nil when it is empty.
func content(doc *yaml.Node) *yaml.Node {
	n := doc
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	return n
}

// syntaxError turns the YAML library's "yaml: line N: message" into
// "<path>:N:1: invalid YAML: message". The library gives no column, and
// for a few errors no line either; those get the path alone rather than an
// invented position.
func syntaxError(path string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				return fmt.Errorf("%s:%d:1: invalid YAML: %s", path, line, text)
			}
		}
	}
	return fmt.Errorf("%s: invalid YAML: %s", path, msg)
}
