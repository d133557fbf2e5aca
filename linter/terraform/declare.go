package terraform

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/zclconf/go-cty/cty"
)

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "default"}}}

// variable is a declared input variable and its resolved value.
type variable struct {
	name  string
	block *hcl.Block // the declaration, for override files
	decl  hcl.Range
	typ   cty.Type // cty.DynamicPseudoType when untyped or `any`
	// defaults are the optional(…, default) values of an object type.
	defaults *typeexpr.Defaults
	// literal: a --var value is taken as a plain string, as Terraform
	// does when the type is string or not given.
	literal bool
	// required: no default, so Terraform demands a value, never null.
	required bool
	value    cty.Value
	// from is where the value was given: the default, a variables file's
	// attribute, or (with no position) a --var flag.
	from hcl.Range
	// passed: the value came from a module call's argument (from).
	passed bool
}

// resource is a resource block of the module.
type resource struct {
	typ, name string
	addr      string // typ.name, made once: every instance and reference asks
	block     *hcl.Block
	// insts are its instances once expanded (see instancesOf).
	insts    []instance
	expanded bool
	// byAddress indexes insts by address, built on the first lookup.
	byAddress map[string]int
	// shared is the body's shared read (see sharedRead), once sharedDone;
	// nil when its type has none or the read could give a diagnostic.
	shared     *hcl.BodyContent
	sharedRead *sharedRead
	sharedDone bool
	// planned is the address a JSON plan gives the resource instance
	// (module.eks.aws_eks_cluster.this[0]); "" for configuration.
	planned string
}

func newResource(typ, name string, block *hcl.Block) *resource {
	return &resource{typ: typ, name: name, addr: typ + "." + name, block: block}
}

func (r *resource) address() string { return r.addr }

// declare records the variables, locals and resources of one file.
// Terraform refuses duplicates. ekslint says so in a note (not a warning:
// fixture folders hold a bad and a good file that reuse names) and goes
// on: a duplicate variable or local is ignored, a duplicate resource is
// checked too (a block is never dropped), and references resolve to the
// first.
func (m *module) declare(c *hcl.BodyContent) {
	// The file's resources, allocated together: the capacity is exact, so
	// appending never moves the resources already pointed to.
	declared := make([]resource, 0, countType(c.Blocks, "resource"))
	m.resources = slices.Grow(m.resources, cap(declared))
	for _, b := range c.Blocks {
		switch b.Type {
		case "variable":
			if prev, dup := m.vars[b.Labels[0]]; dup {
				m.problems = append(m.problems, noteAt(b.DefRange, "variable %q is declared twice (first at %s); the first is used", b.Labels[0], rangeOf(prev.decl)))
				continue
			}
			m.vars[b.Labels[0]] = m.variable(b)
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			m.diagnostics(diags)
			for _, a := range sortedAttrs(attrs) {
				if prev, dup := m.locals[a.Name]; dup {
					m.problems = append(m.problems, noteAt(a.NameRange, "local.%s is declared twice (first at %s); the first is used", a.Name, rangeOf(prev.NameRange)))
					continue
				}
				m.locals[a.Name] = a
			}
		case "module":
			m.modules = append(m.modules, b)
		case "resource":
			declared = append(declared, *newResource(b.Labels[0], b.Labels[1], b))
			r := &declared[len(declared)-1]
			if prev, dup := m.byAddress[r.address()]; dup {
				m.problems = append(m.problems, noteAt(b.DefRange, "resource %s is declared twice (first at %s); both are checked, and references name the first", r.address(), rangeOf(prev.block.DefRange)))
			} else {
				m.byAddress[r.address()] = r
			}
			m.resources = append(m.resources, r)
		}
	}
}

// countType is how many of blocks are of type typ.
func countType(blocks hcl.Blocks, typ string) int {
	n := 0
	for _, b := range blocks {
		if b.Type == typ {
			n++
		}
	}
	return n
}

// variable reads a variable block: its type and its default.
func (m *module) variable(b *hcl.Block) *variable {
	v := &variable{name: b.Labels[0], block: b, decl: b.DefRange, typ: cty.DynamicPseudoType, literal: true, required: true}
	vc, diags := partialContent(b.Body, variableSchema)
	m.diagnostics(diags)
	if t, ok := vc.Attributes["type"]; ok {
		v.literal = hcl.ExprAsKeyword(t.Expr) == "string"
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(t.Expr)
		if diags.HasErrors() {
			m.problems = append(m.problems, warnAt(t.Range, "variable %q: the type constraint is not one ekslint understands; its values are used as written", v.name))
		} else {
			v.typ, v.defaults = ty, defaults
		}
	}
	if d, ok := vc.Attributes["default"]; ok {
		v.required = false
		val, diags := defaultValue(d.Expr)
		m.diagnostics(diags)
		if !diags.HasErrors() {
			m.assign(v, val, d.Range)
			return v
		}
	}
	// No default, or one that cannot be read: the value is a required
	// variable's (made only here: a refined unknown costs two allocations,
	// and most variables have a default).
	v.value = unset(v.typ)
	return v
}

// defaultValue is the value of a variable's default, which may refer to
// nothing. Most defaults are a plain literal, whose value needs no
// evaluation by hcl (see literal).
func defaultValue(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	if v, ok := literal(expr); ok {
		return v, nil
	}
	return expr.Value(nil)
}

// unset is the value of a required variable of type typ nobody gave a
// value to: unknown, and for a known type unknown but never null (the run
// that deploys it must pass a value).
func unset(typ cty.Type) cty.Value {
	if typ == cty.DynamicPseudoType {
		return cty.DynamicVal
	}
	return cty.UnknownVal(typ).RefineNotNull()
}

// sortedAttrs orders attributes by position, for deterministic problems.
func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	// slices.SortFunc, unlike sort.Slice, needs no reflective swapper.
	// Neither is stable, and neither need be: no two attributes start at
	// the same place of the same file.
	slices.SortFunc(out, func(a, b *hcl.Attribute) int {
		if c := strings.Compare(a.Range.Filename, b.Range.Filename); c != 0 {
			return c
		}
		return cmp.Compare(a.Range.Start.Byte, b.Range.Start.Byte)
	})
	return out
}
