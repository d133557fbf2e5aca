package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks inputs for versions, upgrade policy and add-ons.

// moduleVersions reads the call's upgrade policy (cluster_upgrade_policy
// in v20, upgrade_policy in v21; v18 and v19 have no such input, so EKS's
// default EXTENDED applies) and its add-ons (cluster_addons in v18–v20,
// addons in v21), and links the aws_eks_addon resources that name this
// call's cluster.
func (in eksInputs) moduleVersions(c *model.Cluster, out *Loaded) {
	if c.Names != nil {
		if v, ok := in.numberInput((*c.Names)["version"]); ok {
			c.Version = v
		}
	}
	policy, addons := "cluster_upgrade_policy", "cluster_addons"
	if in.major >= 21 {
		policy, addons = "upgrade_policy", "addons"
	}
	if c.Names != nil {
		(*c.Names)["upgrade_policy"] = policy
		(*c.Names)["upgrade_policy.support_type"] = policy + ".support_type"
		if in.major < 20 {
			(*c.Names)["upgrade_policy.support_type"] = policy + ".support_type (an input of the module from v20 on)"
		}
	}
	c.UpgradeSupportType = source.DefaultAt(defaultSupportType, in.header)
	if in.major >= 20 {
		c.UpgradeSupportType = in.supportType(policy)
	}
	in.addons(c, addons, out)
	in.m.linkAddons(strings.TrimPrefix(c.Address, "module."), c)
}

// numberInput is numberVersion for a module input.
func (in eksInputs) numberInput(name string) (source.Value[string], bool) {
	if _, a, ok := in.input(name); ok {
		return in.m.numberVersion(a)
	}
	return source.Value[string]{}, false
}

// supportType reads { support_type = … } from the policy input: {} or
// null leaves EKS's default.
func (in eksInputs) supportType(name string) source.Value[string] {
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(defaultSupportType, in.header)
	}
	r := rangeOf(a.Range)
	if !v.IsKnown() {
		return source.UnknownAt[string](r)
	}
	st, found := lookup(v, "support_type")
	if !found {
		if v.IsNull() || v.Type().IsObjectType() || v.Type().IsMapType() {
			return source.DefaultAt(defaultSupportType, r)
		}
		return source.UnknownAt[string](r)
	}
	if e := itemExpr(a.Expr, "support_type"); e != nil {
		r = rangeOf(e.Range())
	}
	s, err := convert.Convert(st, cty.String)
	if err != nil || !s.IsKnown() || s.IsNull() {
		return source.UnknownAt[string](r)
	}
	return source.SetAt(s.AsString(), r)
}

// addons reads the add-on map input: one add-on per entry, named by its
// name attribute or else its key (the module's try(each.value.name,
// each.key)). An omitted addon_version makes the module ask for EKS's
// default version (most_recent defaults to false).
func (in eksInputs) addons(c *model.Cluster, input string, out *Loaded) {
	v, a, ok := in.input(input)
	if !ok || !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if k.Type() != cty.String || !e.IsKnown() || e.IsNull() {
			continue
		}
		key := k.AsString()
		at := rangeOf(a.Range)
		if x := itemExpr(a.Expr, key); x != nil {
			at = rangeOf(x.Range())
		}
		ad := &model.Addon{
			Object:  model.Object{Kind: "module", Address: fmt.Sprintf("%s.%s[%q]", c.Address, input, key), Range: at, Format: model.Module, Note: c.Note},
			Cluster: c,
			Name:    key,
		}
		// field finds one attribute of the entry, located where written.
		field := func(path ...string) (cty.Value, hcl.Expression, source.Range, bool) {
			fv, found := lookup(e, path...)
			if !found {
				return cty.NilVal, nil, at, false
			}
			x := itemExpr(a.Expr, append([]string{key}, path...)...)
			if x == nil {
				return fv, nil, at, true
			}
			return fv, x, rangeOf(x.Range()), true
		}
		str := func(name string) source.Value[string] {
			fv, _, r, found := field(name)
			if !found {
				return source.DefaultAt("", at)
			}
			s, err := convert.Convert(fv, cty.String)
			if err != nil || !s.IsKnown() {
				return source.UnknownAt[string](r)
			}
			return source.SetAt(s.AsString(), r)
		}
		if n := str("name"); n.IsSet() {
			ad.Name = n.Val
		}
		ad.Version = str("addon_version")
		ad.Configuration = str("configuration_values")
		ad.MostRecent = source.DefaultAt(false, at)
		if fv, _, r, found := field("most_recent"); found {
			b, err := convert.Convert(fv, cty.Bool)
			if err != nil || !b.IsKnown() {
				ad.MostRecent = source.UnknownAt[bool](r)
			} else {
				ad.MostRecent = source.SetAt(b.True(), r)
			}
		}
		ad.Role = source.DefaultAt("", at)
		if fv, x, r, found := field("service_account_role_arn"); found {
			ad.Role = in.m.roleOf(fv, x, r)
		}
		if !ad.Role.IsSet() {
			if pv, _, r, found := field("pod_identity_association"); found {
				ad.Role = in.podIdentityRole(pv, a.Expr, key, r)
			}
		}
		c.Addons = append(c.Addons, ad)
		out.Model.Addons = append(out.Model.Addons, ad)
	}
}

// podIdentityRole reads the role of the first pod_identity_association
// entry (a list of { role_arn, service_account }); an empty list is none.
func (in eksInputs) podIdentityRole(v cty.Value, expr hcl.Expression, key string, r source.Range) source.Value[string] {
	if !v.IsKnown() {
		return source.UnknownAt[string](r)
	}
	if !v.CanIterateElements() || v.Type().IsObjectType() || v.Type().IsMapType() {
		return source.UnknownAt[string](r)
	}
	if v.LengthInt() == 0 {
		return source.DefaultAt("", r)
	}
	it := v.ElementIterator()
	it.Next()
	_, first := it.Element()
	rv, found := lookup(first, "role_arn")
	if !found {
		return source.UnknownAt[string](r)
	}
	var x hcl.Expression
	if list := itemExpr(expr, key, "pod_identity_association"); list != nil {
		if elems, diags := hcl.ExprList(list); !diags.HasErrors() && len(elems) > 0 {
			x = itemExpr(elems[0], "role_arn")
		}
	}
	if x != nil {
		r = rangeOf(x.Range())
	}
	return in.m.roleOf(rv, x, r)
}

// roleOf is roleValue for a value read out of a module input; x is its
// expression when it is written out.
func (m *module) roleOf(v cty.Value, x hcl.Expression, r source.Range) source.Value[string] {
	switch {
	case v.IsKnown() && v.IsNull():
		return source.DefaultAt("", r)
	case v.IsWhollyKnown():
		if s, err := convert.Convert(v, cty.String); err == nil {
			return source.SetAt(s.AsString(), r)
		}
		return source.UnknownAt[string](r)
	}
	if x != nil {
		if tr, ok := traversalOf(x); ok && (tr.RootName() != "var" || m.requiredVar(x)) && tr.RootName() != "local" {
			return source.SetAt(traversalText(tr), r)
		}
	}
	return source.UnknownAt[string](r)
}

// groupVersions reads a node group's cluster_version (v18–v20) or
// kubernetes_version (v21), in the group or the defaults map; omitted, the
// module passes the cluster's version (Default "").
func (in eksInputs) groupVersions(ng *model.NodeGroup, kind string, get groupGetter) {
	name := "cluster_version"
	if in.major >= 21 {
		name = "kubernetes_version"
	}
	v, r, ok := get(name)
	if !ok {
		ng.Version = source.DefaultAt("", r)
		return
	}
	if !v.IsWhollyKnown() {
		ng.Version = source.UnknownAt[string](r)
		return
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || s.IsNull() {
		ng.Version = source.UnknownAt[string](r)
		return
	}
	text := s.AsString()
	if _, frac, cut := strings.Cut(text, "."); v.Type() == cty.Number && cut && len(frac) < 2 {
		in.m.problems = append(in.m.problems, source.Warnf(r, "%s is the number %s, which Terraform passes as the string %q: quote the version", name, text, text))
		ng.Version = source.UnknownAt[string](r)
		return
	}
	ng.Version = source.SetAt(text, r)
}
