package terraform

import (
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// isOverride reports whether a file is an override file: override.tf,
// *_override.tf and their .tf.json forms. Terraform merges them into the
// module after every other file, in lexical order.
func isOverride(p string) bool {
	base := strings.ToLower(path.Base(p))
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// applyOverrides merges the blocks of an override file into the blocks
// they override, as Terraform does: a resource or variable block's
// attributes replace the original's, and nested blocks of a type the
// override writes replace all the original's blocks of that type; a local
// replaces the local of the same name. A block that overrides nothing is
// reported, as Terraform refuses it.
func (m *module) applyOverrides(c *hcl.BodyContent) {
	for _, b := range c.Blocks {
		switch b.Type {
		case "resource":
			r := m.byAddress[b.Labels[0]+"."+b.Labels[1]]
			if r == nil {
				m.problems = append(m.problems, warnAt(b.DefRange, "override for resource %s.%s, which is not declared; Terraform refuses this", b.Labels[0], b.Labels[1]))
				continue
			}
			merged := *r.block
			merged.Body = overrideBody{base: r.block.Body, over: b.Body}
			r.block = &merged
		case "variable":
			v := m.vars[b.Labels[0]]
			if v == nil {
				m.problems = append(m.problems, warnAt(b.DefRange, "override for variable %q, which is not declared; Terraform refuses this", b.Labels[0]))
				continue
			}
			merged := *v.block
			merged.Body = overrideBody{base: v.block.Body, over: b.Body}
			m.vars[b.Labels[0]] = m.variable(&merged)
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			m.diagnostics(diags)
			for _, a := range sortedAttrs(attrs) {
				m.locals[a.Name] = a
			}
		}
	}
}

// overrideBody is a block body with an override merged over it.
type overrideBody struct{ base, over hcl.Body }

var _ hcl.Body = overrideBody{}

func (b overrideBody) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, diags := b.PartialContent(s)
	return c, diags
}

func (b overrideBody) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	// Attributes the schema requires may live in either body alone.
	loose := &hcl.BodySchema{Blocks: s.Blocks}
	for _, a := range s.Attributes {
		loose.Attributes = append(loose.Attributes, hcl.AttributeSchema{Name: a.Name})
	}
	base, diags := partialContent(b.base, loose)
	over, more := partialContent(b.over, loose)
	diags = append(diags, more...)
	merged := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: base.MissingItemRange}
	for k, a := range base.Attributes {
		merged.Attributes[k] = a
	}
	for k, a := range over.Attributes {
		merged.Attributes[k] = a
	}
	replaced := map[string]bool{}
	for _, blk := range over.Blocks {
		replaced[producedType(blk)] = true
	}
	for _, blk := range base.Blocks {
		if !replaced[producedType(blk)] {
			merged.Blocks = append(merged.Blocks, blk)
		}
	}
	merged.Blocks = append(merged.Blocks, over.Blocks...)
	return merged, hcl.EmptyBody(), diags
}

func (b overrideBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	base, diags := b.base.JustAttributes()
	over, more := b.over.JustAttributes()
	for k, a := range over {
		base[k] = a
	}
	return base, append(diags, more...)
}

func (b overrideBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// producedType is the type of block a block stands for: its own, or for
// a dynamic block the type it generates.
func producedType(b *hcl.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}
