// Package suppress decides which findings an `ekslint:ignore` comment or an
// `ekslint.io/ignore` annotation silences, and reports ignores that are
// malformed, lack a reason, name no existing rule, or matched nothing.
//
// Syntax, in any comment: `ekslint:ignore RULE-ID[,RULE-ID...] -- reason`;
// as the annotation value: `RULE-ID[,RULE-ID...] -- reason`. Where a comment
// applies is described in place.go.
package suppress

import (
	"sort"

	"github.com/ekslint/ekslint/linter/source"
)

// Target is a finding as suppression sees it.
type Target struct {
	RuleID string
	// Range is the finding's range; File and Start are used.
	Range source.Range
	// Annotation is the object's ekslint.io/ignore annotation; Known() is
	// false when the object has none.
	Annotation source.Value[string]
}

// Match is the directive or annotation that silenced a finding.
type Match struct {
	Reason string
	Range  source.Range
}

// fileState is one read file and the directives in its comments.
type fileState struct {
	file  *source.File
	ds    []*directive // parallel to file.Comments; nil for ordinary comments
	valid bool         // some directive may suppress
	index *fileIndex   // built on the first finding in the file
}

// annotationKey tells annotations apart: the same annotation is shared by
// every finding on its object.
type annotationKey struct {
	rng source.Range
	val string
}

// Apply decides, for each target, which directive (if any) suppresses it:
// matches[i] is nil when targets[i] stands. It reports directives that are
// malformed, have no reason, name a rule isRule does not know, or name an
// enabled rule without matching any finding of it. Problems are ordered by
// file, line and column.
//
// When several directives apply to a finding, the nearest wins (its own
// line, then the comments above it, then those above each enclosing scope
// from the innermost out, then the annotation); all of them count as used.
//
// Annotations are seen through the targets only, so an annotation on an
// object without findings is neither checked nor reported unused. When
// files holds a path twice, the first entry is used.
func Apply(targets []Target, files []*source.File, isRule func(id string) bool, enabled func(id string) bool) (matches []*Match, problems []source.Problem) {
	if isRule == nil {
		isRule = func(string) bool { return true }
	}
	if enabled == nil {
		enabled = func(string) bool { return true }
	}
	c := &checker{isRule: isRule, targets: targets, nearest: map[string]string{}}

	var order []*directive // every directive, for the unused check
	var states map[source.FileID]*fileState
	if HasDirective(files) {
		states, order = c.fileStates(files)
	}
	starts := startsIn(targets, states)
	annotations := map[annotationKey]*directive{}
	matches = make([]*Match, len(targets))
	for i, t := range targets {
		var candidates []*directive
		if st := states[t.Range.File]; st != nil && st.valid && t.Range.Start.Line > 0 {
			if st.index == nil {
				st.index = newFileIndex(st.file, st.ds, starts[t.Range.File])
			}
			candidates = st.index.candidates(t.Range.Start)
		}
		if t.Annotation.Known() {
			key := annotationKey{t.Annotation.Range, t.Annotation.Val}
			d, ok := annotations[key]
			if !ok {
				d = c.check(annotationName, parse(fromAnnotation(t.Annotation.Val)), t.Annotation.Range)
				annotations[key] = d
				order = append(order, d)
			}
			candidates = append(candidates[:len(candidates):len(candidates)], d)
		}
		for _, d := range candidates {
			if !d.covers(t.RuleID) {
				continue
			}
			d.used[t.RuleID] = true
			if matches[i] == nil {
				matches[i] = &Match{Reason: d.reason, Range: d.rng}
			}
		}
	}

	problems = c.problems
	for _, d := range order {
		if !d.valid {
			continue
		}
		for _, id := range d.rules {
			if !d.used[id] && enabled(id) {
				problems = append(problems, source.Notef(d.rng, "%s %s matched no finding; remove it", d.name, id))
			}
		}
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i], problems[j]
		if a.Range != b.Range {
			return a.Range.Less(b.Range)
		}
		if a.Level != b.Level {
			return a.Level < b.Level
		}
		return a.Message < b.Message
	})
	return matches, problems
}

// HasDirective reports whether a comment of files is an ignore directive
// (well-formed or not). When none is and no target has an annotation,
// Apply matches nothing and reports nothing, so a caller may skip it.
func HasDirective(files []*source.File) bool {
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, cm := range f.Comments {
			if _, ok := fromComment(cm.Text); ok {
				return true
			}
		}
	}
	return false
}

// fileStates checks the directives in the comments of files, by path (the
// first entry of a path wins), and returns them in the order found too.
func (c *checker) fileStates(files []*source.File) (map[source.FileID]*fileState, []*directive) {
	var order []*directive
	states := make(map[source.FileID]*fileState, len(files))
	for _, f := range files {
		if f == nil {
			continue
		}
		id := source.FileOf(f.Path)
		if states[id] != nil {
			continue
		}
		st := &fileState{file: f}
		for i, cm := range f.Comments {
			text, ok := fromComment(cm.Text)
			if !ok {
				continue
			}
			if st.ds == nil {
				st.ds = make([]*directive, len(f.Comments))
			}
			d := c.check(keyword, parse(text), cm.Range)
			st.ds[i] = d
			st.valid = st.valid || d.valid
			order = append(order, d)
		}
		states[id] = st
	}
	return states, order
}

// startsIn returns where the targets start, by file, for the files whose
// directives may suppress: only those files are ever indexed.
func startsIn(targets []Target, states map[source.FileID]*fileState) map[source.FileID][]source.Pos {
	starts := map[source.FileID][]source.Pos{}
	for _, t := range targets {
		if st := states[t.Range.File]; st != nil && st.valid {
			starts[t.Range.File] = append(starts[t.Range.File], t.Range.Start)
		}
	}
	return starts
}

// ruleIDs returns the distinct rule IDs of the targets, sorted.
func ruleIDs(targets []Target) []string {
	seen := map[string]bool{}
	var ids []string
	for _, t := range targets {
		if !seen[t.RuleID] {
			seen[t.RuleID] = true
			ids = append(ids, t.RuleID)
		}
	}
	sort.Strings(ids)
	return ids
}
