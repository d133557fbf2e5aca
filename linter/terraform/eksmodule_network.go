package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks inputs for security group rules.
//
// The module creates a cluster security group (attached to the control
// plane) and a node security group (attached to its node groups), and adds
// to each the entries of a map input as aws_security_group_rule resources:
// cluster_security_group_additional_rules / node_security_group_additional_rules
// in v18–v20 (type any: type and protocol are required), and
// security_group_additional_rules / node_security_group_additional_rules in
// v21 (an object type with type defaulting to "ingress" and protocol to
// "tcp"). The rules exist only when the module creates the group
// (create_cluster_security_group / create_security_group in v21,
// create_node_security_group; all default true).

// moduleSGInput is one of the module's security groups and its inputs.
type moduleSGInput struct {
	rules, create, what string
}

func (in eksInputs) moduleSGInputs() []moduleSGInput {
	cluster := moduleSGInput{"cluster_security_group_additional_rules", "create_cluster_security_group", "cluster security group"}
	if in.major >= 21 {
		cluster = moduleSGInput{"security_group_additional_rules", "create_security_group", "cluster security group"}
	}
	return []moduleSGInput{cluster, {"node_security_group_additional_rules", "create_node_security_group", "node security group"}}
}

func (in eksInputs) moduleNetwork(c *model.Cluster, out *Loaded) {
	if !source.IsTrue(in.boolean("create", true)) {
		return // create = false: the call makes nothing
	}
	in.moduleAttachments(c, out)
	for _, sg := range in.moduleSGInputs() {
		if !source.IsTrue(in.boolean(sg.create, true)) {
			continue
		}
		v, a, ok := in.input(sg.rules)
		if !ok || !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
			continue
		}
		g := &model.SecurityGroup{
			Object:      model.Object{Kind: "module", Address: fmt.Sprintf("%s (%s)", c.Address, sg.what), Range: in.header, Format: model.Module, Note: c.Note},
			Attachments: []model.Attachment{{What: fmt.Sprintf("the %s that %s creates", sg.what, c.Address), Range: in.header}},
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if !k.IsKnown() || k.Type() != cty.String || !e.IsKnown() || e.IsNull() {
				continue
			}
			if rule := in.moduleRule(c, sg.rules, k.AsString(), e, a); rule != nil {
				rule.Group = g
				g.Ingress = append(g.Ingress, rule)
			}
		}
		out.Model.Network.SecurityGroups = append(out.Model.Network.SecurityGroups, g)
		out.Model.Network.Ingress = append(out.Model.Network.Ingress, g.Ingress...)
	}
}

// moduleRule reads one entry of an additional-rules map; nil when it is
// not (or not known to be) an ingress rule.
func (in eksInputs) moduleRule(c *model.Cluster, input, key string, e cty.Value, a *hcl.Attribute) *model.IngressRule {
	path := fmt.Sprintf("%s[%q]", input, key)
	at := rangeOf(a.Range)
	if x := itemExpr(a.Expr, key); x != nil {
		at = rangeOf(x.Range())
	}
	// get finds a setting of the entry, located where it is written.
	get := func(name string) (cty.Value, source.Range, hcl.Expression, bool) {
		v, ok := lookup(e, name)
		if !ok {
			return cty.NilVal, at, nil, false
		}
		x := itemExpr(a.Expr, key, name)
		if x == nil {
			return v, at, nil, true
		}
		return v, rangeOf(x.Range()), x, true
	}
	v21 := in.major >= 21
	typ := source.UnknownAt[string](at)
	if v, r, _, ok := get("type"); ok {
		typ = stringValue(v, r)
	} else if v21 {
		typ = source.DefaultAt("ingress", at)
	}
	if !typ.Known() || !strings.EqualFold(typ.Val, "ingress") {
		return nil
	}
	names := model.Renames{}
	for _, n := range []string{"protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks"} {
		names[n] = path + "." + n
	}
	rule := &model.IngressRule{
		Object: model.Object{Kind: "module", Address: c.Address, Range: at, Format: model.Module, Names: &names, Note: c.Note},
		Path:   path,
	}
	rule.Protocol = source.UnknownAt[string](at)
	if v, r, _, ok := get("protocol"); ok {
		rule.Protocol = stringValue(v, r)
	} else if v21 {
		rule.Protocol = source.DefaultAt("tcp", at)
	}
	rule.Protocol.Val = strings.ToLower(strings.TrimSpace(rule.Protocol.Val))
	portsAndCIDRs(rule, at, get)
	return rule
}

func portValue(v cty.Value, r source.Range) source.Value[int] {
	n, err := convert.Convert(v, cty.Number)
	if err != nil || !n.IsKnown() || n.IsNull() {
		return source.UnknownAt[int](r)
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != 0 {
		return source.UnknownAt[int](r)
	}
	return source.SetAt(int(i), r)
}

// elementRanges points each element of a list written as a literal tuple
// at its own expression.
func elementRanges(l source.Strings, x hcl.Expression) source.Strings {
	if t, ok := x.(*hclsyntax.TupleConsExpr); ok && l.Known() && len(t.Exprs) == len(l.Val) {
		for i, e := range t.Exprs {
			l.Val[i].Range = rangeOf(e.Range())
		}
	}
	return l
}

// moduleAttachments marks the aws_security_group resources of the calling
// module that the call attaches to EKS: the cluster's additional groups
// (cluster_additional_security_group_ids, v21 additional_security_group_ids)
// and the vpc_security_group_ids of a node group (or, v18–v20, of the
// node group defaults), which the module puts in the node launch template.
func (in eksInputs) moduleAttachments(c *model.Cluster, out *Loaded) {
	groups := map[string]*model.SecurityGroup{}
	for _, g := range out.Model.Network.SecurityGroups {
		if g.Kind == "aws_security_group" {
			groups[g.Address] = g
		}
	}
	if len(groups) == 0 {
		return
	}
	attach := func(expr hcl.Expression, what string) {
		if expr == nil {
			return
		}
		for _, e := range listElements(expr) {
			r, ok := in.m.refOf(e)
			if !ok || r.res.typ != "aws_security_group" || r.attr != "id" {
				continue
			}
			if inst, ok := in.m.instance(r); ok && groups[inst.address] != nil {
				g, at := groups[inst.address], rangeOf(e.Range())
				if !attachedAt(g, at) {
					g.Attachments = append(g.Attachments, model.Attachment{What: what, Range: at})
				}
			}
		}
	}
	name := "cluster_additional_security_group_ids"
	if in.major >= 21 {
		name = "additional_security_group_ids"
	}
	if a, ok := in.attrs[name]; ok {
		attach(a.Expr, name+" of "+c.Address)
	}
	for _, kind := range []string{"eks_managed", "self_managed"} {
		v, a, ok := in.input(kind + "_node_groups")
		if !ok || !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
			continue
		}
		var defaults hcl.Expression
		defaultsVal := cty.EmptyObjectVal
		if d, ok := in.attrs[kind+"_node_group_defaults"]; ok && in.major <= 20 {
			defaults = itemExpr(d.Expr, "vpc_security_group_ids")
			if dv, _, ok := in.input(kind + "_node_group_defaults"); ok && dv.IsWhollyKnown() && !dv.IsNull() && dv.CanIterateElements() {
				defaultsVal = dv
			}
		}
		for it := v.ElementIterator(); it.Next(); {
			k, g := it.Element()
			if !k.IsKnown() || k.Type() != cty.String || !g.IsKnown() || g.IsNull() {
				continue
			}
			key := k.AsString()
			if groupOff(g, defaultsVal) {
				continue
			}
			if lt, ok := lookup(g, "use_custom_launch_template"); ok && lt.IsKnown() && lt.Type() == cty.Bool && lt.False() {
				continue // without the module's launch template the groups are not used
			}
			what := fmt.Sprintf("vpc_security_group_ids of %s_node_groups[%q] of %s", kind, key, c.Address)
			if x := itemExpr(a.Expr, key, "vpc_security_group_ids"); x != nil {
				attach(x, what)
			} else if defaults != nil {
				attach(defaults, fmt.Sprintf("%s_node_group_defaults.vpc_security_group_ids of %s, used by %s_node_groups[%q]", kind, c.Address, kind, key))
			}
		}
	}
}

// attachedAt reports whether g already has an attachment written at r (a
// defaults map that several node groups use).
func attachedAt(g *model.SecurityGroup, r source.Range) bool {
	for _, a := range g.Attachments {
		if a.Range == r {
			return true
		}
	}
	return false
}
