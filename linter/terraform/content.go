package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// partialContent is b.PartialContent(s) without the remaining body, which
// ekslint never reads.
//
// Why a fast path: every adapter reads each resource's body through a
// schema, and (*hclsyntax.Body).PartialContent builds, besides the content,
// a "remain" body and two maps of hidden names for it, plus a map of the
// wanted block types: most of what it allocates, all of it thrown away.
//
// Why it is equivalent: for a body fresh from the parser (its hidden maps
// are nil) PartialContent keeps every attribute the schema names that the
// body has and every block of a type the schema names, in source order,
// converted as AsHCLAttribute / AsHCLBlock convert them (here into one
// allocation per read for each), and MissingItemRange. Only
// bodies fresh from the parser reach here: ekslint discards every remain
// body hclsyntax returns (planBody wraps its own remain, which is not a
// *hclsyntax.Body). Anything that could produce a diagnostic (a required
// attribute missing, a block with the wrong number of labels) goes to
// PartialContent, so that the diagnostics are hcl's own. TestPartialContent
// compares both on every .tf file of the fixtures and testdata.
func partialContent(b hcl.Body, s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	if sb, ok := b.(*hclsyntax.Body); ok {
		if c, ok := syntaxContent(sb, s); ok {
			return c, nil
		}
	}
	c, _, diags := b.PartialContent(s)
	return c, diags
}

// syntaxContent is PartialContent of a fresh *hclsyntax.Body, or false
// where PartialContent could report a diagnostic.
func syntaxContent(b *hclsyntax.Body, s *hcl.BodySchema) (*hcl.BodyContent, bool) {
	// The attributes found, gathered first so that their copies are
	// allocated together (schemas name a few attributes: the array stays
	// on the stack, and append spills over it for a longer one).
	var foundBuf [8]*hclsyntax.Attribute
	found := foundBuf[:0]
	for i, as := range s.Attributes {
		a, ok := b.Attributes[as.Name]
		if as.Required && (!ok || named(s.Attributes[:i], as.Name)) {
			// Missing, or hidden by its earlier namesake: a diagnostic.
			return nil, false
		}
		if ok {
			found = append(found, a)
		}
	}
	attrs := noAttributes
	if len(found) > 0 {
		attrs = make(hcl.Attributes, len(found))
		copies := make([]hcl.Attribute, len(found))
		for i, a := range found {
			// As AsHCLAttribute builds it. A name the schema lists twice
			// is found twice: the second copy replaces the first, equal.
			copies[i] = hcl.Attribute{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange}
			attrs[a.Name] = &copies[i]
		}
	}
	wanted := 0
	for _, blk := range b.Blocks {
		if bs, ok := blockSchema(s, blk.Type); ok {
			if len(blk.Labels) != len(bs.LabelNames) {
				return nil, false
			}
			wanted++
		}
	}
	var blocks hcl.Blocks
	if wanted > 0 {
		blocks = make(hcl.Blocks, 0, wanted)
		copies := make([]hcl.Block, 0, wanted)
		for _, blk := range b.Blocks {
			if _, ok := blockSchema(s, blk.Type); ok {
				// As AsHCLBlock builds it.
				copies = append(copies, hcl.Block{Type: blk.Type, Labels: blk.Labels, Body: blk.Body,
					DefRange: blk.DefRange(), TypeRange: blk.TypeRange, LabelRanges: blk.LabelRanges})
				blocks = append(blocks, &copies[len(copies)-1])
			}
		}
	}
	return &hcl.BodyContent{Attributes: attrs, Blocks: blocks, MissingItemRange: b.MissingItemRange()}, true
}

// noAttributes are the attributes of a content none of whose schema's
// attributes the body has (more than half of all reads). Shared: nothing
// in the package writes to the attributes of a content it read (override
// and plan write only to contents they build).
var noAttributes = hcl.Attributes{}

// blockSchema is the schema's header for blocks of type typ. As in
// PartialContent, which puts the headers in a map, the last one wins.
func blockSchema(s *hcl.BodySchema, typ string) (hcl.BlockHeaderSchema, bool) {
	for i := len(s.Blocks) - 1; i >= 0; i-- {
		if s.Blocks[i].Type == typ {
			return s.Blocks[i], true
		}
	}
	return hcl.BlockHeaderSchema{}, false
}

// named says whether one of attrs is called name.
func named(attrs []hcl.AttributeSchema, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}
