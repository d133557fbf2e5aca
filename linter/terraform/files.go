package terraform

import (
	"bytes"
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
	var walk func(b *hclsyntax.Body, depth int)
	walk = func(b *hclsyntax.Body, depth int) {
		if depth > maxScopeDepth {
			return
		}
		for _, blk := range b.Blocks {
			info.Scopes = append(info.Scopes, rangeOf(blk.Range()))
			walk(blk.Body, depth+1)
		}
	}
	walk(body, 0)
	// Comments matter only for ignore directives; lexing the file a
	// second time is the costliest step of reading it, so skip it when no
	// directive can be there.
	if !bytes.Contains(f.Src, []byte("ekslint:ignore")) {
		return info
	}
	info.Comments = comments(f)
	return info
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
			r.End = source.Pos{Line: r.Start.Line, Col: r.Start.Col + len([]rune(strings.TrimRight(raw, "\r\n")))}
		}
		out = append(out, source.Comment{Range: r, Text: text})
	}
	return out
}
