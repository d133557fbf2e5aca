package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Kubernetes versions, upgrade policy and add-ons (aws_eks_addon).

var (
	versionSchema       = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "version"}}}
	upgradeSchema       = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "upgrade_policy"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	upgradePolicySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "support_type"}}}
	addonSchema         = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "cluster_name"}, {Name: "addon_name"}, {Name: "addon_version"},
			{Name: "service_account_role_arn"}, {Name: "configuration_values"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "pod_identity_association"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	podIdentitySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "role_arn"}, {Name: "service_account"}}}
)

// defaultSupportType is the EKS API's UpgradePolicyRequest default.
const defaultSupportType = "EXTENDED"

// clusterVersions reads version (again, to catch a number that Terraform
// would turn into the wrong string) and upgrade_policy.support_type.
func (m *module) clusterVersions(r *resource, c *model.Cluster) {
	header := rangeOf(r.block.DefRange)
	body := m.resourceContent(r, versionSchema)
	if a, ok := body.Attributes["version"]; ok {
		if v, bad := m.numberVersion(a); bad {
			c.Version = v
		}
	}
	c.UpgradeSupportType = source.DefaultAt(defaultSupportType, header)
	ub := m.resourceContent(r, upgradeSchema)
	switch up := m.block(ub, "upgrade_policy", upgradePolicySchema); up.state {
	case unknownPresence:
		c.UpgradeSupportType = source.UnknownAt[string](up.at)
	case present:
		up.in(m, func() {
			c.UpgradeSupportType = m.stringAttr(up.content, "support_type", defaultSupportType, up.at)
		})
	}
}

// numberVersion reports a version written as a number whose minor ends in
// 0 (version = 1.30): Terraform converts it to the string "1.3", which is
// not the version meant. The version is then Unknown, and a warning says
// to quote it. bad is false for anything else (1.31 converts to "1.31").
func (m *module) numberVersion(a *hcl.Attribute) (source.Value[string], bool) {
	v := m.eval(a.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.Number {
		return source.Value[string]{}, false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return source.Value[string]{}, false
	}
	text := s.AsString()
	if _, frac, ok := strings.Cut(text, "."); ok && len(frac) >= 2 {
		return source.Value[string]{}, false
	}
	m.problems = append(m.problems, warnAt(a.Range, "%s is the number %s, which Terraform passes as the string %q: quote the version (\"%s0\" or whatever minor is meant)", a.Name, text, text, text))
	return source.UnknownAt[string](rangeOf(a.Range)), true
}

// nodeGroupVersions reads the node group's version: Default "" (the
// cluster's version, provider docs for aws_eks_node_group) when omitted.
func (m *module) nodeGroupVersions(r *resource, g *model.NodeGroup) {
	header := rangeOf(r.block.DefRange)
	body := m.resourceContent(r, versionSchema)
	g.Version = m.stringAttr(body, "version", "", header)
	if a, ok := body.Attributes["version"]; ok {
		if v, bad := m.numberVersion(a); bad {
			g.Version = v
		}
	}
}

// adaptAddons reads every aws_eks_addon instance. Its cluster is found
// through cluster_name like a node group's: a reference to an
// aws_eks_cluster of this module (.name or .id), or a literal name that
// exactly one cluster of the module has. A reference to an output of a
// module call (module.eks.cluster_name) is linked when that call is an
// eks module call (see linkAddons). An add-on whose cluster cannot be
// resolved is still in Model.Addons, with Cluster nil.
func (m *module) adaptAddons(out *model.Model, l *links) {
	m.eachInstance("aws_eks_addon", func(r *resource, in instance) {
		a, call := m.addon(r, in.address, l.clusters)
		out.Addons = append(out.Addons, a)
		if a.Cluster != nil {
			a.Cluster.Addons = append(a.Cluster.Addons, a)
		} else if call != "" {
			if m.addonCalls == nil {
				m.addonCalls = map[string][]*model.Addon{}
			}
			m.addonCalls[call] = append(m.addonCalls[call], a)
		}
	})
}

// addon reads one aws_eks_addon instance; call is the module call its
// cluster_name refers to, when it refers to one.
func (m *module) addon(r *resource, address string, clusters map[string]*model.Cluster) (a *model.Addon, call string) {
	header := rangeOf(r.block.DefRange)
	a = &model.Addon{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { a.Passed = done() }()
	body := m.content(r.block.Body, addonSchema)
	if n := m.stringAttr(body, "addon_name", "", header); n.IsSet() {
		a.Name = n.Val
	}
	if at, ok := body.Attributes["cluster_name"]; ok {
		a.Cluster = m.clusterByName(at.Expr, clusters)
		if a.Cluster == nil {
			call = moduleOutputCall(at.Expr)
		}
	}
	a.Version = m.stringAttr(body, "addon_version", "", header)
	a.MostRecent = source.DefaultAt(false, header)
	a.Configuration = m.stringAttr(body, "configuration_values", "", header)
	a.Role = source.DefaultAt("", header)
	if at, ok := body.Attributes["service_account_role_arn"]; ok {
		a.Role = m.roleValue(at)
	}
	if !a.Role.IsSet() {
		switch pi := m.block(body, "pod_identity_association", podIdentitySchema); pi.state {
		case unknownPresence:
			a.Role = source.UnknownAt[string](pi.at)
		case present:
			pi.in(m, func() {
				if at, ok := pi.content.Attributes["role_arn"]; ok {
					a.Role = m.roleValue(at)
				}
			})
		}
	}
	return a, call
}

// roleValue reads a role ARN. A reference that cannot be evaluated offline
// (aws_iam_role.cni.arn, module.irsa.iam_role_arn, a required variable)
// still names a role: it is Set to the expression's text. Null is the
// default (no role); anything else unknown is Unknown.
func (m *module) roleValue(a *hcl.Attribute) source.Value[string] {
	m.notePassed(a)
	return m.roleOf(m.eval(a.Expr), a.Expr, rangeOf(a.Range))
}

// traversalText writes a traversal as it is written in HCL.
func traversalText(tr hcl.Traversal) string {
	var b strings.Builder
	for _, t := range tr {
		switch t := t.(type) {
		case hcl.TraverseRoot:
			b.WriteString(t.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + t.Name)
		case hcl.TraverseIndex:
			if k, ok := instanceKey(t.Key); ok {
				b.WriteString(k)
			} else {
				b.WriteString("[…]")
			}
		}
	}
	return b.String()
}

// moduleOutputCall returns NAME when expr is module.NAME.cluster_name (or
// .cluster_id): the add-on names the cluster of that module call.
func moduleOutputCall(expr hcl.Expression) string {
	tr, ok := traversalOf(expr)
	if !ok || len(tr) != 3 || tr.RootName() != "module" {
		return ""
	}
	name, ok1 := tr[1].(hcl.TraverseAttr)
	out, ok2 := tr[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 || (out.Name != "cluster_name" && out.Name != "cluster_id") {
		return ""
	}
	return name.Name
}

// linkAddons attaches the aws_eks_addon resources naming module.NAME's
// cluster to c, the cluster of the eks module call NAME.
func (m *module) linkAddons(name string, c *model.Cluster) {
	for _, a := range m.addonCalls[name] {
		if a.Cluster == nil {
			a.Cluster = c
			c.Addons = append(c.Addons, a)
		}
	}
}
