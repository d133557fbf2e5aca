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
//
// The content, its attributes and its blocks come from slab, the reading
// module's (nil: allocated one by one).
func partialContent(b hcl.Body, s *hcl.BodySchema, slab *contentSlab) (*hcl.BodyContent, hcl.Diagnostics) {
	if sb, ok := b.(*hclsyntax.Body); ok {
		if c, ok := syntaxContent(sb, s, slab); ok {
			return c, nil
		}
	}
	c, _, diags := b.PartialContent(s)
	return c, diags
}

// syntaxContent is PartialContent of a fresh *hclsyntax.Body, or false
// where PartialContent could report a diagnostic.
func syntaxContent(b *hclsyntax.Body, s *hcl.BodySchema, slab *contentSlab) (*hcl.BodyContent, bool) {
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
			attr := take(slab.attributes(), attributeChunk)
			*attr = *a.AsHCLAttribute()
			attrs[as.Name] = attr
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
		blocks = takeN(slab.blockList(), wanted, blockListChunk)[:0]
		for _, blk := range b.Blocks {
			if _, ok := blockSchema(s, blk.Type); ok {
				block := take(slab.blocks(), blockChunk)
				*block = *blk.AsHCLBlock()
				blocks = append(blocks, block)
			}
		}
	}
	c := take(slab.contents(), contentChunk)
	*c = hcl.BodyContent{Attributes: attrs, Blocks: blocks, MissingItemRange: b.MissingItemRange()}
	return c, true
}

// contentSlab holds the contents a module reads, and the attributes and
// blocks in them, in arrays allocated a few at a time rather than each on
// its own: a module of a cluster, a node group and two subnets reads some
// 25 contents, with 18 attributes and 13 blocks, most of which live as
// long as the module anyway. Values taken from it are zero, as new would
// give them, and never handed out twice, so that nothing a read returns
// is shared with another read; what is written to one is written to it
// alone.
type contentSlab struct {
	contentFree   []hcl.BodyContent
	attributeFree []hcl.Attribute
	blockFree     []hcl.Block
	blockListFree []*hcl.Block
}

// How many values of a kind a slab allocates at once: the unused rest of
// each kind's last chunk is the cost, kept under a kilobyte.
const (
	contentChunk   = 8 // 96 bytes each
	attributeChunk = 4 // 160 bytes
	blockChunk     = 4 // 208 bytes
	blockListChunk = 8 // pointers
)

// The free lists of a slab; nil for no slab, whose values are then
// allocated one by one.
func (s *contentSlab) contents() *[]hcl.BodyContent {
	if s == nil {
		return nil
	}
	return &s.contentFree
}

func (s *contentSlab) attributes() *[]hcl.Attribute {
	if s == nil {
		return nil
	}
	return &s.attributeFree
}

func (s *contentSlab) blocks() *[]hcl.Block {
	if s == nil {
		return nil
	}
	return &s.blockFree
}

func (s *contentSlab) blockList() *[]*hcl.Block {
	if s == nil {
		return nil
	}
	return &s.blockListFree
}

// take is a new zero T from free, which it refills chunk at a time
// (allocated alone where free is nil).
func take[T any](free *[]T, chunk int) *T {
	if free == nil {
		return new(T)
	}
	if len(*free) == 0 {
		*free = make([]T, chunk)
	}
	v := &(*free)[0]
	*free = (*free)[1:]
	return v
}

// takeN is n new zero Ts from free, as a slice whose capacity is n: an
// append to it reallocates rather than reach the next values handed out.
// Lists longer than half a chunk are allocated alone.
func takeN[T any](free *[]T, n, chunk int) []T {
	if free == nil || n > chunk/2 {
		return make([]T, n)
	}
	if len(*free) < n {
		*free = make([]T, chunk)
	}
	v := (*free)[:n:n]
	*free = (*free)[n:]
	return v
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
