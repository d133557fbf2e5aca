package terraform

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Cluster identity and access: secrets encryption details, OIDC providers,
// Pod Identity, access configuration and access policy associations.

var (
	identityClusterSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "region"}, {Name: "provider"}}, Blocks: []hcl.BlockHeaderSchema{
		{Type: "access_config"}, {Type: "encryption_config"}, {Type: "compute_config"}, {Type: "outpost_config"},
		{Type: "dynamic", LabelNames: []string{"type"}}}}
	accessConfigSchema     = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "authentication_mode"}, {Name: "bootstrap_cluster_creator_admin_permissions"}}}
	encryptionConfigSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "resources"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "provider"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	encryptionProviderSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "key_arn"}}}
	oidcProviderSchema       = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "url"}}}
	clusterNameSchema        = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "cluster_name"}, {Name: "addon_name"}}}
	policyAssociationSchema  = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "cluster_name"}, {Name: "principal_arn"}, {Name: "policy_arn"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "access_scope"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	accessScopeSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}}}
	providerBlockSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "provider", LabelNames: []string{"name"}}}}
	providerBodySchema  = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "alias"}, {Name: "region"}}}
)

// podIdentityAgent is the add-on that serves EKS Pod Identity credentials.
const podIdentityAgent = "eks-pod-identity-agent"

// clusterIdentity reads access_config, the details of encryption_config
// and Auto Mode (whose nodes run the Pod Identity agent) of one instance.
func (m *module) clusterIdentity(r *resource, c *model.Cluster) {
	header := rangeOf(r.block.DefRange)
	body := m.resourceContent(r, identityClusterSchema)

	c.Region = m.resourceRegion(body)

	// access_config omitted: the EKS API's defaults (CreateAccessConfigRequest):
	// authenticationMode CONFIG_MAP, bootstrapClusterCreatorAdminPermissions true.
	switch ac := m.block(body, "access_config", accessConfigSchema); ac.state {
	case unknownPresence:
		c.AuthenticationMode = source.UnknownAt[string](ac.at)
		c.CreatorAdmin = source.UnknownAt[bool](ac.at)
	default:
		at := ac.defaultsAt(header)
		ac.in(m, func() {
			c.AuthenticationMode = m.stringAttr(ac.content, "authentication_mode", "CONFIG_MAP", at)
			c.CreatorAdmin = m.boolAttr(ac.content, "bootstrap_cluster_creator_admin_permissions", true, at)
		})
	}

	if enc := m.block(body, "encryption_config", encryptionConfigSchema); enc.state == present {
		enc.in(m, func() {
			c.SecretsResources = m.stringsAttr(enc.content, "resources", nil, enc.at)
			switch p := m.block(enc.content, "provider", encryptionProviderSchema); p.state {
			case present:
				p.in(m, func() { c.SecretsKeyARN = m.stringAttr(p.content, "key_arn", "", p.at) })
			case unknownPresence:
				c.SecretsKeyARN = source.UnknownAt[string](p.at)
			default:
				c.SecretsKeyARN = source.DefaultAt("", enc.at)
			}
		})
	}

	if out := m.block(body, "outpost_config", emptySchema); out.state != absent {
		// A local cluster on Outposts accepts only CONFIG_MAP with the
		// bootstrap on (EKS CreateCluster): nothing here is a choice.
		c.AuthenticationMode = source.UnknownAt[string](out.at)
		c.CreatorAdmin = source.UnknownAt[bool](out.at)
		c.WorkloadIdentity = source.UnknownAt[bool](out.at)
		return
	}

	c.WorkloadIdentity = source.DefaultAt(false, header)
	// EKS Auto Mode runs the Pod Identity agent on its nodes.
	switch auto := c.AutoModeCompute; {
	case !auto.Known():
		c.WorkloadIdentity = source.UnknownAt[bool](auto.Range)
	case auto.Val:
		c.WorkloadIdentity = source.SetAt(true, auto.Range)
	}
}

// adaptIdentity links what gives pods IAM roles (OIDC providers, Pod
// Identity associations, the Pod Identity agent add-on) and the access
// policy associations to their clusters.
func (m *module) adaptIdentity(out *model.Model, l *links) {
	// unresolved: something provides workload identity to a cluster that
	// cannot be told (an issuer URL from a variable, a data source, a
	// plan's unknown value): then no cluster is said to lack it.
	unresolved := false
	provide := func(addr string, at source.Range) {
		if c := l.clusters[addr]; c != nil && !c.WorkloadIdentity.IsSet() {
			c.WorkloadIdentity = source.SetAt(true, at)
		}
	}
	m.eachInstance("aws_iam_openid_connect_provider", func(r *resource, _ instance) {
		a, ok := m.content(r.block.Body, oidcProviderSchema).Attributes["url"]
		if !ok {
			return
		}
		found, open := m.clustersIn(a.Expr, "identity")
		for _, addr := range found {
			provide(addr, rangeOf(r.block.DefRange))
		}
		unresolved = unresolved || open || len(found) == 0
	})
	m.eachInstance("aws_eks_pod_identity_association", func(r *resource, _ instance) {
		found, open := m.clusterOf(m.content(r.block.Body, clusterNameSchema), l)
		for _, addr := range found {
			provide(addr, rangeOf(r.block.DefRange))
		}
		unresolved = unresolved || open
	})
	m.eachInstance("aws_eks_addon", func(r *resource, _ instance) {
		// Add-ons are read into Cluster.Addons; one whose name cannot be
		// known may be the Pod Identity agent.
		if !m.stringAttr(m.content(r.block.Body, clusterNameSchema), "addon_name", "", rangeOf(r.block.DefRange)).Known() {
			unresolved = true
		}
	})
	m.eachInstance("aws_eks_access_policy_association", func(r *resource, in instance) {
		body := m.content(r.block.Body, policyAssociationSchema)
		if found, _ := m.clusterOf(body, l); len(found) == 1 {
			m.policyAssociation(r, in.address, rangeOf(r.block.DefRange), body, l.clusters[found[0]])
		}
	})
	// Module calls: one passed a cluster's OIDC issuer (an OIDC provider
	// or IRSA roles module), or a call of terraform-aws-modules/eks-pod-identity
	// given the cluster's name.
	for _, b := range m.modules {
		attrs, _ := b.Body.JustAttributes()
		podIdentity := false
		if src, ok := attrs["source"]; ok {
			v := m.eval(src.Expr)
			podIdentity = v.IsKnown() && !v.IsNull() && v.Type() == cty.String && strings.Contains(v.AsString(), "eks-pod-identity")
		}
		linked := false
		for _, a := range attrs {
			found, open := m.clustersIn(a.Expr, "identity")
			if podIdentity {
				f, o := m.clustersIn(a.Expr, "name", "id")
				found, open = append(found, f...), open || o
			}
			for _, addr := range found {
				provide(addr, rangeOf(b.DefRange))
			}
			linked = linked || len(found) > 0
			unresolved = unresolved || open
		}
		if podIdentity && !linked && !m.eksCallRef(exprsOf(attrs)...) {
			unresolved = true // its clusters may be named in any way
		}
	}
	for _, c := range out.Clusters {
		for _, a := range c.Addons {
			if a.Name == podIdentityAgent {
				provide(c.Address, a.Range)
			}
		}
		if unresolved && source.IsFalse(c.WorkloadIdentity) {
			c.WorkloadIdentity = source.UnknownAt[bool](c.WorkloadIdentity.Range)
		}
	}
}

// clusterOf resolves a cluster_name attribute to the clusters of the
// module: a reference to an aws_eks_cluster's name or id, or a name that
// one cluster has. open is true when a value is given but names no known
// cluster of the module for sure.
func (m *module) clusterOf(body *hcl.BodyContent, l *links) (found []string, open bool) {
	a, ok := body.Attributes["cluster_name"]
	if !ok {
		return nil, false
	}
	found, open = m.clustersIn(a.Expr, "name", "id")
	if len(found) > 0 || open {
		return found, open
	}
	v := m.eval(a.Expr)
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		if c := clusterNamed(l.clusters, v.AsString()); c != nil {
			return []string{c.Address}, false
		}
		// A name no cluster of the module has: another stack's cluster.
		return nil, len(l.clusters) > 0 && anyNameUnknown(l.clusters)
	}
	if m.eksCallRef(a.Expr) {
		return nil, false // a terraform-aws-modules/eks call's cluster: see moduleIdentity
	}
	return nil, true
}

// exprsOf returns the expressions of attrs.
func exprsOf(attrs hcl.Attributes) []hcl.Expression {
	out := make([]hcl.Expression, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a.Expr)
	}
	return out
}

// anyNameUnknown reports whether a cluster's name cannot be known.
func anyNameUnknown(clusters map[string]*model.Cluster) bool {
	for _, c := range clusters {
		if !c.Name.Known() {
			return true
		}
	}
	return false
}

// eksCallRef reports whether expr is an output of a module call whose
// source is terraform-aws-modules/eks.
func (m *module) eksCallRef(exprs ...hcl.Expression) bool {
	var vars []hcl.Traversal
	for _, e := range exprs {
		vars = append(vars, e.Variables()...)
	}
	for _, tr := range vars {
		if len(tr) < 2 || tr.RootName() != "module" {
			continue
		}
		name, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		for _, b := range m.modules {
			if b.Labels[0] == name.Name && m.isEKSCall(b) {
				return true
			}
		}
	}
	return false
}

// clustersIn finds the aws_eks_cluster instances expr refers to through
// one of attrs (aws_eks_cluster.main.identity[0].oidc[0].issuer, also
// inside a function call). open is true when it refers to a cluster whose
// instance cannot be told (an unknown key).
func (m *module) clustersIn(expr hcl.Expression, attrs ...string) (found []string, open bool) {
	seen := map[string]bool{}
	visit := func(tr hcl.Traversal, key hcl.Expression) {
		addr, ok, known := m.clusterTraversal(tr, key, attrs)
		switch {
		case !ok:
		case !known:
			open = true
		case !seen[addr]:
			seen[addr] = true
			found = append(found, addr)
		}
	}
	if _, ok := expr.(hclsyntax.Expression); !ok {
		// JSON syntax: the references a string holds.
		for _, tr := range expr.Variables() {
			visit(tr, nil)
		}
		return found, open
	}
	_ = hclsyntax.VisitAll(expr.(hclsyntax.Expression), func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			visit(e.Traversal, nil)
		case *hclsyntax.RelativeTraversalExpr:
			// A computed key: aws_eks_cluster.c[count.index].identity…
			if idx, ok := e.Source.(*hclsyntax.IndexExpr); ok {
				if base, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr); ok && len(base.Traversal) == 2 {
					visit(append(append(hcl.Traversal{}, base.Traversal...), e.Traversal...), idx.Key)
				}
			}
		}
		return nil
	})
	return found, open
}

// clusterTraversal reads aws_eks_cluster.NAME[KEY].ATTR…: ok when it is
// such a reference with ATTR one of attrs, known when its instance is
// known (addr).
func (m *module) clusterTraversal(tr hcl.Traversal, key hcl.Expression, attrs []string) (addr string, ok, known bool) {
	if len(tr) < 3 {
		return "", false, false
	}
	root, ok1 := tr[0].(hcl.TraverseRoot)
	name, ok2 := tr[1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || root.Name != "aws_eks_cluster" {
		return "", false, false
	}
	res := m.byAddress[root.Name+"."+name.Name]
	if res == nil {
		return "", false, false
	}
	r := ref{res: res}
	rest := tr[2:]
	if idx, isIdx := rest[0].(hcl.TraverseIndex); isIdx && key == nil {
		r.key, rest = idx.Key, rest[1:]
	} else if key != nil {
		r.key = m.eval(key)
	}
	if len(rest) == 0 {
		return "", false, false
	}
	attr, isAttr := rest[0].(hcl.TraverseAttr)
	if !isAttr || !contains(attrs, attr.Name) {
		return "", false, false
	}
	r.attr = attr.Name
	in, found := m.instance(r)
	if !found {
		return "", true, false
	}
	return in.address, true, true
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// policyAssociation adapts one instance of aws_eks_access_policy_association
// into an access entry of its cluster c. One whose cluster cannot be told
// is not modelled.
func (m *module) policyAssociation(r *resource, addr string, header source.Range, body *hcl.BodyContent, c *model.Cluster) {
	e := &model.AccessEntry{
		Object:  model.Object{Kind: r.typ, Address: addr, Range: header, Format: model.Terraform},
		Cluster: c,
	}
	done := m.collectPassed()
	e.PrincipalARN = m.stringAttr(body, "principal_arn", "", header)
	p := &model.AccessPolicy{Range: header, PolicyARN: m.stringAttr(body, "policy_arn", "", header)}
	switch s := m.block(body, "access_scope", accessScopeSchema); s.state {
	case present:
		s.in(m, func() { p.ScopeType = m.stringAttr(s.content, "type", "", s.at) })
		if p.ScopeType.IsDefault() {
			p.ScopeType = source.UnknownAt[string](s.at) // required: the plan fails
		}
	default:
		p.ScopeType = source.UnknownAt[string](header)
	}
	e.Policies = []*model.AccessPolicy{p}
	e.Passed = done()
	c.AccessEntries = append(c.AccessEntries, e)
}

// resourceRegion is the region a resource is created in: its own region
// argument (provider v6), else the region of the aws provider
// configuration its provider meta-argument names (the default one when
// omitted).
func (m *module) resourceRegion(body *hcl.BodyContent) source.Value[string] {
	if a, ok := body.Attributes["region"]; ok {
		return m.stringAttr(body, "region", "", rangeOf(a.Range))
	}
	alias := ""
	if a, ok := body.Attributes["provider"]; ok {
		tr, diags := hcl.AbsTraversalForExpr(a.Expr)
		if diags.HasErrors() || tr.RootName() != "aws" {
			return source.Value[string]{}
		}
		if len(tr) == 2 {
			if n, ok := tr[1].(hcl.TraverseAttr); ok {
				alias = n.Name
			}
		}
	}
	return m.providerRegion(alias)
}

// providerRegion is the region literal (or resolvable expression) of the
// module's aws provider configuration with that alias ("" for the
// default one). Unknown when there is none in this module (a child module
// inherits its caller's), when it sets no region (the environment
// decides), or when several configurations match.
func (m *module) providerRegion(alias string) source.Value[string] {
	files := m.parser.Files()
	names := make([]string, 0, len(files))
	for name := range files {
		if strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var found []source.Value[string]
	for _, name := range names {
		content, _ := partialContent(files[name].Body, providerBlockSchema)
		for _, b := range content.Blocks {
			if b.Labels[0] != "aws" {
				continue
			}
			body, _ := partialContent(b.Body, providerBodySchema)
			a := ""
			if at, ok := body.Attributes["alias"]; ok {
				if v := m.eval(at.Expr); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
					a = v.AsString()
				} else {
					return source.Value[string]{}
				}
			}
			if a != alias {
				continue
			}
			region := source.Value[string]{}
			if r, ok := body.Attributes["region"]; ok {
				region = m.stringAttr(body, "region", "", rangeOf(r.Range))
			}
			found = append(found, region)
		}
	}
	if len(found) != 1 || !found[0].IsSet() || found[0].Val == "" {
		return source.Value[string]{}
	}
	return found[0]
}
