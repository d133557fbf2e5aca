// Package suppress decides which findings an `ekslint:ignore` comment or an
// `ekslint.io/ignore` annotation silences, and reports ignores that are
// malformed, lack a reason, name no rule, or matched nothing.
package suppress

import (
	"sort"
	"strings"

	"github.com/ekslint/ekslint/linter/source"
)

// Target is a finding as suppression sees it.
type Target struct {
	RuleID     string
	Range      source.Range
	Annotation source.Value[string]
}

// Match is the directive that silenced a finding.
type Match struct {
	Reason string
	Range  source.Range
}

// directive is one parsed `ekslint:ignore`.
type directive struct {
	rules  []string
	reason string
	rng    source.Range
	used   map[string]bool
}

const keyword = "ekslint:ignore"

// parse reads "RULE-ID[,RULE-ID] -- reason". ok is false when text holds no
// directive at all.
func parse(text string) (rules []string, reason string, hasReason bool) {
	ids, why, found := strings.Cut(text, "--")
	for _, id := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		rules = append(rules, strings.ToUpper(id))
	}
	reason = strings.TrimSpace(why)
	return rules, reason, found && reason != ""
}

// Apply returns, for each target, the directive that suppresses it (nil
// when none) and the problems found in the directives.
func Apply(targets []Target, files []*source.File, isRule, enabled func(string) bool) ([]*Match, []source.Problem) {
	var problems []source.Problem
	byFile := map[string][]*directive{}
	fileOf := map[string]*source.File{}
	check := func(rules []string, reason string, hasReason bool, rng source.Range) *directive {
		if len(rules) == 0 {
			problems = append(problems, source.Warnf(rng, "ekslint:ignore names no rule; write `ekslint:ignore RULE-ID -- reason`"))
			return nil
		}
		if !hasReason {
			problems = append(problems, source.Warnf(rng, "ekslint:ignore %s needs a reason after --; the finding is not suppressed", strings.Join(rules, ",")))
			return nil
		}
		for _, id := range rules {
			if !isRule(id) {
				problems = append(problems, source.Warnf(rng, "ekslint:ignore names %s, which is not an ekslint rule", id))
			}
		}
		return &directive{rules: rules, reason: reason, rng: rng, used: map[string]bool{}}
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		fileOf[f.Path] = f
		for _, c := range f.Comments {
			text := strings.TrimSpace(c.Text)
			rest, ok := strings.CutPrefix(text, keyword)
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':') {
				continue
			}
			rest = strings.TrimPrefix(rest, ":")
			rules, reason, hasReason := parse(rest)
			if d := check(rules, reason, hasReason, c.Range); d != nil {
				byFile[f.Path] = append(byFile[f.Path], d)
			}
		}
	}
	// Annotations: one directive per distinct annotation range.
	annotations := map[source.Range]*directive{}
	matches := make([]*Match, len(targets))
	indexes := map[string]*fileIndex{}
	for i, t := range targets {
		if t.Annotation.Known() {
			d, seen := annotations[t.Annotation.Range]
			if !seen {
				rules, reason, hasReason := parse(t.Annotation.Val)
				d = check(rules, reason, hasReason, t.Annotation.Range)
				annotations[t.Annotation.Range] = d
			}
			if d != nil && d.covers(t.RuleID) {
				matches[i] = &Match{Reason: d.reason, Range: d.rng}
				continue
			}
		}
		ds := byFile[t.Range.File]
		if len(ds) == 0 {
			continue
		}
		ix := indexes[t.Range.File]
		if ix == nil {
			ix = indexFile(ds, fileOf[t.Range.File])
			indexes[t.Range.File] = ix
		}
		if d := ix.find(t); d != nil {
			matches[i] = &Match{Reason: d.reason, Range: d.rng}
		}
	}
	var all []*directive
	for _, ds := range byFile {
		all = append(all, ds...)
	}
	for _, d := range annotations {
		if d != nil {
			all = append(all, d)
		}
	}
	for _, d := range all {
		for _, id := range d.rules {
			if !d.used[id] && isRule(id) && enabled(id) {
				problems = append(problems, source.Notef(d.rng, "ekslint:ignore %s matched no finding; remove it", id))
			}
		}
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		if a.Range != b.Range {
			return a.Range.Less(b.Range)
		}
		return a.Message < b.Message
	})
	return matches, problems
}

func (d *directive) covers(id string) bool {
	for _, r := range d.rules {
		if r == id {
			d.used[id] = true
			return true
		}
	}
	return false
}

// fileIndex is what find needs of one file, computed once per file.
type fileIndex struct {
	byLine      map[int][]*directive
	commentLine map[int]bool // lines holding nothing but comments
	scopes      []source.Range
}

func indexFile(ds []*directive, f *source.File) *fileIndex {
	ix := &fileIndex{byLine: map[int][]*directive{}, commentLine: map[int]bool{}, scopes: f.Scopes}
	for _, d := range ds {
		ix.byLine[d.rng.Start.Line] = append(ix.byLine[d.rng.Start.Line], d)
	}
	for _, c := range f.Comments {
		if commentOnly(c, f) {
			ix.commentLine[c.Range.Start.Line] = true
		}
	}
	return ix
}

// find returns the directive that applies to t: on its start line, in the
// comment lines directly above it, or directly above an enclosing scope.
func (ix *fileIndex) find(t Target) *directive {
	try := func(line int) *directive {
		for _, d := range ix.byLine[line] {
			if d.covers(t.RuleID) {
				return d
			}
		}
		return nil
	}
	// above walks up the run of comment-only lines above line.
	above := func(line int) *directive {
		for l := line - 1; l >= 1 && ix.commentLine[l]; l-- {
			if d := try(l); d != nil {
				return d
			}
		}
		return nil
	}
	if d := try(t.Range.Start.Line); d != nil {
		return d
	}
	if d := above(t.Range.Start.Line); d != nil {
		return d
	}
	// Enclosing scopes, innermost (latest starting) first.
	var lines []int
	for _, s := range ix.scopes {
		if s.File == t.Range.File && s.Contains(t.Range.Start) && s.Start.Line != t.Range.Start.Line {
			lines = append(lines, s.Start.Line)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lines)))
	for _, l := range lines {
		if d := try(l); d != nil {
			return d
		}
		if d := above(l); d != nil {
			return d
		}
	}
	return nil
}

// commentOnly reports whether a comment is the first thing on its line: no
// scope (block, mapping or list item) starts before it on that line.
func commentOnly(c source.Comment, f *source.File) bool {
	for _, s := range f.Scopes {
		if s.Start.Line == c.Range.Start.Line && s.Start.Col < c.Range.Start.Col {
			return false
		}
	}
	return true
}
