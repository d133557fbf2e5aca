package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// An expression of a .tf.json file is a JSON value whose strings are
// templates. hcl's json package parses each string afresh at every
// evaluation and evaluates it at once, so the hooks that bound evaluation
// (prepare) cannot be planted in it: a for expression over a local, three
// levels deep, ran a billion iterations. jsonValue evaluates such an
// expression as the json package does, step for step, but through
// templates parsed once and prepared.

// jsonExpression is an expression of hcl's json package: the only kind
// that lists its elements and attributes without being hclsyntax's.
type jsonExpression interface {
	hcl.Expression
	ExprList() []hcl.Expression
	ExprMap() []hcl.KeyValuePair
}

func asJSON(expr hcl.Expression) (jsonExpression, bool) {
	if _, native := expr.(hclsyntax.Expression); native {
		return nil, false
	}
	je, ok := expr.(jsonExpression)
	return je, ok
}

// templateKey names one JSON string: the json package makes a new
// expression each time it lists an array or an object, so the expression
// itself cannot be the key.
type templateKey struct {
	file       string
	start, end int
}

// parsedTemplate is a JSON string parsed as a template, or why it is not one.
type parsedTemplate struct {
	expr  hclsyntax.Expression
	diags hcl.Diagnostics
}

// jsonValue is (*json.expression).Value(ctx), evaluating each string
// through its prepared template.
func (m *module) jsonValue(e jsonExpression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if elems := e.ExprList(); elems != nil {
		var diags hcl.Diagnostics
		vals := []cty.Value{}
		for _, el := range elems {
			v, d := m.jsonElement(el, ctx)
			vals = append(vals, v)
			diags = append(diags, d...)
		}
		return cty.TupleVal(vals), diags
	}
	if pairs := e.ExprMap(); pairs != nil {
		return m.jsonObject(pairs, ctx)
	}
	lit, diags := e.Value(nil) // a string verbatim, or a number, bool or null
	if diags.HasErrors() || lit.Type() != cty.String || lit.IsNull() || !lit.IsKnown() {
		return lit, diags
	}
	t := m.jsonTemplate(e.Range(), lit.AsString())
	if t.diags.HasErrors() {
		return cty.DynamicVal, t.diags
	}
	v, evalDiags := t.expr.Value(ctx)
	return v, append(t.diags, evalDiags...)
}

// jsonElement evaluates a listed element or attribute, which the json
// package gives as an expression of its own.
func (m *module) jsonElement(el hcl.Expression, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if je, ok := asJSON(el); ok {
		return m.jsonValue(je, ctx)
	}
	return el.Value(ctx)
}

// jsonObject is the json package's object: keys are templates too.
func (m *module) jsonObject(pairs []hcl.KeyValuePair, ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	attrs := map[string]cty.Value{}
	ranges := map[string]hcl.Range{}
	known := true
	for _, kv := range pairs {
		name, nameDiags := m.jsonElement(kv.Key, ctx)
		val, valDiags := m.jsonElement(kv.Value, ctx)
		diags = append(diags, nameDiags...)
		diags = append(diags, valDiags...)
		keyRange := kv.Key.Range()
		var err error
		name, err = convert.Convert(name, cty.String)
		switch {
		case err != nil:
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid object key expression",
				Detail: fmt.Sprintf("Cannot use this expression as an object key: %s.", err), Subject: &keyRange})
			continue
		case name.IsNull():
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid object key expression",
				Detail: "Cannot use null value as an object key.", Subject: &keyRange})
			continue
		case !name.IsKnown():
			known = false
			continue
		}
		key := name.AsString()
		if _, defined := attrs[key]; defined {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate object attribute",
				Detail: fmt.Sprintf("An attribute named %q was already defined at %s.", key, ranges[key]), Subject: &keyRange})
			continue
		}
		attrs[key] = val
		ranges[key] = keyRange
	}
	if !known {
		return cty.DynamicVal, diags
	}
	return cty.ObjectVal(attrs), diags
}

// jsonTemplate parses the JSON string s at r as the json package does
// (from the column after the opening quote), once, and prepares it.
func (m *module) jsonTemplate(r hcl.Range, s string) parsedTemplate {
	k := templateKey{r.Filename, r.Start.Byte, r.End.Byte}
	if t, ok := m.jsonTemplates[k]; ok {
		return t
	}
	expr, diags := hclsyntax.ParseTemplate([]byte(s), r.Filename,
		hcl.Pos{Line: r.Start.Line, Byte: r.Start.Byte + 1, Column: r.Start.Column + 1})
	t := parsedTemplate{expr, diags}
	if !diags.HasErrors() {
		m.prepare(expr)
	}
	if m.jsonTemplates == nil {
		m.jsonTemplates = map[templateKey]parsedTemplate{}
	}
	m.jsonTemplates[k] = t
	return t
}
