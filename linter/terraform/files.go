package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ekslint/ekslint/linter/source"
)

// maxScopeDepth bounds the walk over nested blocks.
const maxScopeDepth = 100

// fileInfo collects what suppression needs of a file: the range of every
// block, nested ones included (from the header to the closing brace), and
// the comments. JSON has no comments, so its blocks scope nothing.
func fileInfo(f File, hf *hcl.File) *source.File {
	info := &source.File{Path: f.Path}
	body, ok := hf.Body.(*hclsyntax.Body)
	if !ok {
		return info
	}
	// Scopes and comments matter only for ignore directives, which are
	// comments starting with the keyword: a file without it needs
	// neither (lexing the file a second time is the costliest step of
	// reading it), as in the YAML reader.
	if !source.MayHoldDirective(f.Src) {
		return info
	}
	if n := countBlocks(body, 0); n > 0 {
		info.Scopes = make([]source.Range, 0, n)
		info.Scopes = appendScopes(info.Scopes, body, 0)
	}
	info.Comments = comments(f)
	return info
}

// countBlocks is how many ranges appendScopes appends for b: the scopes
// are counted first so that they are allocated once.
func countBlocks(b *hclsyntax.Body, depth int) int {
	if depth > maxScopeDepth {
		return 0
	}
	n := len(b.Blocks)
	for _, blk := range b.Blocks {
		n += countBlocks(blk.Body, depth+1)
	}
	return n
}

// appendScopes appends the range of every block of b, nested ones
// included, each before those it holds, down to maxScopeDepth.
func appendScopes(scopes []source.Range, b *hclsyntax.Body, depth int) []source.Range {
	if depth > maxScopeDepth {
		return scopes
	}
	for _, blk := range b.Blocks {
		scopes = append(scopes, rangeOf(blk.Range()))
		scopes = appendScopes(scopes, blk.Body, depth+1)
	}
	return scopes
}

// comments lexes a native-syntax file and returns its comments, with the
// marker (#, // or /* */) removed.
func comments(f File) []source.Comment {
	var out []source.Comment
	tokens, _ := hclsyntax.LexConfig(f.Src, f.Path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	for _, t := range tokens {
		if t.Type != hclsyntax.TokenComment {
			continue
		}
		raw := string(t.Bytes)
		text := strings.TrimRight(raw, "\r\n")
		switch {
		case strings.HasPrefix(text, "#"):
			text = text[1:]
		case strings.HasPrefix(text, "//"):
			text = text[2:]
		case strings.HasPrefix(text, "/*"):
			text = strings.TrimSuffix(text[2:], "*/")
		}
		r := rangeOf(t.Range)
		if r.End.Line > r.Start.Line && strings.HasSuffix(raw, "\n") && !strings.HasPrefix(raw, "/*") {
			// A line comment's token includes its newline; end it on its own line.
			r.End = source.Pos{Line: r.Start.Line, Col: r.Start.Col + int32(len([]rune(strings.TrimRight(raw, "\r\n"))))}
		}
		out = append(out, source.Comment{Range: r, Text: text})
	}
	return out
}
