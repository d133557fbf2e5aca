package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/source"
)

// presence says whether a nested block is there.
type presence uint8

const (
	absent presence = iota
	present
	unknownPresence // a dynamic block whose for_each is not knowable offline
)

// nested is a nested block as the adapters see it, written out or produced
// by a `dynamic` block.
type nested struct {
	state   presence
	at      source.Range // its header (the dynamic block's for a dynamic one)
	content *hcl.BodyContent
	scope   map[string]cty.Value // the dynamic block's iterator, for evaluating content
}

var (
	dynamicSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "for_each", Required: true}, {Name: "iterator"}, {Name: "labels"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
	}
)

// emptySchema reads no attribute and no block: for a nested block whose
// presence alone matters. Shared: schemas are only read.
var emptySchema = &hcl.BodySchema{}

// noContent is the content of a block that is absent or unknown. Shared:
// the adapters only look things up in a block's content, never change it.
var noContent = &hcl.BodyContent{}

// block finds the nested block typ of body: written out, or from a
// `dynamic "typ"` block. For a dynamic block with a known for_each the
// first element's content is read, with the iterator (named by `iterator`,
// else the block type) bound to that element; an empty for_each means no
// block. The blocks ekslint reads (vpc_config, remote_access,
// encryption_config) appear at most once.
func (m *module) block(body *hcl.BodyContent, typ string, schema *hcl.BodySchema) nested {
	if b := firstBlock(body, typ); b != nil {
		return nested{state: present, at: rangeOf(b.DefRange), content: m.content(b.Body, schema)}
	}
	d := dynamicBlock(body, typ)
	if d == nil {
		return nested{state: absent, content: noContent}
	}
	n := nested{state: unknownPresence, at: rangeOf(d.DefRange), content: noContent}
	spec, diags := partialContent(d.Body, dynamicSchema)
	m.diagnostics(diags)
	forEach, ok := spec.Attributes["for_each"]
	if !ok {
		return n
	}
	v := m.eval(forEach.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		return n
	}
	if v.LengthInt() == 0 {
		return nested{state: absent, content: noContent}
	}
	iterator := typ
	if it, ok := spec.Attributes["iterator"]; ok {
		if name := hcl.ExprAsKeyword(it.Expr); name != "" {
			iterator = name
		}
	}
	it := v.ElementIterator()
	it.Next()
	key, value := it.Element()
	n.state = present
	n.scope = map[string]cty.Value{iterator: cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})}
	if c := firstBlock(spec, "content"); c != nil {
		n.content = m.content(c.Body, schema)
	}
	return n
}

// defaultsAt is where the defaults of the block's omitted attributes
// point: the block when it is there, else outer (the enclosing block).
func (n nested) defaultsAt(outer source.Range) source.Range {
	if n.state == present {
		return n.at
	}
	return outer
}

// in evaluates f with the dynamic block's iterator in scope, on top of the
// instance's count/each.
func (n nested) in(m *module, f func()) {
	if len(n.scope) == 0 {
		f()
		return
	}
	prev := m.scope
	merged := make(map[string]cty.Value, len(prev)+len(n.scope))
	for k, v := range prev {
		merged[k] = v
	}
	for k, v := range n.scope {
		merged[k] = v
	}
	m.scope = merged
	defer func() { m.scope = prev }()
	f()
}

// dynamicBlock returns the `dynamic "<typ>"` block of c, if any.
func dynamicBlock(c *hcl.BodyContent, typ string) *hcl.Block {
	for _, b := range c.Blocks {
		if b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == typ {
			return b
		}
	}
	return nil
}

func firstBlock(c *hcl.BodyContent, typ string) *hcl.Block {
	for _, b := range c.Blocks {
		if b.Type == typ {
			return b
		}
	}
	return nil
}

// maxNestedBlocks bounds the nested blocks read one by one (written out,
// or made by dynamic blocks) in a root module and the modules it calls,
// all their instances together. Each becomes a rule of the model, or
// more: 1,000 security groups with a dynamic ingress over range(1000)
// took 6 s and 1.5 GB, ten times the groups 93 s and 14 GB; 1,000 groups
// of 1,000 ingress blocks written out 3.7 s and 940 MB. Real
// configurations read hundreds. (A variable, for the tests.)
var maxNestedBlocks = 100_000

// blockRoom reports whether n more nested blocks may still be read one by
// one; when not, they are read as one block whose content is unknown, and
// a warning says so at r: the for_each of a dynamic block (dynamic), else
// the first of the blocks typ written out.
func (m *module) blockRoom(r hcl.Range, n int, typ string, dynamic bool) bool {
	if m.calls == nil {
		return true
	}
	if m.calls.blocks+n > maxNestedBlocks {
		why := fmt.Sprintf("these %d %s blocks", n, typ)
		if dynamic {
			why = fmt.Sprintf("this dynamic block would make %d blocks", n)
		}
		m.problems = append(m.problems, warnAt(r,
			"%s, past the %d that ekslint reads one by one in a root module and the modules it calls; they are read as one block whose content is unknown", why, maxNestedBlocks))
		return false
	}
	m.calls.blocks += n
	return true
}
