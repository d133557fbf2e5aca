package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// MaxInstances bounds how many instances one count or for_each expands to.
// Beyond it the block keeps one representative instance (never dropped)
// and the bound is reported where it was hit.
const MaxInstances = 10000

// instance is one instance of a resource: its address and the values of
// count.index or each.key/each.value while its attributes are evaluated.
type instance struct {
	address string
	scope   map[string]cty.Value
}

var instanceSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}}}

// instancesOf returns the instances of r, expanding it the first time.
func (m *module) instancesOf(r *resource) []instance {
	if !r.expanded && r.planned != "" {
		// A plan's resources are instances already.
		r.expanded, r.insts = true, []instance{{address: r.planned}}
	}
	if !r.expanded {
		r.expanded = true
		ok := m.protect(r.block.DefRange, r.address(), func() {
			m.within(instance{}, func() { r.insts = m.instances(r) })
		})
		if !ok {
			r.insts = []instance{{address: r.address()}} // never drop a block
		}
	}
	return r.insts
}

// instances expands a resource by its count or for_each. A known value
// gives one instance per index or key (addressed like Terraform does:
// aws_eks_node_group.this["gpu"]); an unknown one gives one representative
// whose count.index or each.* are unknown. count = 0 and an empty for_each
// give none: the configuration itself says there is nothing.
func (m *module) instances(r *resource) []instance {
	meta := sharedContent(r, instanceSchema)
	if meta == nil {
		meta, _ = partialContent(r.block.Body, instanceSchema) // its problems are the areas' to report
	}
	representative := func(scope map[string]cty.Value) []instance {
		return []instance{{address: r.address(), scope: scope}}
	}
	if a, ok := meta.Attributes["count"]; ok {
		unknown := map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})}
		v := m.eval(a.Expr)
		if !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.Number) {
			return representative(unknown)
		}
		n, acc := v.AsBigFloat().Int64()
		if acc != 0 || n < 0 {
			return representative(unknown)
		}
		if n > MaxInstances {
			m.problems = append(m.problems, warnAt(a.Range, "count = %d: ekslint expands at most %d instances, so this resource is checked once, as a representative", n, MaxInstances))
			return representative(unknown)
		}
		out := make([]instance, n)
		for i := range out {
			index := cty.NumberIntVal(int64(i))
			suffix, _ := instanceKey(index)
			out[i] = instance{
				address: r.address() + suffix,
				scope:   map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": index})},
			}
		}
		return out
	}
	if a, ok := meta.Attributes["for_each"]; ok {
		unknown := map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})}
		v := m.eval(a.Expr)
		if !v.IsWhollyKnown() || v.IsNull() {
			return representative(unknown)
		}
		ty := v.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || ty.IsSetType()) {
			return representative(unknown)
		}
		if v.LengthInt() > MaxInstances {
			m.problems = append(m.problems, warnAt(a.Range, "for_each has %d elements: ekslint expands at most %d instances, so this resource is checked once, as a representative", v.LengthInt(), MaxInstances))
			return representative(unknown)
		}
		var out []instance
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if ty.IsSetType() {
				k = val
			}
			suffix, ok := instanceKey(k)
			if !ok || k.Type() != cty.String {
				return representative(unknown)
			}
			out = append(out, instance{
				address: r.address() + suffix,
				scope:   map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k, "value": val})},
			})
		}
		return out
	}
	return representative(nil)
}

// within evaluates f with the instance's count/each values in scope.
func (m *module) within(in instance, f func()) {
	prev := m.scope
	m.scope = in.scope
	defer func() { m.scope = prev }()
	f()
}

// eachInstance calls f for every instance of every resource of type typ,
// inside the instance (count and each in scope); a panic in one instance
// is reported at its block and the others go on.
func (m *module) eachInstance(typ string, f func(r *resource, in instance)) {
	for _, r := range m.resources {
		if r.typ == typ {
			m.eachInstanceOf(r, func(in instance) { f(r, in) })
		}
	}
}

// eachInstanceOf calls f for every instance of r, inside the instance
// (count and each in scope); a panic in one instance is reported at the
// block and the others go on.
func (m *module) eachInstanceOf(r *resource, f func(in instance)) {
	for _, in := range m.instancesOf(r) {
		m.protect(r.block.DefRange, in.address, func() {
			m.within(in, func() { f(in) })
		})
	}
}
