package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Security groups and their ingress rules, in all three shapes:
// aws_security_group inline ingress blocks (and dynamic "ingress"),
// aws_security_group_rule of type "ingress", and
// aws_vpc_security_group_ingress_rule. Groups are attached to EKS through
// the cluster's vpc_config.security_group_ids, the cluster security group
// EKS creates (vpc_config[0].cluster_security_group_id), the launch
// template of a node group, and the groups terraform-aws-modules/eks
// creates (its outputs). References link groups and rules; so do IDs
// written out, and the IDs a JSON plan knows.

var (
	securityGroupSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "ingress"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	inlineIngressSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "protocol"}, {Name: "from_port"}, {Name: "to_port"}, {Name: "cidr_blocks"}, {Name: "ipv6_cidr_blocks"}}}
	sgRuleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "security_group_id"},
		{Name: "protocol"}, {Name: "from_port"}, {Name: "to_port"}, {Name: "cidr_blocks"}, {Name: "ipv6_cidr_blocks"}}}
	vpcIngressSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "security_group_id"},
		{Name: "ip_protocol"}, {Name: "from_port"}, {Name: "to_port"}, {Name: "cidr_ipv4"}, {Name: "cidr_ipv6"}}}
	clusterSGSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "vpc_config"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	vpcSGSchema     = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "security_group_ids"}, {Name: "cluster_security_group_id"}}}
	// id is only in a plan's values (and in state): resources link by it there.
	idSchema      = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "id"}}}
	ngLTSchema    = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "launch_template"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	ngLTRefSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "id"}, {Name: "name"}}}
	ltSGSchema    = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "vpc_security_group_ids"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "network_interfaces"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	ingressAttrSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "ingress"}}}
	ltNameSchema      = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "id"}}}
	ltNICSchema       = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "security_groups"}}}
)

// vpcIngressNames are the aws_vpc_security_group_ingress_rule names of
// the canonical (aws_security_group_rule) settings.
var vpcIngressNames = model.Renames{"protocol": "ip_protocol", "cidr_blocks": "cidr_ipv4", "ipv6_cidr_blocks": "cidr_ipv6"}

// eksModuleGroups are the outputs of terraform-aws-modules/eks that are
// security groups attached to the cluster or its nodes.
var eksModuleGroups = map[string]string{
	"cluster_security_group_id":         "the cluster security group the module creates",
	"cluster_primary_security_group_id": "the cluster security group EKS creates",
	"node_security_group_id":            "the node security group the module creates",
}

// sgIndex finds the model's security groups for references.
type sgIndex struct {
	out    *model.Model
	groups map[string]*model.SecurityGroup // aws_security_group instances by address
	extra  map[string]*model.SecurityGroup // groups EKS or the eks module creates, by what refers to them
	byID   map[string]*model.SecurityGroup // groups whose ID is known: in a plan, or written out
}

func (m *module) adaptNetwork(out *model.Model, l *links) {
	m.policyEngines()
	ix := &sgIndex{out: out, groups: map[string]*model.SecurityGroup{}, extra: map[string]*model.SecurityGroup{}, byID: map[string]*model.SecurityGroup{}}
	m.eachInstance("aws_security_group", func(r *resource, in instance) {
		g := m.securityGroup(r, in.address)
		ix.groups[in.address] = g
		if id := m.stringAttr(m.content(r.block.Body, idSchema), "id", "", g.Range); id.IsSet() && id.Val != "" {
			ix.byID[id.Val] = g
		}
		out.Network.SecurityGroups = append(out.Network.SecurityGroups, g)
		out.Network.Ingress = append(out.Network.Ingress, g.Ingress...)
	})
	m.eachInstance("aws_eks_cluster", func(r *resource, in instance) {
		vpc := m.block(m.resourceContent(r, clusterSGSchema), "vpc_config", vpcSGSchema)
		if vpc.state != present {
			return
		}
		vpc.in(m, func() {
			// A plan knows the ID of an existing cluster's security group.
			if id := m.stringAttr(vpc.content, "cluster_security_group_id", "", vpc.at); id.IsSet() && id.Val != "" && ix.byID[id.Val] == nil {
				ix.byID[id.Val] = ix.synthetic(in.address+".vpc_config[0].cluster_security_group_id", "cluster_security_group", id.Range,
					"the cluster security group EKS creates for "+in.address)
			}
			m.attachList(ix, vpc.content, "security_group_ids", "vpc_config.security_group_ids of "+in.address)
		})
	})
	m.eachInstance("aws_eks_node_group", func(r *resource, in instance) {
		m.nodeGroupSGs(ix, r, in)
	})
	m.eachInstance("aws_security_group_rule", func(r *resource, in instance) {
		header := rangeOf(r.block.DefRange)
		done := m.collectPassed()
		body := m.content(r.block.Body, sgRuleSchema)
		typ := m.stringAttr(body, "type", "", header)
		if !typ.IsSet() || !strings.EqualFold(typ.Val, "ingress") {
			done()
			return
		}
		rule := &model.IngressRule{Object: model.Object{Kind: r.typ, Address: in.address, Range: header, Format: model.Terraform}}
		m.ingressFields(rule, body, "protocol", "cidr_blocks", "ipv6_cidr_blocks", header)
		rule.Group = m.groupOf(ix, body)
		rule.Passed = done()
		ix.add(rule)
	})
	m.eachInstance("aws_vpc_security_group_ingress_rule", func(r *resource, in instance) {
		header := rangeOf(r.block.DefRange)
		done := m.collectPassed()
		body := m.content(r.block.Body, vpcIngressSchema)
		names := vpcIngressNames
		rule := &model.IngressRule{Object: model.Object{Kind: r.typ, Address: in.address, Range: header, Format: model.Terraform, Names: &names}}
		m.ingressFields(rule, body, "ip_protocol", "", "", header)
		rule.IPv4CIDRs = m.cidrAttr(body, "cidr_ipv4", header)
		rule.IPv6CIDRs = m.cidrAttr(body, "cidr_ipv6", header)
		rule.Group = m.groupOf(ix, body)
		rule.Passed = done()
		ix.add(rule)
	})
}

func (ix *sgIndex) add(rule *model.IngressRule) {
	if rule.Group != nil {
		rule.Group.Ingress = append(rule.Group.Ingress, rule)
	}
	ix.out.Network.Ingress = append(ix.out.Network.Ingress, rule)
}

// securityGroup reads an aws_security_group and its inline ingress rules.
func (m *module) securityGroup(r *resource, address string) *model.SecurityGroup {
	header := rangeOf(r.block.DefRange)
	g := &model.SecurityGroup{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	body := m.content(r.block.Body, securityGroupSchema)
	for _, b := range m.blocks(body, "ingress", inlineIngressSchema) {
		rule := &model.IngressRule{Object: model.Object{Kind: r.typ, Address: address, Range: b.at, Format: model.Terraform},
			Path: b.path, Group: g}
		b.in(m, func() { m.ingressFields(rule, b.content, "protocol", "cidr_blocks", "ipv6_cidr_blocks", b.at) })
		g.Ingress = append(g.Ingress, rule)
	}
	if _, native := r.block.Body.(*hclsyntax.Body); native {
		// ingress = [{ ... }]: attributes as blocks. In JSON the two
		// forms are one, read above.
		if a, ok := m.content(r.block.Body, ingressAttrSchema).Attributes["ingress"]; ok {
			g.Ingress = append(g.Ingress, m.ingressList(g, a, len(g.Ingress))...)
		}
	}
	g.Passed = done()
	for _, rule := range g.Ingress {
		rule.Passed = g.Passed
	}
	return g
}

// ingressList reads `ingress = [{ ... }, ...]`, each element a rule
// located at its object when the list is written out, else at the
// attribute. n is the number of ingress blocks before it.
func (m *module) ingressList(g *model.SecurityGroup, a *hcl.Attribute, n int) []*model.IngressRule {
	v := m.eval(a.Expr)
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() || v.Type().IsMapType() || v.Type().IsObjectType() {
		return nil
	}
	var elems []hclsyntax.Expression
	if t, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && len(t.Exprs) == v.LengthInt() {
		elems = t.Exprs
	}
	var out []*model.IngressRule
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, e := it.Element()
		at := rangeOf(a.Range)
		var x hcl.Expression
		if elems != nil {
			x, at = elems[i], rangeOf(elems[i].Range())
		}
		if !e.IsKnown() || e.IsNull() {
			continue
		}
		get := func(name string) (cty.Value, source.Range, hcl.Expression, bool) {
			fv, ok := lookup(e, name)
			if !ok {
				return cty.NilVal, at, nil, false
			}
			if fx := itemExpr(x, name); fx != nil {
				return fv, rangeOf(fx.Range()), fx, true
			}
			return fv, at, nil, true
		}
		rule := &model.IngressRule{Object: model.Object{Kind: g.Kind, Address: g.Address, Range: at, Format: model.Terraform},
			Path: fmt.Sprintf("ingress[%d]", n+i), Group: g}
		rule.Protocol = source.UnknownAt[string](at)
		if fv, r, _, ok := get("protocol"); ok {
			rule.Protocol = stringValue(fv, r)
			rule.Protocol.Val = strings.ToLower(strings.TrimSpace(rule.Protocol.Val))
		}
		portsAndCIDRs(rule, at, get)
		out = append(out, rule)
	}
	return out
}

// valueGetter finds a setting of a rule written as a value: the value,
// where it is written (or the rule's range), and its expression when the
// rule is written out; ok is false when the rule has no such key.
type valueGetter func(name string) (v cty.Value, r source.Range, x hcl.Expression, ok bool)

// portsAndCIDRs reads from_port, to_port, cidr_blocks and ipv6_cidr_blocks
// of a rule written as a value (an element of an ingress list, an entry of
// an eks module rules input): omitted ports are Unknown and omitted lists
// empty, at at.
func portsAndCIDRs(rule *model.IngressRule, at source.Range, get valueGetter) {
	rule.FromPort, rule.ToPort = source.UnknownAt[int](at), source.UnknownAt[int](at)
	if v, r, _, ok := get("from_port"); ok {
		rule.FromPort = portValue(v, r)
	}
	if v, r, _, ok := get("to_port"); ok {
		rule.ToPort = portValue(v, r)
	}
	rule.IPv4CIDRs = source.DefaultAt([]source.Value[string]{}, at)
	rule.IPv6CIDRs = source.DefaultAt([]source.Value[string]{}, at)
	if v, r, x, ok := get("cidr_blocks"); ok {
		rule.IPv4CIDRs = elementRanges(listValue(v, r), x)
	}
	if v, r, x, ok := get("ipv6_cidr_blocks"); ok {
		rule.IPv6CIDRs = elementRanges(listValue(v, r), x)
	}
}

// ingressFields reads protocol, ports and CIDR lists (when named) of one
// rule. Protocol and ports are required by the provider (only
// aws_vpc_security_group_ingress_rule may omit the ports, with protocol
// "-1"): omitted, they are Unknown. Omitted CIDR lists are empty.
func (m *module) ingressFields(rule *model.IngressRule, c *hcl.BodyContent, protocol, v4, v6 string, at source.Range) {
	rule.Protocol = m.stringAttr(c, protocol, "", at)
	if !rule.Protocol.IsSet() {
		rule.Protocol = source.UnknownAt[string](rule.Protocol.Range)
	}
	rule.Protocol.Val = strings.ToLower(strings.TrimSpace(rule.Protocol.Val))
	rule.FromPort = m.portAttr(c, "from_port", at)
	rule.ToPort = m.portAttr(c, "to_port", at)
	if v4 != "" {
		rule.IPv4CIDRs = m.stringsAttr(c, v4, []string{}, at)
	}
	if v6 != "" {
		rule.IPv6CIDRs = m.stringsAttr(c, v6, []string{}, at)
	}
}

// portAttr reads a port; omitted or null it is Unknown (the provider
// requires it, or it does not apply).
func (m *module) portAttr(c *hcl.BodyContent, name string, at source.Range) source.Value[int] {
	v := scalarAttr(m, c, name, cty.Number, 0, at, func(v cty.Value) int {
		n, _ := v.AsBigFloat().Int64()
		return int(n)
	})
	if !v.IsSet() {
		return source.UnknownAt[int](v.Range)
	}
	return v
}

// cidrAttr reads a single CIDR (cidr_ipv4, cidr_ipv6) as a list of at most
// one element, empty when omitted.
func (m *module) cidrAttr(c *hcl.BodyContent, name string, at source.Range) source.Strings {
	v := m.stringAttr(c, name, "", at)
	switch {
	case v.IsSet():
		return source.SetAt([]source.Value[string]{v}, v.Range)
	case v.Known():
		return source.DefaultAt([]source.Value[string]{}, v.Range)
	}
	return source.SetAt([]source.Value[string]{v}, v.Range)
}

// eachNested is one nested block: written out, or one element of a
// dynamic block.
type eachNested struct {
	nested
	path string // "ingress[0]", `ingress["ssh"]`
}

// blocks returns every nested block typ of body: each one written out,
// and each element of a dynamic block. A dynamic block whose for_each is
// not knowable gives one block read with its iterator unknown: what its
// content writes out literally still counts.
func (m *module) blocks(body *hcl.BodyContent, typ string, schema *hcl.BodySchema) []eachNested {
	var out []eachNested
	n, written := 0, 0
	var first *hcl.Block
	for _, b := range body.Blocks {
		if b.Type == typ {
			if written++; first == nil {
				first = b
			}
		}
	}
	if written > 0 && !m.blockRoom(first.DefRange, written, typ, false) {
		return []eachNested{{nested{state: unknownPresence, at: rangeOf(first.DefRange), content: noContent}, typ + "[0]"}}
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == typ:
			out = append(out, eachNested{nested{state: present, at: rangeOf(b.DefRange), content: m.content(b.Body, schema)}, fmt.Sprintf("%s[%d]", typ, n)})
			n++
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == typ:
			out = append(out, m.dynamicBlocks(b, typ, schema, &n)...)
		}
	}
	return out
}

func (m *module) dynamicBlocks(d *hcl.Block, typ string, schema *hcl.BodySchema, n *int) []eachNested {
	spec, diags := partialContent(d.Body, dynamicSchema)
	m.diagnostics(diags)
	c := firstBlock(spec, "content")
	forEach, ok := spec.Attributes["for_each"]
	if c == nil || !ok {
		return nil
	}
	iterator := typ
	if it, ok := spec.Attributes["iterator"]; ok {
		if name := hcl.ExprAsKeyword(it.Expr); name != "" {
			iterator = name
		}
	}
	at := rangeOf(d.DefRange)
	one := func(key, value cty.Value, state presence, path string) eachNested {
		scope := map[string]cty.Value{iterator: cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})}
		return eachNested{nested{state: state, at: at, content: m.content(c.Body, schema), scope: scope}, path}
	}
	v := m.eval(forEach.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() || !m.blockRoom(forEach.Range, v.LengthInt(), typ, true) {
		*n++
		return []eachNested{one(cty.DynamicVal, cty.DynamicVal, unknownPresence, fmt.Sprintf("%s[%d]", typ, *n-1))}
	}
	var out []eachNested
	for it := v.ElementIterator(); it.Next(); {
		key, value := it.Element()
		if v.Type().IsSetType() {
			key = value
		}
		path := fmt.Sprintf("%s[%d]", typ, *n)
		if key.Type() == cty.String && key.IsKnown() && !key.IsNull() {
			path = fmt.Sprintf("%s[%q]", typ, key.AsString())
		}
		*n++
		out = append(out, one(key, value, present, path))
	}
	return out
}

// groupOf resolves a rule's security_group_id to its group: an
// aws_security_group of this module, the cluster security group of an
// aws_eks_cluster, or a group a terraform-aws-modules/eks call creates.
func (m *module) groupOf(ix *sgIndex, body *hcl.BodyContent) *model.SecurityGroup {
	a, ok := body.Attributes["security_group_id"]
	if !ok {
		return nil
	}
	return m.groupRef(ix, a.Expr)
}

func (m *module) groupRef(ix *sgIndex, expr hcl.Expression) *model.SecurityGroup {
	if r, ok := m.refOf(expr); ok && r.res.typ == "aws_security_group" && r.attr == "id" {
		if in, ok := m.instance(r); ok {
			return ix.groups[in.address]
		}
		return nil
	}
	tr, ok := traversalOf(expr)
	if !ok {
		return ix.byID[m.literalID(expr)]
	}
	if addr, res, ok := m.clusterSGRef(tr); ok {
		return ix.synthetic(addr+".vpc_config[0].cluster_security_group_id", "cluster_security_group", rangeOf(res.block.DefRange),
			"the cluster security group EKS creates for "+addr)
	}
	if name, ok := dataClusterSGRef(tr); ok {
		// Whatever cluster the data source reads, this is its cluster
		// security group.
		at := rangeOf(expr.Range())
		return ix.synthetic("data.aws_eks_cluster."+name+".vpc_config[0].cluster_security_group_id", "cluster_security_group", at,
			"the cluster security group EKS creates, read through data.aws_eks_cluster."+name)
	}
	if call, output, b, ok := m.eksModuleOutput(tr); ok {
		return ix.synthetic("module."+call+"."+output, "module", rangeOf(b.DefRange), eksModuleGroups[output]+" (module."+call+")")
	}
	return ix.byID[m.literalID(expr)]
}

// literalID is the known string value of expr ("sg-0123…", or a plan's
// value), or "".
func (m *module) literalID(expr hcl.Expression) string {
	v := m.eval(expr)
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// synthetic returns the group named address that EKS or the eks module
// creates, making it the first time it is referred to.
func (ix *sgIndex) synthetic(address, kind string, at source.Range, what string) *model.SecurityGroup {
	if g, ok := ix.extra[address]; ok {
		return g
	}
	g := &model.SecurityGroup{Object: model.Object{Kind: kind, Address: address, Range: at, Format: model.Terraform},
		Attachments: []model.Attachment{{What: what, Range: at}}}
	ix.extra[address] = g
	ix.out.Network.SecurityGroups = append(ix.out.Network.SecurityGroups, g)
	return g
}

// clusterSGRef reads aws_eks_cluster.X[KEY].vpc_config[0].cluster_security_group_id
// and returns the cluster instance's address.
func (m *module) clusterSGRef(tr hcl.Traversal) (string, *resource, bool) {
	if len(tr) < 4 || tr.RootName() != "aws_eks_cluster" {
		return "", nil, false
	}
	name, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return "", nil, false
	}
	res := m.byAddress["aws_eks_cluster."+name.Name]
	if res == nil {
		return "", nil, false
	}
	r := ref{res: res, attr: "vpc_config"}
	rest := tr[2:]
	if idx, ok := rest[0].(hcl.TraverseIndex); ok {
		r.key, rest = idx.Key, rest[1:]
	}
	if len(rest) > 0 {
		if a, ok := rest[0].(hcl.TraverseAttr); !ok || a.Name != "vpc_config" {
			return "", nil, false
		}
		rest = rest[1:]
	}
	if len(rest) > 0 {
		if _, ok := rest[0].(hcl.TraverseIndex); ok {
			rest = rest[1:]
		}
	}
	if len(rest) != 1 {
		return "", nil, false
	}
	if a, ok := rest[0].(hcl.TraverseAttr); !ok || a.Name != "cluster_security_group_id" {
		return "", nil, false
	}
	in, ok := m.instance(r)
	if !ok {
		return "", nil, false
	}
	return in.address, res, true
}

// dataClusterSGRef reads
// data.aws_eks_cluster.X[KEY].vpc_config[0].cluster_security_group_id and
// returns X.
func dataClusterSGRef(tr hcl.Traversal) (string, bool) {
	if len(tr) < 5 || tr.RootName() != "data" {
		return "", false
	}
	typ, ok1 := tr[1].(hcl.TraverseAttr)
	name, ok2 := tr[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 || typ.Name != "aws_eks_cluster" {
		return "", false
	}
	var names []string
	for _, step := range tr[3:] {
		if a, ok := step.(hcl.TraverseAttr); ok {
			names = append(names, a.Name)
		}
	}
	if len(names) != 2 || names[0] != "vpc_config" || names[1] != "cluster_security_group_id" {
		return "", false
	}
	return name.Name, true
}

// eksModuleOutput reads module.X.<output> where X calls
// terraform-aws-modules/eks and the output is one of its security groups.
func (m *module) eksModuleOutput(tr hcl.Traversal) (call, output string, b *hcl.Block, ok bool) {
	if len(tr) != 3 || tr.RootName() != "module" {
		return "", "", nil, false
	}
	c, ok1 := tr[1].(hcl.TraverseAttr)
	o, ok2 := tr[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 || eksModuleGroups[o.Name] == "" {
		return "", "", nil, false
	}
	for _, mb := range m.modules {
		if len(mb.Labels) != 1 || mb.Labels[0] != c.Name {
			continue
		}
		if !m.isEKSCall(mb) {
			return "", "", nil, false
		}
		return c.Name, o.Name, mb, true
	}
	return "", "", nil, false
}

// attachList marks each group named in the list attribute name of c as
// attached to EKS, the attachment located at the list element.
func (m *module) attachList(ix *sgIndex, c *hcl.BodyContent, name, what string) {
	a, ok := c.Attributes[name]
	if !ok {
		return
	}
	for _, e := range listElements(a.Expr) {
		g := m.groupRef(ix, e)
		if id := m.literalID(e); g == nil && id != "" {
			// A group given by ID: the rules that name the same ID are
			// attached through it.
			g = &model.SecurityGroup{Object: model.Object{Kind: "security_group_id", Address: id, Range: rangeOf(e.Range()), Format: model.Terraform}}
			ix.byID[id] = g
			ix.out.Network.SecurityGroups = append(ix.out.Network.SecurityGroups, g)
		}
		if g != nil && (g.Kind == "aws_security_group" || g.Kind == "security_group_id") && !attachedAt(g, rangeOf(e.Range())) {
			g.Attachments = append(g.Attachments, model.Attachment{What: what, Range: rangeOf(e.Range())})
		}
	}
}

// listFunctions only gather or filter the elements of their arguments.
var listFunctions = map[string]bool{"concat": true, "compact": true, "distinct": true, "flatten": true, "tolist": true, "toset": true, "sort": true}

// listElements returns the element expressions a list expression is
// written with: a tuple's elements, and those of tuples passed to concat,
// compact, distinct, … A conditional, a variable or any other function
// gives nothing, so an element is never taken for one that might not be
// there.
func listElements(expr hcl.Expression) []hcl.Expression {
	switch e := expr.(type) {
	case *hclsyntax.TupleConsExpr:
		out := make([]hcl.Expression, len(e.Exprs))
		for i, x := range e.Exprs {
			out[i] = x
		}
		return out
	case *hclsyntax.FunctionCallExpr:
		if !listFunctions[e.Name] {
			return nil
		}
		var out []hcl.Expression
		for _, a := range e.Args {
			out = append(out, listElements(a)...)
		}
		return out
	case hclsyntax.Expression:
		return nil
	}
	// JSON: a literal array.
	elems, diags := hcl.ExprList(expr)
	if diags.HasErrors() {
		return nil
	}
	return elems
}

// nodeGroupSGs attaches the security groups of the launch template an
// aws_eks_node_group uses (launch_template { id | name = aws_launch_template.X.id | name }).
func (m *module) nodeGroupSGs(ix *sgIndex, r *resource, in instance) {
	lt := m.block(m.resourceContent(r, ngLTSchema), "launch_template", ngLTRefSchema)
	if lt.state != present {
		return
	}
	var tmpl *resource
	var ltIn instance
	lt.in(m, func() {
		for _, name := range []string{"id", "name"} {
			a, ok := lt.content.Attributes[name]
			if !ok {
				continue
			}
			if rf, ok := m.refOf(a.Expr); ok && rf.res.typ == "aws_launch_template" && (rf.attr == "id" || rf.attr == "name") {
				if i, ok := m.instance(rf); ok {
					tmpl, ltIn = rf.res, i
				}
				return
			}
			// Written out (or a plan's value): the one template of this
			// module with that name or ID.
			if v := m.literalID(a.Expr); v != "" {
				tmpl, ltIn = m.launchTemplateBy(name, v)
				return
			}
		}
	})
	if tmpl == nil {
		return
	}
	what := func(attr string) string {
		return fmt.Sprintf("%s of %s, the launch template of %s", attr, ltIn.address, in.address)
	}
	m.within(ltIn, func() {
		body := m.content(tmpl.block.Body, ltSGSchema)
		m.attachList(ix, body, "vpc_security_group_ids", what("vpc_security_group_ids"))
		for _, nic := range m.blocks(body, "network_interfaces", ltNICSchema) {
			if nic.state != present {
				continue
			}
			nic.in(m, func() { m.attachList(ix, nic.content, "security_groups", what("network_interfaces.security_groups")) })
		}
	})
}

// launchTemplateBy returns the only aws_launch_template instance whose
// attr (name, or id in a plan) is known to be v. The instances are indexed
// once per attribute: thousands of node groups may each name one of
// thousands of templates.
func (m *module) launchTemplateBy(attr, v string) (*resource, instance) {
	if m.templatesBy == nil {
		m.templatesBy = map[string]map[string][]templateInstance{}
	}
	by, ok := m.templatesBy[attr]
	if !ok {
		by = map[string][]templateInstance{}
		for _, r := range m.resources {
			if r.typ != "aws_launch_template" {
				continue
			}
			for _, in := range m.instancesOf(r) {
				m.within(in, func() {
					if got := m.stringAttr(m.content(r.block.Body, ltNameSchema), attr, "", rangeOf(r.block.DefRange)); got.IsSet() {
						by[got.Val] = append(by[got.Val], templateInstance{r, in})
					}
				})
			}
		}
		m.templatesBy[attr] = by
	}
	if found := by[v]; len(found) == 1 {
		return found[0].res, found[0].in
	}
	return nil, instance{}
}

// templateInstance is one instance of an aws_launch_template.
type templateInstance struct {
	res *resource
	in  instance
}

// policyCharts are the Helm charts of NetworkPolicy engines that enforce
// policies on EKS in place of (or chained with) the VPC CNI's own agent.
var policyCharts = map[string]bool{"cilium": true, "calico": true, "tigera-operator": true, "antrea": true}

var helmChartSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "chart"}}}

// policyEngines records the NetworkPolicy engines the module installs: a
// helm_release of one of policyCharts, or such a chart named in the inputs
// of a module call (chart = "cilium" in an add-ons module's helm_releases).
// Only a chart whose name is known counts.
func (m *module) policyEngines() {
	m.eachInstance("helm_release", func(r *resource, in instance) {
		if a, ok := m.content(r.block.Body, helmChartSchema).Attributes["chart"]; ok {
			if name, ok := policyChart(m.eval(a.Expr)); ok {
				m.engines = append(m.engines, source.SetAt(name, rangeOf(a.Range)))
			}
		}
	})
	for _, b := range m.modules {
		attrs, _ := b.Body.JustAttributes()
		m.protect(b.DefRange, "this module call", func() {
			if m.noInstances(attrs) {
				return
			}
			m.within(instance{scope: callScope(attrs)}, func() {
				for _, a := range sortedAttrs(attrs) {
					if moduleMeta[a.Name] {
						continue
					}
					if name, ok := chartIn(m.eval(a.Expr), 0); ok {
						m.engines = append(m.engines, source.SetAt(name, rangeOf(a.Range)))
						return
					}
				}
			})
		})
	}
}

// chartIn finds a "chart" attribute naming a policy engine anywhere in v.
func chartIn(v cty.Value, depth int) (string, bool) {
	if depth > 8 || v.IsNull() || !v.IsKnown() || !v.CanIterateElements() {
		return "", false
	}
	obj := v.Type().IsObjectType() || v.Type().IsMapType()
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if obj && k.Type() == cty.String && k.IsKnown() && k.AsString() == "chart" {
			if name, ok := policyChart(e); ok {
				return name, true
			}
			continue
		}
		if name, ok := chartIn(e, depth+1); ok {
			return name, true
		}
	}
	return "", false
}

// policyChart reports whether v is the known name of a policy engine's
// chart, as a name or as the last part of a path or OCI reference.
func policyChart(v cty.Value) (string, bool) {
	if v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return "", false
	}
	name := v.AsString()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return name, policyCharts[strings.ToLower(name)]
}

// markPolicyEngines gives the root's vpc-cni add-ons the first policy
// engine that the root or a module it calls installs.
func (m *module) markPolicyEngines(out *model.Model) {
	if len(m.engines) == 0 {
		return
	}
	for _, a := range out.Addons {
		if a.Name == "vpc-cni" {
			a.PolicyEngine = m.engines[0]
		}
	}
}
