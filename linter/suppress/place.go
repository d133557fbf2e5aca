package suppress

import (
	"sort"

	"github.com/ekslint/ekslint/linter/source"
)

// Where a comment directive applies. A directive applies to what starts
//   - on its own line (a trailing comment, or the first or last line of a
//     block comment), and
//   - when it is comment-only, on the first line after the run of
//     comment-only lines it belongs to: the run ends at a blank line or a
//     line with content, so a blank line between a directive and a finding
//     breaks it.
//
// "What starts" on a line is a finding, or an enclosing scope (a Terraform
// block, a YAML document, mapping or list item) of a finding.
//
// Comment-only: suppression sees comments, scopes and findings, not the
// source text. A comment counts as comment-only unless something it can
// see is on the comment's first line before it: a scope that starts or
// ends there, or a finding that starts there. This catches trailing
// comments on block headers, list items, closing braces and flagged lines.
// A trailing comment after a plain attribute or key with no finding
// (`name: x  # ekslint:ignore …`) is taken for comment-only, so it also
// reaches the line below it; that errs towards suppressing what the author
// plainly meant, never across a blank line.

// fileIndex is what finding lookups need of one file, built once.
type fileIndex struct {
	// at maps a line to the directives that apply to what starts on it,
	// nearest first.
	at map[int32][]*directive
	// scopes are the file's scopes that start on a line of at, sorted by
	// start (outer first on ties), each with its nearest enclosing one.
	scopes []anchored
}

type anchored struct {
	r      source.Range
	parent int // index in scopes, -1 for none
}

// newFileIndex indexes file f, whose i-th comment holds directive ds[i]
// (nil for an ordinary comment); starts are where f's findings start.
func newFileIndex(f *source.File, ds []*directive, starts []source.Pos) *fileIndex {
	ix := &fileIndex{at: map[int32][]*directive{}}
	runs := commentRuns(f, starts)
	for i, c := range f.Comments {
		d := ds[i]
		if d == nil || !d.valid {
			continue
		}
		// The lines d applies to, each once: its first, its last, and the
		// line after its run of comments.
		first, last := lines(c.Range)
		ix.add(first, d)
		if last != first {
			ix.add(last, d)
		}
		if end, ok := runs.endOf(first); ok && end+1 != first && end+1 != last {
			ix.add(end+1, d)
		}
	}
	for _, list := range ix.at {
		sort.SliceStable(list, func(i, j int) bool { return list[j].rng.Less(list[i].rng) })
	}
	ix.indexScopes(f.Scopes)
	return ix
}

// add makes d apply to what starts on line. The caller adds each line of
// a directive once: a check for d among the line's directives would cost
// as much as the line has (300,000 directives in one run of comments,
// each applying to the line after it, took 50 s).
func (ix *fileIndex) add(line int32, d *directive) {
	ix.at[line] = append(ix.at[line], d)
}

// lines returns the first and last line of a comment's range.
func lines(r source.Range) (first, last int32) {
	first, last = r.Start.Line, r.End.Line
	if last < first {
		last = first
	}
	return first, last
}

// run is a stretch of consecutive lines holding nothing but comments.
type run struct{ first, last int32 }

type runs []run

// commentRuns merges the lines of comment-only comments into runs.
func commentRuns(f *source.File, starts []source.Pos) runs {
	// The first column of something other than a comment, on each line
	// that has a comment.
	content := map[int32]int32{}
	for _, c := range f.Comments {
		content[c.Range.Start.Line] = 0
	}
	see := func(line, col int32) {
		if cur, ok := content[line]; ok && col >= 1 && (cur == 0 || col < cur) {
			content[line] = col
		}
	}
	for _, s := range f.Scopes {
		see(s.Start.Line, s.Start.Col)
		// Ends are exclusive: something ending at column e occupied e-1.
		if s.End.Col >= 2 && (s.End.Line > s.Start.Line || s.End.Col > s.Start.Col) {
			see(s.End.Line, s.End.Col-1)
		}
	}
	for _, p := range starts {
		see(p.Line, p.Col)
	}
	var rs runs
	for _, c := range f.Comments {
		if col := content[c.Range.Start.Line]; col != 0 && col < c.Range.Start.Col {
			continue // a trailing comment
		}
		first, last := lines(c.Range)
		rs = append(rs, run{first, last})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].first < rs[j].first })
	merged := rs[:0]
	for _, r := range rs {
		if n := len(merged); n > 0 && r.first <= merged[n-1].last+1 {
			merged[n-1].last = max(merged[n-1].last, r.last)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// endOf returns the last line of the run holding line, if one does.
func (rs runs) endOf(line int32) (int32, bool) {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].last >= line })
	if i < len(rs) && rs[i].first <= line {
		return rs[i].last, true
	}
	return 0, false
}

// indexScopes keeps the scopes a directive can reach and links each to its
// nearest enclosing kept scope. Scopes come from syntax trees, so two of
// them are either nested or apart.
func (ix *fileIndex) indexScopes(scopes []source.Range) {
	for _, s := range scopes {
		if len(ix.at[s.Start.Line]) > 0 {
			ix.scopes = append(ix.scopes, anchored{r: s, parent: -1})
		}
	}
	sort.SliceStable(ix.scopes, func(i, j int) bool {
		a, b := ix.scopes[i].r, ix.scopes[j].r
		if a.Start != b.Start {
			return before(a.Start, b.Start)
		}
		return before(b.End, a.End) // the outer one first
	})
	var stack []int
	for i := range ix.scopes {
		for len(stack) > 0 && !encloses(ix.scopes[stack[len(stack)-1]].r, ix.scopes[i].r) {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			ix.scopes[i].parent = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
}

// candidates returns the directives that may apply to a finding starting
// at p, nearest first: those for its own line, then those for each
// enclosing scope from the innermost out.
func (ix *fileIndex) candidates(p source.Pos) []*directive {
	out := ix.at[p.Line]
	// The last kept scope starting at or before p: the innermost scope
	// holding p is it or one of its ancestors.
	i := sort.Search(len(ix.scopes), func(i int) bool { return before(p, ix.scopes[i].r.Start) }) - 1
	for i >= 0 && !ix.scopes[i].r.Contains(p) {
		i = ix.scopes[i].parent
	}
	for ; i >= 0; i = ix.scopes[i].parent {
		if l := ix.scopes[i].r.Start.Line; l != p.Line {
			out = append(out[:len(out):len(out)], ix.at[l]...)
		}
	}
	return out
}

func before(a, b source.Pos) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
}

// encloses reports whether outer holds all of inner.
func encloses(outer, inner source.Range) bool {
	return !before(inner.Start, outer.Start) && !before(outer.End, inner.End)
}
