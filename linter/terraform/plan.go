package terraform

import (
	"bytes"
	"encoding/json"
	"path"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// A Terraform JSON plan (terraform show -json plan.out) holds every
// resource the plan will create or keep, with its values resolved: count,
// for_each, modules (registry ones included) and variables are already
// evaluated by Terraform. Each resource's "values" object is read as the
// body of that resource, through the same adapters as .tf files, so every
// rule reads plans too; findings point at the value's line in the plan.
// Values Terraform only knows after apply are missing from "values" and
// listed in resource_changes[].change.after_unknown: they are Unknown here,
// never the provider's default.
//
// Terraform's JSON plan carries no source positions for the configuration
// (its configuration section has expressions and references, but no file
// or line), so findings are located in the plan file itself.

// IsPlan reports whether src looks like the JSON output of terraform show
// for a plan: an object with format_version and planned_values.
func IsPlan(src []byte) bool {
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.HasPrefix(bytes.TrimSpace(src), []byte("{")) &&
		bytes.Contains(head, []byte(`"format_version"`)) && bytes.Contains(src, []byte(`"planned_values"`))
}

// planSchemas walk the plan down to each resource's values.
var (
	planTopSchema    = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "planned_values"}}}
	planValuesSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "root_module"}}}
	planModuleSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "resources"}, {Type: "child_modules"}}}
	planResSchema    = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "address"}, {Name: "mode"}, {Name: "type"}, {Name: "name"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "values"}},
	}
)

// LoadPlan reads one JSON plan file.
func LoadPlan(p string, src []byte) (out Loaded) {
	m := newModule(path.Dir(p))
	m.root = m.dir
	out.Files = []*source.File{{Path: p}}
	m.protect(hcl.Range{Filename: p}, "this plan", func() {
		if at := jsonTokenBound(src, maxPlanTokens); at >= 0 {
			m.problems = append(m.problems, tooManyTokens(p, src, at, maxPlanTokens))
			return
		}
		f, diags := m.parser.ParseJSON(src, p)
		m.diagnostics(diags)
		if f == nil {
			return
		}
		unknown := afterUnknown(src)
		top := m.content(f.Body, planTopSchema)
		for _, pv := range top.Blocks {
			for _, root := range m.content(pv.Body, planValuesSchema).Blocks {
				m.planModule(root.Body, unknown, 0)
			}
		}
		out.Model = m.adapt()
	})
	if out.Model == nil {
		out.Model = &model.Model{}
	}
	out.Problems = dedupe(m.problems)
	return out
}

// planModule declares the managed resources of one module of the plan,
// and of its child modules.
func (m *module) planModule(body hcl.Body, unknown map[string]any, depth int) {
	if depth > MaxModuleDepth {
		return
	}
	c := m.content(body, planModuleSchema)
	for _, b := range c.Blocks {
		switch b.Type {
		case "child_modules":
			m.planModule(b.Body, unknown, depth+1)
		case "resources":
			m.planResource(b, unknown)
		}
	}
}

func (m *module) planResource(b *hcl.Block, unknown map[string]any) {
	rc := m.content(b.Body, planResSchema)
	str := func(name string) (string, *hcl.Attribute) {
		a, ok := rc.Attributes[name]
		if !ok {
			return "", nil
		}
		v, diags := a.Expr.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return "", a
		}
		return v.AsString(), a
	}
	address, addrAttr := str("address")
	mode, _ := str("mode")
	typ, _ := str("type")
	name, _ := str("name")
	if address == "" || typ == "" || mode != "managed" || addrAttr == nil {
		return
	}
	var values hcl.Body = emptyBody{}
	for _, vb := range rc.Blocks {
		values = vb.Body
	}
	// The resource is located at its address, the line a reviewer
	// recognises in the plan.
	at := addrAttr.Range
	r := newResource(typ, name, &hcl.Block{
		Type: "resource", Labels: []string{typ, name}, DefRange: at, TypeRange: at, LabelRanges: []hcl.Range{at, at},
		Body: planBody{Body: values, unknown: unknown[address], at: at},
	})
	r.planned = address
	m.resources = append(m.resources, r)
	if _, ok := m.byAddress[r.address()]; !ok {
		m.byAddress[r.address()] = r
	}
}

// afterUnknown maps each resource address to its change's after_unknown:
// true where a value is only known after apply, nested like the values.
func afterUnknown(src []byte) map[string]any {
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				AfterUnknown any `json:"after_unknown"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	out := map[string]any{}
	if json.Unmarshal(src, &plan) != nil {
		return out
	}
	for _, rc := range plan.ResourceChanges {
		out[rc.Address] = rc.Change.AfterUnknown
	}
	return out
}

// planBody is a resource's values (or a nested block's) with the values
// known only after apply added as unknown attributes and blocks.
type planBody struct {
	hcl.Body
	unknown any // after_unknown for this body: map[string]any, or true
	at      hcl.Range
}

func (b planBody) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, diags := b.PartialContent(s)
	return c, diags
}

func (b planBody) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	if b.unknown == true {
		c, rest, _ := unknownBody{b.at}.PartialContent(s)
		return c, rest, nil
	}
	c, rest, diags := b.Body.PartialContent(s)
	unk, _ := b.unknown.(map[string]any)
	if c.Attributes == nil {
		c.Attributes = hcl.Attributes{}
	}
	for _, as := range s.Attributes {
		if _, ok := c.Attributes[as.Name]; !ok && isUnknown(unk[as.Name]) {
			c.Attributes[as.Name] = unknownAttr(as.Name, b.at)
		}
	}
	seen := map[string]int{}
	for i, blk := range c.Blocks {
		var sub any
		if list, ok := unk[blk.Type].([]any); ok && seen[blk.Type] < len(list) {
			sub = list[seen[blk.Type]]
		}
		seen[blk.Type]++
		nb := *blk
		nb.Body = planBody{Body: blk.Body, unknown: sub, at: blk.DefRange}
		c.Blocks[i] = &nb
	}
	dynamic := false
	for _, bs := range s.Blocks {
		dynamic = dynamic || bs.Type == "dynamic"
	}
	for _, bs := range s.Blocks {
		if seen[bs.Type] != 0 || unk[bs.Type] != true {
			continue
		}
		// A whole list of blocks known only after apply: whether there is
		// one is unknown, as for a dynamic block over an unknown for_each;
		// a reader that does not look for dynamic blocks sees one with
		// unknown values.
		blk := &hcl.Block{Type: bs.Type, Body: unknownBody{b.at}, DefRange: b.at, TypeRange: b.at}
		if dynamic {
			blk = &hcl.Block{Type: "dynamic", Labels: []string{bs.Type}, Body: unknownBody{b.at}, DefRange: b.at, TypeRange: b.at, LabelRanges: []hcl.Range{b.at}}
		}
		c.Blocks = append(c.Blocks, blk)
	}
	return c, planBody{Body: rest, unknown: b.unknown, at: b.at}, diags
}

func (b planBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	if b.unknown == true {
		return hcl.Attributes{}, nil
	}
	attrs, diags := b.Body.JustAttributes()
	if attrs == nil {
		attrs = hcl.Attributes{}
	}
	if unk, ok := b.unknown.(map[string]any); ok {
		for name, u := range unk {
			if _, ok := attrs[name]; !ok && isUnknown(u) {
				attrs[name] = unknownAttr(name, b.at)
			}
		}
	}
	return attrs, diags
}

// isUnknown: after_unknown marks a whole value with true.
func isUnknown(u any) bool { return u == true }

func unknownAttr(name string, at hcl.Range) *hcl.Attribute {
	return &hcl.Attribute{Name: name, Expr: unknownExpr{at}, Range: at, NameRange: at}
}

// unknownBody is a block whose every attribute is unknown.
type unknownBody struct{ at hcl.Range }

func (b unknownBody) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, _ := b.PartialContent(s)
	return c, nil
}

func (b unknownBody) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	c := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: b.at}
	for _, as := range s.Attributes {
		c.Attributes[as.Name] = unknownAttr(as.Name, b.at)
	}
	return c, emptyBody{}, nil
}

func (b unknownBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) { return hcl.Attributes{}, nil }
func (b unknownBody) MissingItemRange() hcl.Range                       { return b.at }

// emptyBody has nothing in it.
type emptyBody struct{}

func (emptyBody) Content(*hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	return &hcl.BodyContent{Attributes: hcl.Attributes{}}, nil
}

func (emptyBody) PartialContent(*hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	return &hcl.BodyContent{Attributes: hcl.Attributes{}}, emptyBody{}, nil
}

func (emptyBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) { return hcl.Attributes{}, nil }
func (emptyBody) MissingItemRange() hcl.Range                       { return hcl.Range{} }

// unknownExpr is a value known only after apply.
type unknownExpr struct{ at hcl.Range }

func (e unknownExpr) Value(*hcl.EvalContext) (cty.Value, hcl.Diagnostics) { return cty.DynamicVal, nil }
func (e unknownExpr) Variables() []hcl.Traversal                          { return nil }
func (e unknownExpr) Functions() []string                                 { return nil }
func (e unknownExpr) Range() hcl.Range                                    { return e.at }
func (e unknownExpr) StartRange() hcl.Range                               { return e.at }
