package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/kube"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// aws-auth written as Terraform (kubernetes_config_map and friends).

// authResources are the kubernetes provider resources that write a
// ConfigMap's data.
var authResources = map[string]bool{
	"kubernetes_config_map": true, "kubernetes_config_map_v1": true, "kubernetes_config_map_v1_data": true,
}

var (
	authSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "data"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "metadata"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	authMetaSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "namespace"}}}
)

// authDataKeys are the data keys that hold mappings, in the order read.
var authDataKeys = []string{model.MapRoles, model.MapUsers, model.MapAccounts}

// adaptAuthMaps reads every instance of a ConfigMap resource named
// aws-auth. Its namespace defaults to "default" (kubernetes provider,
// metadata.namespace).
func (m *module) adaptAuthMaps(out *model.Model, l *links) {
	for _, r := range m.resources {
		if !authResources[r.typ] {
			continue
		}
		m.eachInstanceOf(r, func(in instance) {
			if am := m.authConfigMap(r, in.address); am != nil {
				out.Access.AuthMaps = append(out.Access.AuthMaps, am)
			}
		})
	}
}

func (m *module) authConfigMap(r *resource, address string) *model.AuthMap {
	header := rangeOf(r.block.DefRange)
	body := m.content(r.block.Body, authSchema)
	meta := m.block(body, "metadata", authMetaSchema)
	if meta.state != present {
		return nil
	}
	var name, namespace source.Value[string]
	meta.in(m, func() {
		name = m.stringAttr(meta.content, "name", "", meta.at)
		namespace = m.stringAttr(meta.content, "namespace", "default", meta.at)
	})
	if !name.Known() || name.Val != "aws-auth" {
		return nil
	}
	am := &model.AuthMap{
		Object:    model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform},
		Namespace: namespace,
	}
	a, ok := body.Attributes["data"]
	if !ok {
		return am
	}
	obj, isCons := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !isCons {
		// data = local.aws_auth, a variable, a merge(): by value, located
		// at the attribute.
		v := m.eval(a.Expr)
		if !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
			return am
		}
		for _, key := range authDataKeys {
			if e, ok := lookup(v, key); ok {
				m.authValue(am, key, key, e, rangeOf(a.Range))
			}
		}
		return am
	}
	for _, key := range authDataKeys {
		item := consItem(obj, key, false)
		if item == nil {
			continue
		}
		at := rangeOf(hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range()))
		m.authExpr(am, key, key, item.ValueExpr, at)
	}
	return am
}

// authExpr reads the value of one map (data.mapRoles, or a module input
// named list): yamlencode([...]) or a list literal is read element by
// element, each located where it is written; a string is YAML text.
func (m *module) authExpr(am *model.AuthMap, from, list string, expr hcl.Expression, at source.Range) {
	if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok && (call.Name == "yamlencode" || call.Name == "jsonencode") && len(call.Args) == 1 && !call.ExpandFinal {
		m.authList(am, from, list, call.Args[0], at)
		return
	}
	if _, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		m.authList(am, from, list, expr, at)
		return
	}
	v := m.eval(expr)
	if !v.IsKnown() || v.IsNull() {
		return
	}
	if v.Type() == cty.String {
		m.authText(am, from, list, v.AsString(), expr, at)
		return
	}
	m.authList(am, from, list, expr, at)
}

// authValue reads a map whose value is known but not written as a
// literal: a string is YAML text, anything else a list.
func (m *module) authValue(am *model.AuthMap, from, list string, v cty.Value, at source.Range) {
	if !v.IsKnown() {
		return
	}
	if v.Type() == cty.String {
		m.authText(am, from, list, v.AsString(), nil, at)
		return
	}
	m.authListValue(am, from, list, v, at)
}

// authText reads YAML text: exactly located inside a heredoc without
// interpolations, else at the attribute.
func (m *module) authText(am *model.AuthMap, from, list, text string, expr hcl.Expression, at source.Range) {
	var place kube.Placer
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok && literalTemplate(t) {
		r := t.SrcRange
		if src := m.parser.Sources()[r.Filename]; r.Start.Byte+2 <= len(src) && string(src[r.Start.Byte:r.Start.Byte+2]) == "<<" {
			place = kube.NewLines(src).Literal(r.Start.Line+1, text)
		}
	}
	entries, problems := kube.AuthText(at.File, from, text, place, at)
	for _, e := range entries {
		e.List = list
	}
	am.Entries = append(am.Entries, entries...)
	am.Problems = append(am.Problems, problems...)
}

// literalTemplate reports whether a template is text only.
func literalTemplate(t *hclsyntax.TemplateExpr) bool {
	for _, p := range t.Parts {
		if _, ok := p.(*hclsyntax.LiteralValueExpr); !ok {
			return false
		}
	}
	return true
}

func (m *module) authProblem(am *model.AuthMap, at source.Range, format string, args ...any) {
	am.Problems = append(am.Problems, model.AuthProblem{Range: at, Message: fmt.Sprintf(format, args...)})
}

// authList reads a list of mappings (or of account IDs) written as expr:
// the elements of a tuple literal are evaluated and located one by one;
// any other expression is evaluated whole and located at `at`.
func (m *module) authList(am *model.AuthMap, from, list string, expr hcl.Expression, at source.Range) {
	if tup, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		for i, e := range tup.Exprs {
			if i >= kube.MaxAuthEntries {
				m.authProblem(am, at, "%s has more than %d entries; the rest are not read", list, kube.MaxAuthEntries)
				return
			}
			m.authEntry(am, from, list, i, m.eval(e), e, rangeOf(e.Range()))
		}
		return
	}
	v := m.eval(expr)
	if !v.IsKnown() || v.IsNull() {
		return
	}
	m.authListValue(am, from, list, v, at)
}

// authListValue reads a known list value located at `at`.
func (m *module) authListValue(am *model.AuthMap, from, list string, v cty.Value, at source.Range) {
	ty := v.Type()
	if !(ty.IsListType() || ty.IsTupleType() || ty.IsSetType()) {
		m.authProblem(am, at, "%s must be a YAML list, not %s", list, friendly(v))
		return
	}
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		if i >= kube.MaxAuthEntries {
			m.authProblem(am, at, "%s has more than %d entries; the rest are not read", list, kube.MaxAuthEntries)
			return
		}
		_, e := it.Element()
		m.authEntry(am, from, list, i, e, nil, at)
	}
}

// authEntry reads one element: an object (rolearn / userarn, username,
// groups) or, in mapAccounts, an account ID. expr is the element as
// written, when it is, for locating its attributes. An unknown element
// says nothing.
func (m *module) authEntry(am *model.AuthMap, from, list string, i int, v cty.Value, expr hcl.Expression, at source.Range) {
	if !v.IsKnown() {
		return
	}
	e := &model.AuthEntry{From: from, List: list, Index: i, Range: at}
	if from == model.MapAccounts {
		if v.IsNull() || !(v.Type() == cty.String || v.Type() == cty.Number) {
			m.authProblem(am, at, "%s[%d] must be an account ID, not %s", list, i, friendly(v))
			return
		}
		if !v.IsWhollyKnown() {
			return
		}
		e.Account = source.SetAt(numberOrString(v), at)
		am.Entries = append(am.Entries, e)
		return
	}
	ty := v.Type()
	if v.IsNull() || !(ty.IsObjectType() || ty.IsMapType()) {
		m.authProblem(am, at, "%s[%d] must be an object (%s, username, groups), not %s", list, i, arnKey(from), friendly(v))
		return
	}
	e.ARNKey = arnKey(from)
	e.Groups = source.DefaultAt([]source.Value[string]{}, at)
	obj, _ := expr.(*hclsyntax.ObjectConsExpr)
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		name := k.AsString()
		r, valExpr := at, hcl.Expression(nil)
		if item := consItem(obj, name, true); item != nil {
			r, valExpr = rangeOf(hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())), item.ValueExpr
		}
		switch {
		case strings.EqualFold(name, e.ARNKey):
			e.HasARN = !val.IsNull()
			e.ARN = m.authString(am, list, i, name, val, r)
		case strings.EqualFold(name, "username"):
			e.HasUsername = !val.IsNull()
			e.Username = m.authString(am, list, i, name, val, r)
		case strings.EqualFold(name, "groups"):
			e.Groups = m.authGroups(am, list, i, val, valExpr, r)
		}
	}
	am.Entries = append(am.Entries, e)
}

func arnKey(from string) string {
	if from == model.MapUsers {
		return "userarn"
	}
	return "rolearn"
}

func (m *module) authString(am *model.AuthMap, list string, i int, name string, v cty.Value, at source.Range) source.Value[string] {
	switch {
	case !v.IsWhollyKnown():
		return source.UnknownAt[string](at)
	case v.IsNull():
		return source.Value[string]{}
	case v.Type() != cty.String:
		m.authProblem(am, at, "%s[%d].%s must be a string, not %s", list, i, name, friendly(v))
		return source.UnknownAt[string](at)
	}
	return source.SetAt(v.AsString(), at)
}

func (m *module) authGroups(am *model.AuthMap, list string, i int, v cty.Value, expr hcl.Expression, at source.Range) source.Strings {
	if !v.IsKnown() {
		return source.UnknownAt[[]source.Value[string]](at)
	}
	if v.IsNull() {
		return source.SetAt([]source.Value[string]{}, at)
	}
	ty := v.Type()
	if !(ty.IsListType() || ty.IsTupleType() || ty.IsSetType()) {
		m.authProblem(am, at, "%s[%d].groups must be a list of group names, not %s", list, i, friendly(v))
		return source.UnknownAt[[]source.Value[string]](at)
	}
	var elems []hclsyntax.Expression
	if tup, ok := expr.(*hclsyntax.TupleConsExpr); ok && !ty.IsSetType() && len(tup.Exprs) == v.LengthInt() {
		elems = tup.Exprs
	}
	out := make([]source.Value[string], 0, v.LengthInt())
	j := 0
	for it := v.ElementIterator(); it.Next(); j++ {
		_, g := it.Element()
		gr := at
		if elems != nil {
			gr = rangeOf(elems[j].Range())
		}
		if !g.IsWhollyKnown() || g.IsNull() || g.Type() != cty.String {
			out = append(out, source.UnknownAt[string](gr))
			continue
		}
		out = append(out, source.SetAt(g.AsString(), gr))
	}
	return source.SetAt(out, at)
}

// consItem finds the item of an object constructor whose key is name
// (regardless of case when fold is set); nil when obj is nil or has none.
func consItem(obj *hclsyntax.ObjectConsExpr, name string, fold bool) *hclsyntax.ObjectConsItem {
	if obj == nil {
		return nil
	}
	for i := range obj.Items {
		item := &obj.Items[i]
		k := hcl.ExprAsKeyword(item.KeyExpr)
		if k == "" {
			if v, diags := item.KeyExpr.Value(nil); !diags.HasErrors() && v.IsKnown() && v.Type() == cty.String {
				k = v.AsString()
			}
		}
		if k == name || (fold && strings.EqualFold(k, name)) {
			return item
		}
	}
	return nil
}

// numberOrString is an account ID written as a string or a number.
func numberOrString(v cty.Value) string {
	if v.Type() == cty.Number {
		return v.AsBigFloat().Text('f', -1)
	}
	return v.AsString()
}

// friendly names a value's type for messages.
func friendly(v cty.Value) string {
	if v.IsNull() {
		return "null"
	}
	return v.Type().FriendlyName()
}
