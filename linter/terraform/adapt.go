package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Schemas of the parts of each resource ekslint reads. Attributes and
// blocks not listed are ignored (PartialContent).
var (
	clusterSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "version"}, {Name: "enabled_cluster_log_types"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "vpc_config"}, {Type: "encryption_config"}, {Type: "compute_config"},
			{Type: "dynamic", LabelNames: []string{"type"}}},
	}
	computeConfigSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}}}
	vpcConfigSchema     = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "endpoint_public_access"}, {Name: "endpoint_private_access"}, {Name: "public_access_cidrs"}, {Name: "subnet_ids"}}}
	nodeGroupSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "cluster_name"}, {Name: "subnet_ids"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "remote_access"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	remoteAccessSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "ec2_ssh_key"}, {Name: "source_security_group_ids"}}}
	subnetSchema       = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "availability_zone"}}}
)

// adapt turns the module's resources into the model, one object per
// instance (count and for_each expand; see instances). Clusters come
// first so that node groups can link to them.
func (m *module) adapt() *model.Model {
	out := &model.Model{}
	clusters := map[string]*model.Cluster{} // by instance address
	m.eachInstance("aws_eks_cluster", func(r *resource, in instance) {
		c := m.cluster(r, in.address)
		clusters[in.address] = c
		out.Clusters = append(out.Clusters, c)
	})
	groups := map[string]*model.NodeGroup{} // by instance address
	m.eachInstance("aws_eks_node_group", func(r *resource, in instance) {
		g := m.nodeGroup(r, in.address, clusters)
		groups[in.address] = g
		out.NodeGroups = append(out.NodeGroups, g)
	})
	// The other resources link to clusters and node groups: each area's
	// adapter lives in a file of its own.
	l := &links{clusters: clusters, nodeGroups: groups}
	m.adaptAddons(out, l)
	m.adaptIdentity(out, l)
	m.adaptNodeHardening(out, l)
	m.adaptNetwork(out, l)
	m.adaptIAM(out, l)
	m.adaptAudit(out, l)
	m.adaptAuthMaps(out, l)
	return out
}

// links are the clusters and node groups of the module, by instance
// address (aws_eks_cluster.main, aws_eks_node_group.this["a"]), for the
// resources that refer to them.
type links struct {
	clusters   map[string]*model.Cluster
	nodeGroups map[string]*model.NodeGroup
}

func (m *module) content(b hcl.Body, s *hcl.BodySchema) *hcl.BodyContent {
	c, diags := partialContent(b, s)
	m.diagnostics(diags)
	return c
}

func (m *module) cluster(r *resource, address string) *model.Cluster {
	header := rangeOf(r.block.DefRange)
	c := &model.Cluster{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { c.Passed = done() }()
	body := m.resourceContent(r, clusterSchema)
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
		at := vpc.defaultsAt(header)
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

	switch enc := m.block(body, "encryption_config", emptySchema); enc.state {
	case present:
		c.SecretsEncryption = source.SetAt(true, enc.at)
	case unknownPresence:
		c.SecretsEncryption = source.UnknownAt[bool](enc.at)
	default:
		c.SecretsEncryption = source.DefaultAt(false, header)
	}
	// EKS Auto Mode (compute_config.enabled), which several areas read:
	// it brings the Pod Identity agent and needs more cluster policies.
	c.AutoModeCompute = source.DefaultAt(false, header)
	switch cc := m.block(body, "compute_config", computeConfigSchema); cc.state {
	case unknownPresence:
		c.AutoModeCompute = source.UnknownAt[bool](cc.at)
	case present:
		cc.in(m, func() { c.AutoModeCompute = m.boolAttr(cc.content, "enabled", false, cc.at) })
	}
	// Settings of other areas, read inside this instance.
	m.clusterVersions(r, c)
	m.clusterIdentity(r, c)
	return c
}

func (m *module) nodeGroup(r *resource, address string, clusters map[string]*model.Cluster) *model.NodeGroup {
	header := rangeOf(r.block.DefRange)
	g := &model.NodeGroup{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { g.Passed = done() }()
	body := m.resourceContent(r, nodeGroupSchema)
	if a, ok := body.Attributes["cluster_name"]; ok {
		g.Cluster = m.clusterByName(a.Expr, clusters)
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
				g.SSH = m.keySet(a)
			}
			g.SSHSourceSecurityGroups = m.stringsAttr(ra.content, "source_security_group_ids", []string{}, ra.at)
		})
	}

	g.AvailabilityZones = source.DefaultAt([]source.Value[string]{}, header)
	g.Subnets = m.stringsAttr(body, "subnet_ids", nil, header)
	g.SubnetZones = m.subnetZones(body, g.Subnets)
	// Settings of other areas, read inside this instance.
	m.nodeGroupVersions(r, g)
	m.nodeGroupHardening(r, g)
	return g
}

// keySet reads ec2_ssh_key: SSH is on as soon as a key is given, whatever
// the key; only null (the attribute's own default) leaves it off.
func (m *module) keySet(a *hcl.Attribute) source.Value[bool] {
	r := rangeOf(a.Range)
	v := m.eval(a.Expr)
	switch {
	case v.IsKnown() && v.IsNull():
		return source.DefaultAt(false, r)
	case v.IsKnown() || v.Range().DefinitelyNotNull() || m.requiredVar(a.Expr):
		return source.SetAt(true, r)
	}
	return source.UnknownAt[bool](r)
}

// requiredVar reports whether expr is var.X for a variable with no
// default and no value: whoever deploys must give it one, never null.
func (m *module) requiredVar(expr hcl.Expression) bool {
	tr, ok := traversalOf(expr)
	if !ok || len(tr) != 2 || tr.RootName() != "var" {
		return false
	}
	name, ok := tr[1].(hcl.TraverseAttr)
	if !ok {
		return false
	}
	v := m.vars[name.Name]
	return v != nil && v.required && !v.value.IsKnown()
}

// subnetZones resolves each subnet_ids element written as a reference to
// an aws_subnet of this module (aws_subnet.a.id) to that subnet's
// availability_zone, evaluated for the instance referred to. The zone is
// located where it is written: in the subnet.
func (m *module) subnetZones(body *hcl.BodyContent, subnets source.Strings) source.Strings {
	if !subnets.Known() {
		return subnets
	}
	zones := make([]source.Value[string], len(subnets.Val))
	for i, s := range subnets.Val {
		zones[i] = source.UnknownAt[string](s.Range)
	}
	out := source.Value[[]source.Value[string]]{Val: zones, Origin: subnets.Origin, Range: subnets.Range}
	m.eachSubnet(body, subnets, func(i int, sub *resource) {
		zone := m.stringAttr(m.resourceContent(sub, subnetSchema), "availability_zone", "", rangeOf(sub.block.DefRange))
		if zone.IsSet() {
			zones[i] = zone
		}
	})
	return out
}

// eachSubnet calls f for each subnet_ids element written as a reference
// to an aws_subnet of this module (aws_subnet.a.id), with the instance
// referred to in scope.
func (m *module) eachSubnet(body *hcl.BodyContent, subnets source.Strings, f func(i int, sub *resource)) {
	a, ok := body.Attributes["subnet_ids"]
	if !ok || !subnets.Known() {
		return
	}
	elems, ok := exprList(a.Expr)
	if !ok || len(elems) != len(subnets.Val) {
		return
	}
	for i, e := range elems {
		ref, ok := m.refOf(e)
		if !ok || ref.res.typ != "aws_subnet" || ref.attr != "id" {
			continue
		}
		in, ok := m.instance(ref)
		if !ok {
			continue
		}
		m.within(in, func() { f(i, ref.res) })
	}
}

// clusterByName resolves a cluster_name expression to a cluster of the
// module: a reference to an aws_eks_cluster instance's name or id (an
// aws_eks_cluster's id is its name), else a name written out (and every
// name in a plan) that one cluster of the module has; nil otherwise.
func (m *module) clusterByName(expr hcl.Expression, clusters map[string]*model.Cluster) *model.Cluster {
	if ref, ok := m.refOf(expr); ok && ref.res.typ == "aws_eks_cluster" && (ref.attr == "name" || ref.attr == "id") {
		if in, ok := m.instance(ref); ok {
			if c := clusters[in.address]; c != nil {
				return c
			}
		}
	}
	if v := m.eval(expr); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		return clusterNamed(clusters, v.AsString())
	}
	return nil
}

// clusterNamed returns the only cluster whose name is known to be name, or
// nil when there is none or more than one.
func clusterNamed(clusters map[string]*model.Cluster, name string) *model.Cluster {
	var found *model.Cluster
	for _, c := range clusters {
		if c.Name.Known() && c.Name.Val == name {
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}
