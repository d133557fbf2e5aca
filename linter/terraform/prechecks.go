package terraform

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// distinctLimit bounds the values distinct compares pair by pair (lists
// that are not of strings): two million comparisons, under a second.
const distinctLimit = 2000

// rangeLimit is the most values Terraform's range builds
// (go-cty's stdlib.RangeFunc); past it, the call fails.
const rangeLimit = 1024

// maxText is the longest text one call may build.
const maxText = maxWork * bytesPerUnit

// prechecks refuse, before the call, calls whose result alone would be
// huge although their arguments are small. Each returns why, or "".
var prechecks = map[string]func(args []cty.Value) string{
	"range": func(args []cty.Value) string {
		nums := make([]float64, 0, len(args))
		for _, a := range args {
			if s, ok := known(a); ok && s.Type() == cty.Number {
				f, _ := s.AsBigFloat().Float64()
				nums = append(nums, f)
			}
		}
		if len(nums) != len(args) {
			return ""
		}
		start, end, step := 0.0, 0.0, 1.0
		switch len(nums) {
		case 1:
			end = nums[0]
		case 2:
			start, end = nums[0], nums[1]
		case 3:
			start, end, step = nums[0], nums[1], nums[2]
		default:
			return "" // range reports the wrong number of arguments itself
		}
		if step == 0 {
			return ""
		}
		// cty's range (Terraform's) fails past rangeLimit values, but only
		// after building them, with a big.Float step each: 1 ms a call,
		// 10 s for a node group of count = 10000 calling it. One value of
		// margin: cty adds the step up exactly, and a step such as 0.001,
		// not a binary fraction, can make one value more than the division
		// says; a call at the margin is left to fail in cty.
		if n := math.Ceil(math.Abs((end - start) / step)); n > rangeLimit+1 {
			return fmt.Sprintf("range(...) would build %.0f elements; Terraform builds at most %d and fails", n, rangeLimit)
		}
		return ""
	},
	"distinct": func(args []cty.Value) string {
		// distinctFunc is linear for lists of strings; go-cty's distinct,
		// for the rest, compares every pair.
		if v, ok := known(args[0]); ok && v.CanIterateElements() && !stringList(v) && v.LengthInt() > distinctLimit {
			return fmt.Sprintf("distinct(...) of %d values that are not all strings; ekslint compares at most %d such values", v.LengthInt(), distinctLimit)
		}
		return ""
	},
	"setproduct": func(args []cty.Value) string {
		product := 1.0
		for _, a := range args {
			if s, ok := known(a); ok && s.CanIterateElements() {
				product *= float64(s.LengthInt())
			}
		}
		if product > MaxCollection {
			return fmt.Sprintf("setproduct(...) would build %.0f elements; ekslint evaluates at most %d", product, MaxCollection)
		}
		return ""
	},
	"indent": func(args []cty.Value) string {
		n, ok1 := known(args[0])
		s, ok2 := known(args[1])
		if !ok1 || !ok2 {
			return ""
		}
		spaces, _ := n.AsBigFloat().Float64()
		str := s.AsString()
		return tooLong("indent", float64(len(str))+spaces*float64(strings.Count(str, "\n")+1))
	},
	"format":     formatWidths,
	"formatlist": formatWidths,
	"join": func(args []cty.Value) string {
		sep, ok := known(args[0])
		if !ok {
			return ""
		}
		total := 0.0
		for _, l := range args[1:] {
			l, ok := known(l)
			if !ok || !l.CanIterateElements() {
				continue
			}
			for it := l.ElementIterator(); it.Next(); {
				_, e := it.Element()
				if e, ok := known(e); ok && e.Type() == cty.String {
					total += float64(len(e.AsString()))
				}
				total += float64(len(sep.AsString()))
			}
		}
		return tooLong("join", total)
	},
	"replace": func(args []cty.Value) string {
		s, ok1 := known(args[0])
		sub, ok2 := known(args[1])
		repl, ok3 := known(args[2])
		if !ok1 || !ok2 || !ok3 {
			return ""
		}
		str, substr, with := s.AsString(), sub.AsString(), repl.AsString()
		// A pattern (/…/) or an empty substring can match at every position.
		matches, removed := float64(len(str)+1), 0.0
		if substr != "" && !(len(substr) > 1 && substr[0] == '/' && substr[len(substr)-1] == '/') {
			matches, removed = float64(len(str)/len(substr)), float64(len(substr))
		}
		return tooLong("replace", float64(len(str))+matches*math.Max(0, float64(len(with))-removed))
	},
	"yamldecode": func(args []cty.Value) string {
		s, ok := known(args[0])
		if !ok || s.Type() != cty.String {
			return ""
		}
		return yamlTooBig(s.AsString())
	},
	"jsondecode": func(args []cty.Value) string {
		s, ok := known(args[0])
		if !ok || s.Type() != cty.String {
			return ""
		}
		if d := jsonDepth(s.AsString()); d > maxDecodeDepth {
			return fmt.Sprintf("jsondecode(...) would decode JSON nested %d levels deep; ekslint decodes at most %d", d, maxDecodeDepth)
		}
		return ""
	},
}

// maxDecodeDepth bounds the nesting of the JSON that jsondecode reads:
// cty's decoder rereads each nested value once per enclosing level, so
// its work grows with the square of the depth (14 s for 10,000 levels of
// 60 KB of text). Policy documents and other real values nest a few levels.
const maxDecodeDepth = 200

// jsonDepth is the deepest nesting of arrays and objects in JSON text,
// brackets inside strings aside.
func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// yamlTooBig says why yamldecode must not read text, or "". cty's YAML
// decoder has no bound of its own: 400,000 levels of [ (800 KB) ran for
// more than a minute, and each alias of a "billion laughs" copies its
// anchor's value again. The text is first read by yaml.v3, whose parser
// is bounded, into nodes, which are measured with every alias followed.
func yamlTooBig(text string) string {
	var n yaml.Node
	if err := yaml.NewDecoder(strings.NewReader(text)).Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return ""
		}
		return fmt.Sprintf("yamldecode(...) would read YAML that ekslint's own parser refuses (%v)", err)
	}
	tooMuch, deepest := yamldoc.Expansion([]*yaml.Node{&n})
	switch {
	case deepest > yamldoc.MaxDepth:
		return fmt.Sprintf("yamldecode(...) would decode YAML nested more than %d levels deep", yamldoc.MaxDepth)
	case tooMuch:
		return fmt.Sprintf("yamldecode(...) would decode YAML whose aliases expand it to more than %d times its own values", yamldoc.AliasGrowth)
	}
	return ""
}

func tooLong(fn string, n float64) string {
	if n > maxText {
		return fmt.Sprintf("%s(...) would build %.0f bytes of text; ekslint evaluates at most %d", fn, n, maxText)
	}
	return ""
}

// formatWidths refuses a format whose width or precision alone is huge
// (format("%999999999d", 1)).
func formatWidths(args []cty.Value) string {
	f, ok := known(args[0])
	if !ok {
		return ""
	}
	spec := f.AsString()
	for i := 0; i < len(spec); i++ {
		if spec[i] != '%' {
			continue
		}
		n := 0.0
		for i++; i < len(spec) && strings.IndexByte("0123456789.-+# []", spec[i]) >= 0; i++ {
			if spec[i] >= '0' && spec[i] <= '9' {
				n = n*10 + float64(spec[i]-'0')
				if n > maxText {
					return tooLong("format", n)
				}
			} else {
				n = 0
			}
		}
	}
	return ""
}

// known returns v unmarked when it is known and not null.
func known(v cty.Value) (cty.Value, bool) {
	v, _ = v.Unmark()
	return v, v.IsKnown() && !v.IsNull()
}
