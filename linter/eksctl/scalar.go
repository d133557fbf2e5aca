package eksctl

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// yaml11Word reads the plain words eksctl's YAML reader (YAML 1.1, through
// sigs.k8s.io/yaml) takes for booleans. The decoder here follows YAML 1.2
// and tags them as strings, so they are recognised by hand; quoted or
// tagged (!!str yes), they stay strings for eksctl too. kindOf asks it of
// every string read, so it is a switch: no hashing of the value.
func yaml11Word(v string) (b, ok bool) {
	switch v {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
		return true, true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false, true
	}
	return false, false
}

// scalarKind is what eksctl makes of a scalar.
type scalarKind uint8

const (
	notScalar scalarKind = iota
	nullScalar
	boolScalar
	numberScalar
	stringScalar
)

func kindOf(n *yaml.Node) scalarKind {
	n = yamldoc.Deref(n)
	if n == nil {
		return nullScalar
	}
	if n.Kind != yaml.ScalarNode {
		return notScalar
	}
	switch n.Tag {
	case "!!null":
		return nullScalar
	case "!!bool":
		return boolScalar
	case "!!int", "!!float":
		return numberScalar
	}
	written := yaml.TaggedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle
	if _, ok := yaml11Word(n.Value); ok && n.Style&written == 0 {
		return boolScalar
	}
	return stringScalar
}

// boolOf reads a boolean as eksctl does; ok is false for anything else.
func boolOf(n *yaml.Node) (v, ok bool) {
	if kindOf(n) != boolScalar {
		return false, false
	}
	n = yamldoc.Deref(n)
	if b, known := yaml11Word(n.Value); known {
		return b, true
	}
	switch strings.ToLower(n.Value) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// maxShown bounds how much of a bad value a message quotes.
const maxShown = 40

// describe names what was found, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	d := yamldoc.Deref(n)
	switch kindOf(n) {
	case boolScalar:
		return "the boolean " + shorten(d.Value)
	case numberScalar:
		return "the number " + shorten(d.Value)
	case stringScalar:
		return fmt.Sprintf("the string %q", shorten(d.Value))
	}
	return yamldoc.Describe(n)
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	r := []rune(s)
	return string(r[:maxShown]) + "…"
}
