package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Schemas of the parts of each resource ekslint reads. Attributes and
// blocks not listed are ignored (PartialContent).
var (
	clusterSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "version"}, {Name: "enabled_cluster_log_types"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "vpc_config"}, {Type: "encryption_config"},
			{Type: "dynamic", LabelNames: []string{"type"}}},
	}
	vpcConfigSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "endpoint_public_access"}, {Name: "endpoint_private_access"}, {Name: "public_access_cidrs"}, {Name: "subnet_ids"}}}
	nodeGroupSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "cluster_name"}, {Name: "subnet_ids"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "remote_access"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	remoteAccessSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "ec2_ssh_key"}, {Name: "source_security_group_ids"}}}
	subnetSchema       = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "availability_zone"}}}
)

// adapt turns the module's resources into the model, one object per
// instance (count and for_each expand; see instances).
func (m *module) adapt() *model.Model {
	out := &model.Model{}
	clusters := map[string]*model.Cluster{} // by resource name: the first instance
	for _, r := range m.resources {
		if r.typ != "aws_eks_cluster" {
			continue
		}
		for _, in := range m.instances(r) {
			m.within(in, func() {
				c := m.cluster(r, in.address)
				if clusters[r.name] == nil {
					clusters[r.name] = c
				}
				out.Clusters = append(out.Clusters, c)
			})
		}
	}
	for _, r := range m.resources {
		if r.typ != "aws_eks_node_group" {
			continue
		}
		for _, in := range m.instances(r) {
			m.within(in, func() { out.NodeGroups = append(out.NodeGroups, m.nodeGroup(r, in.address, clusters)) })
		}
	}
	return out
}

func (m *module) content(b hcl.Body, s *hcl.BodySchema) *hcl.BodyContent {
	c, _, diags := b.PartialContent(s)
	m.diagnostics(diags)
	return c
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

func (m *module) cluster(r *resource, address string) *model.Cluster {
	header := rangeOf(r.block.DefRange)
	c := &model.Cluster{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	body := m.content(r.block.Body, clusterSchema)
	c.Name = m.stringAttr(body, "name", "", header)
	c.Version = m.stringAttr(body, "version", "", header)
	c.LogTypes = m.stringsAttr(body, "enabled_cluster_log_types", nil, header)

	// vpc_config (provider docs, EKS API VpcConfigRequest): public access
	// defaults to true, private to false, public CIDRs to 0.0.0.0/0.
	vpc := m.block(body, "vpc_config", vpcConfigSchema)
	switch vpc.state {
	case unknownPresence:
		c.PublicEndpoint = source.UnknownAt[bool](vpc.at)
		c.PrivateEndpoint = source.UnknownAt[bool](vpc.at)
		c.PublicCIDRs = source.UnknownAt[[]source.Value[string]](vpc.at)
	default:
		at := header
		if vpc.state == present {
			at = vpc.at
		}
		vpc.in(m, func() {
			c.PublicEndpoint = m.boolAttr(vpc.content, "endpoint_public_access", true, at)
			c.PrivateEndpoint = m.boolAttr(vpc.content, "endpoint_private_access", false, at)
			c.PublicCIDRs = m.stringsAttr(vpc.content, "public_access_cidrs", []string{"0.0.0.0/0"}, at)
		})
		if c.PublicCIDRs.IsSet() && len(c.PublicCIDRs.Val) == 0 {
			// EKS treats an empty list as "no restriction".
			c.PublicCIDRs.Val = []source.Value[string]{source.SetAt("0.0.0.0/0", c.PublicCIDRs.Range)}
		}
	}

	switch enc := m.block(body, "encryption_config", &hcl.BodySchema{}); enc.state {
	case present:
		c.SecretsEncryption = source.SetAt(true, enc.at)
	case unknownPresence:
		c.SecretsEncryption = source.UnknownAt[bool](enc.at)
	default:
		c.SecretsEncryption = source.DefaultAt(false, header)
	}
	return c
}

func (m *module) nodeGroup(r *resource, address string, clusters map[string]*model.Cluster) *model.NodeGroup {
	header := rangeOf(r.block.DefRange)
	g := &model.NodeGroup{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	body := m.content(r.block.Body, nodeGroupSchema)
	if a, ok := body.Attributes["cluster_name"]; ok {
		for _, tr := range a.Expr.Variables() {
			if tr.RootName() == "aws_eks_cluster" && len(tr) >= 2 {
				if name, ok := tr[1].(hcl.TraverseAttr); ok {
					g.Cluster = clusters[name.Name]
				}
			}
		}
	}

	// remote_access: with ec2_ssh_key and no source_security_group_ids,
	// AWS opens port 22 to 0.0.0.0/0 (provider docs, aws_eks_node_group).
	g.SSH = source.DefaultAt(false, header)
	g.SSHSourceSecurityGroups = source.DefaultAt([]source.Value[string]{}, header)
	g.SSHOpenToWorldWithoutSources = source.DefaultAt(true, header)
	switch ra := m.block(body, "remote_access", remoteAccessSchema); ra.state {
	case unknownPresence:
		g.SSH = source.UnknownAt[bool](ra.at)
	case present:
		g.SSH = source.DefaultAt(false, ra.at)
		ra.in(m, func() {
			if a, ok := ra.content.Attributes["ec2_ssh_key"]; ok {
				v := m.eval(a.Expr)
				switch {
				case !v.IsWhollyKnown():
					g.SSH = source.UnknownAt[bool](rangeOf(a.Range))
				case v.IsNull():
					g.SSH = source.DefaultAt(false, rangeOf(a.Range))
				default:
					g.SSH = source.SetAt(true, rangeOf(a.Range))
				}
			}
			g.SSHSourceSecurityGroups = m.stringsAttr(ra.content, "source_security_group_ids", []string{}, ra.at)
		})
	}

	g.AvailabilityZones = source.DefaultAt([]source.Value[string]{}, header)
	g.Subnets = m.stringsAttr(body, "subnet_ids", nil, header)
	g.SubnetZones = m.subnetZones(body, g.Subnets)
	return g
}

// subnetZones resolves each subnet_ids element written as a reference to
// an aws_subnet of this module to that subnet's availability_zone.
func (m *module) subnetZones(body *hcl.BodyContent, subnets source.Strings) source.Strings {
	if !subnets.Known() {
		return subnets
	}
	zones := make([]source.Value[string], len(subnets.Val))
	for i, s := range subnets.Val {
		zones[i] = source.UnknownAt[string](s.Range)
	}
	a, ok := body.Attributes["subnet_ids"]
	if !ok {
		return source.Value[[]source.Value[string]]{Val: zones, Origin: subnets.Origin, Range: subnets.Range}
	}
	if tuple, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && len(tuple.Exprs) == len(zones) {
		for i, e := range tuple.Exprs {
			vars := e.Variables()
			if len(vars) != 1 || vars[0].RootName() != "aws_subnet" || len(vars[0]) < 2 {
				continue
			}
			name, ok := vars[0][1].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			sub := m.byAddress["aws_subnet."+name.Name]
			if sub == nil {
				continue
			}
			zone := m.stringAttr(m.content(sub.block.Body, subnetSchema), "availability_zone", "", rangeOf(sub.block.DefRange))
			if zone.IsSet() {
				// The zone is located where it is written: in the subnet.
				zones[i] = zone
			}
		}
	}
	return source.Value[[]source.Value[string]]{Val: zones, Origin: subnets.Origin, Range: subnets.Range}
}

// scalarAttr reads one attribute converted to ty: Default at `at` when
// omitted (a literal null also means "use the default"), Unknown when it
// is not knowable offline or has the wrong type.
func scalarAttr[T any](m *module, c *hcl.BodyContent, name string, ty cty.Type, def T, at source.Range, get func(cty.Value) T) source.Value[T] {
	a, ok := c.Attributes[name]
	if !ok {
		return source.DefaultAt(def, at)
	}
	r := rangeOf(a.Range)
	v := m.eval(a.Expr)
	if !v.IsWhollyKnown() {
		return source.UnknownAt[T](r)
	}
	if v.IsNull() {
		return source.DefaultAt(def, r)
	}
	conv, err := convert.Convert(v, ty)
	if err != nil {
		m.problems = append(m.problems, warnAt(a.Range, "%s must be a %s, not %s", name, ty.FriendlyName(), v.Type().FriendlyName()))
		return source.UnknownAt[T](r)
	}
	return source.SetAt(get(conv), r)
}

func (m *module) boolAttr(c *hcl.BodyContent, name string, def bool, at source.Range) source.Value[bool] {
	return scalarAttr(m, c, name, cty.Bool, def, at, cty.Value.True)
}

func (m *module) stringAttr(c *hcl.BodyContent, name, def string, at source.Range) source.Value[string] {
	return scalarAttr(m, c, name, cty.String, def, at, cty.Value.AsString)
}

// stringsAttr reads a list of strings. Elements of a literal list keep
// their own ranges; otherwise they point at the attribute.
func (m *module) stringsAttr(c *hcl.BodyContent, name string, def []string, at source.Range) source.Strings {
	a, ok := c.Attributes[name]
	if !ok {
		return defaultList(def, at)
	}
	r := rangeOf(a.Range)
	v := m.eval(a.Expr)
	if !v.IsKnown() {
		return source.UnknownAt[[]source.Value[string]](r)
	}
	if v.IsNull() {
		return defaultList(def, r)
	}
	ty := v.Type()
	if !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
		return source.UnknownAt[[]source.Value[string]](r)
	}
	var elems []hclsyntax.Expression
	if t, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok && !ty.IsSetType() {
		elems = t.Exprs
	}
	out := make([]source.Value[string], 0, v.LengthInt())
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		_, e := it.Element()
		er := r
		if i < len(elems) && len(elems) == v.LengthInt() {
			er = rangeOf(elems[i].Range())
		}
		if !e.IsWhollyKnown() || e.IsNull() {
			out = append(out, source.UnknownAt[string](er))
			continue
		}
		s, err := convert.Convert(e, cty.String)
		if err != nil {
			out = append(out, source.UnknownAt[string](er))
			continue
		}
		out = append(out, source.SetAt(s.AsString(), er))
	}
	return source.SetAt(out, r)
}

func defaultList(def []string, at source.Range) source.Strings {
	out := make([]source.Value[string], len(def))
	for i, d := range def {
		out[i] = source.DefaultAt(d, at)
	}
	return source.DefaultAt(out, at)
}
