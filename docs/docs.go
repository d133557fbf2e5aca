// Package docs embeds the rule documentation so that --explain and SARIF
// help work from the binary alone.
package docs

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed rules/*.md
var rules embed.FS

// Rule returns the Markdown documentation of a rule, docs/rules/<id>.md.
func Rule(id string) (string, bool) {
	b, err := fs.ReadFile(rules, "rules/"+id+".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// RuleIDs lists the rules that have documentation, sorted.
func RuleIDs() []string {
	entries, _ := fs.ReadDir(rules, "rules")
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".md"); ok {
			ids = append(ids, name)
		}
	}
	return ids
}
