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
// converted with AsHCLAttribute / AsHCLBlock, and MissingItemRange. Only
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
	var attrs hcl.Attributes
	for i, as := range s.Attributes {
		a, ok := b.Attributes[as.Name]
		if as.Required && (!ok || named(s.Attributes[:i], as.Name)) {
			// Missing, or hidden by its earlier namesake: a diagnostic.
			return nil, false
		}
		if ok {
			if attrs == nil {
				attrs = make(hcl.Attributes, len(s.Attributes)-i)
			}
			attrs[as.Name] = a.AsHCLAttribute()
		}
	}
	if attrs == nil {
		attrs = noAttributes
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
		for _, blk := range b.Blocks {
			if _, ok := blockSchema(s, blk.Type); ok {
				blocks = append(blocks, blk.AsHCLBlock())
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
