package suppress

import (
	"slices"
	"strings"
	"unicode"

	"github.com/ekslint/ekslint/linter/config"
	"github.com/ekslint/ekslint/linter/source"
)

// keyword starts an ignore directive in a comment.
const keyword = source.DirectiveKeyword

// annotationName is how messages name the Kubernetes annotation.
const annotationName = "ekslint.io/ignore"

// directive is one parsed ignore, from a comment or an annotation.
type directive struct {
	name   string   // keyword or annotationName, for messages
	rules  []string // the existing rules it names, upper-cased, each once
	reason string
	rng    source.Range
	// valid: it names a rule and gives a reason, so it may suppress.
	// An invalid directive has been reported and suppresses nothing.
	valid bool
	used  map[string]bool // rule IDs it matched a finding of
}

// parsed is the text of a directive cut into its parts, before checking.
type parsed struct {
	ids       []string
	reason    string
	hasReason bool
}

// fromComment returns the directive text of a comment: the words after
// "ekslint:ignore" when the comment starts with it. Leading blanks and
// extra comment markers ("## ", " * " in a block comment) are skipped;
// "ekslint:ignore:" is accepted too. Mentions of the keyword later in a
// comment are prose, not directives.
func fromComment(text string) (string, bool) {
	text = strings.TrimLeftFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '#' || r == '/' || r == '*' })
	rest, ok := strings.CutPrefix(text, keyword)
	if !ok {
		return "", false
	}
	if rest == "" {
		return "", true
	}
	if rest[0] == ':' {
		return rest[1:], true
	}
	if r := rune(rest[0]); r == ' ' || r == '\t' || r == '\r' || r == '\n' {
		return rest, true
	}
	return "", false // "ekslint:ignored", "ekslint:ignore-all": another word
}

// fromAnnotation returns the directive text of an annotation value, which
// may repeat the keyword.
func fromAnnotation(val string) string {
	if rest, ok := fromComment(val); ok {
		return rest
	}
	return val
}

// parse cuts "RULE-ID[,RULE-ID...] -- reason". IDs are separated by commas
// or blanks; the reason runs to the end and has its blanks collapsed, so a
// reason over several lines of a block comment reads as one line.
func parse(text string) parsed {
	ids, why, found := strings.Cut(text, "--")
	var p parsed
	for _, id := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		p.ids = append(p.ids, strings.ToUpper(id))
	}
	p.reason = strings.Join(strings.Fields(why), " ")
	p.hasReason = found && p.reason != ""
	return p
}

// checker turns parsed text into directives and reports what is wrong
// with them.
type checker struct {
	isRule func(string) bool
	// targets are the findings; seen are their rule IDs, for "did you
	// mean", gathered when an unknown ID first needs a suggestion.
	targets  []Target
	seen     []string
	problems []source.Problem
	nearest  map[string]string // memo of suggestions per unknown ID
}

func (c *checker) check(name string, p parsed, rng source.Range) *directive {
	d := &directive{name: name, reason: p.reason, rng: rng, used: map[string]bool{}}
	if len(p.ids) == 0 {
		c.problems = append(c.problems, source.Warnf(rng, "%s names no rule; write `%s RULE-ID -- reason`", name, name))
		return d
	}
	for _, id := range p.ids {
		switch {
		case c.isRule(id):
			if !slices.Contains(d.rules, id) {
				d.rules = append(d.rules, id)
			}
		default:
			c.problems = append(c.problems, source.Warnf(rng, "%s names %s, which is not an ekslint rule%s", name, id, c.suggest(id)))
		}
	}
	if !p.hasReason {
		c.problems = append(c.problems, source.Warnf(rng, "%s needs a reason after --, e.g. `%s %s -- why it does not apply`; it suppresses nothing", name, name, strings.Join(p.ids, ",")))
		return d
	}
	d.valid = true
	return d
}

// suggest returns " (did you mean X?)" for an ID near an existing one.
func (c *checker) suggest(id string) string {
	s, ok := c.nearest[id]
	if !ok {
		s = ""
		// Bound the work a file full of made-up IDs can cause.
		if len(c.nearest) < 100 {
			if c.seen == nil {
				c.seen = ruleIDs(c.targets)
			}
			s = config.NearestRule(id, c.isRule, c.seen)
			c.nearest[id] = s
		}
	}
	if s == "" {
		return ""
	}
	return " (did you mean " + s + "?)"
}

// covers reports whether d may suppress a finding of rule id.
func (d *directive) covers(id string) bool {
	return d.valid && slices.Contains(d.rules, id)
}
