package terraform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks inputs for identity, access and encryption
// details.

// moduleKeyCreated is SecretsKeyARN when the module creates the KMS key.
const moduleKeyCreated = "created by the module"

// moduleIdentity reads, with the defaults of the call's major version
// (CATALOG §1.2): access configuration (v20 on; v18–v19 create the cluster
// without access_config, so the EKS API's defaults apply), access entries,
// IRSA or Pod Identity, and the details of secrets encryption.
func (in eksInputs) moduleIdentity(c *model.Cluster, out *Loaded) {
	if c.Names != nil {
		prefix := c.Object.Name("encryption_config")
		(*c.Names)["encryption_config.resources"] = prefix + ".resources"
		(*c.Names)["encryption_config.provider.key_arn"] = prefix + ".provider_key_arn"
		(*c.Names)["access_config.authentication_mode"] = "authentication_mode"
		(*c.Names)["access_config.bootstrap_cluster_creator_admin_permissions"] = "enable_cluster_creator_admin_permissions"
	}
	if in.major >= 20 {
		c.AuthenticationMode = in.str("authentication_mode", "API_AND_CONFIG_MAP")
		// The module hard-codes bootstrap_cluster_creator_admin_permissions
		// = false and, when asked, adds an access entry for the caller.
		c.CreatorAdmin = in.boolean("enable_cluster_creator_admin_permissions", false)
		c.CreatorAdminEntry = true
		in.accessEntries(c)
	} else {
		c.AuthenticationMode = source.DefaultAt("CONFIG_MAP", in.header)
		c.CreatorAdmin = source.DefaultAt(true, in.header)
	}
	in.secretsDetails(c)
	c.Region = in.region()
	c.WorkloadIdentity = in.workloadIdentity(c)
	// aws_eks_access_policy_association resources beside the call, for
	// its cluster (cluster_name = module.eks.cluster_name).
	call := strings.TrimPrefix(c.Address, "module.")
	in.m.eachInstance("aws_eks_access_policy_association", func(r *resource, inst instance) {
		body := in.m.content(r.block.Body, policyAssociationSchema)
		if a, ok := body.Attributes["cluster_name"]; ok && refersToCall(a.Expr, call) {
			in.m.policyAssociation(r, inst.address, rangeOf(r.block.DefRange), body, c)
		}
	})
}

// workloadIdentity: IRSA (enable_irsa, default true in v18–v21), else
// signs of EKS Pod Identity: the agent add-on, Auto Mode, or associations
// and add-ons declared beside the call for its cluster.
func (in eksInputs) workloadIdentity(c *model.Cluster) source.Value[bool] {
	irsa := in.boolean("enable_irsa", true)
	if !source.IsFalse(irsa) {
		return irsa
	}
	addons := "cluster_addons"
	if in.major >= 21 {
		addons = "addons"
	}
	if v, a, ok := in.input(addons); ok {
		if !v.IsWhollyKnown() {
			return source.UnknownAt[bool](rangeOf(a.Range))
		}
		if _, ok := lookup(v, podIdentityAgent); ok {
			r := rangeOf(a.Range)
			if e := itemExpr(a.Expr, podIdentityAgent); e != nil {
				r = rangeOf(e.Range())
			}
			return source.SetAt(true, r)
		}
	}
	for _, a := range c.Addons {
		if a.Name == podIdentityAgent {
			return source.SetAt(true, a.Range)
		}
	}
	if auto := c.AutoModeCompute; !auto.Known() || auto.Val {
		return auto // Auto Mode runs the Pod Identity agent
	}
	call := strings.TrimPrefix(c.Address, "module.")
	m := in.m
	for _, r := range m.resources {
		if r.typ != "aws_eks_pod_identity_association" && r.typ != "aws_eks_addon" {
			continue
		}
		body := m.content(r.block.Body, clusterNameSchema)
		a, ok := body.Attributes["cluster_name"]
		if !ok {
			continue
		}
		if r.typ == "aws_eks_addon" {
			name := m.stringAttr(body, "addon_name", "", rangeOf(r.block.DefRange))
			if name.Known() && name.Val != podIdentityAgent {
				continue
			}
		}
		if refersToCall(a.Expr, call) {
			return source.SetAt(true, rangeOf(r.block.DefRange))
		}
		if refersToCluster(a.Expr) {
			continue
		}
		// A cluster named some other way may be this one.
		v := m.eval(a.Expr)
		if !v.IsKnown() || v.Type() != cty.String || v.IsNull() || !c.Name.Known() {
			return source.UnknownAt[bool](irsa.Range)
		}
		if v.AsString() == c.Name.Val {
			return source.SetAt(true, rangeOf(r.block.DefRange))
		}
	}
	for _, b := range m.modules {
		attrs, _ := b.Body.JustAttributes()
		src, ok := attrs["source"]
		if !ok {
			continue
		}
		if v := m.eval(src.Expr); !v.IsKnown() || v.Type() != cty.String || !strings.Contains(v.AsString(), "eks-pod-identity") {
			continue
		}
		for _, a := range attrs {
			if refersToCall(a.Expr, call) {
				return source.SetAt(true, rangeOf(b.DefRange))
			}
		}
		return source.UnknownAt[bool](irsa.Range)
	}
	return irsa
}

// refersToCall reports whether expr refers to an output of module.<call>.
func refersToCall(expr hcl.Expression, call string) bool {
	for _, tr := range expr.Variables() {
		if len(tr) >= 2 && tr.RootName() == "module" {
			if a, ok := tr[1].(hcl.TraverseAttr); ok && a.Name == call {
				return true
			}
		}
	}
	return false
}

// refersToCluster reports whether expr refers to an aws_eks_cluster or to
// another call of a module: it then names a cluster other than a call's.
func refersToCluster(expr hcl.Expression) bool {
	for _, tr := range expr.Variables() {
		if r := tr.RootName(); r == "aws_eks_cluster" || r == "module" {
			return true
		}
	}
	return false
}

// secretsDetails reads resources and the key of the encryption input
// when it configures encryption: a list of objects in v18, an object from
// v19. The module creates the key unless create_kms_key is false (its
// default in v18).
func (in eksInputs) secretsDetails(c *model.Cluster) {
	if !source.IsTrue(c.SecretsEncryption) {
		return
	}
	name := c.Object.Name("encryption_config")
	v, a, ok := in.input(name)
	if !ok {
		return // the v19+ default: secrets, with a key the module creates
	}
	at := rangeOf(a.Range)
	var path []string
	if in.major <= 18 {
		if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() || v.LengthInt() == 0 {
			return
		}
		it := v.ElementIterator()
		it.Next()
		_, v = it.Element()
		path = []string{"0"}
	}
	get := func(key string) (cty.Value, source.Range, bool) {
		r := at
		if e := itemAt(a.Expr, append(path, key)...); e != nil {
			r = rangeOf(e.Range())
		}
		val, ok := lookup(v, key)
		return val, r, ok
	}
	if res, r, ok := get("resources"); ok {
		c.SecretsResources = listValue(res, r)
	} else {
		c.SecretsResources = defaultList([]string{"secrets"}, at)
	}
	create := in.boolean("create_kms_key", in.major >= 19)
	switch {
	case !create.Known():
		c.SecretsKeyARN = source.UnknownAt[string](create.Range)
	case create.Val:
		c.SecretsKeyARN = source.DefaultAt(moduleKeyCreated, create.Range)
	default:
		key, r, ok := get("provider_key_arn")
		if !ok {
			c.SecretsKeyARN = source.DefaultAt("", at)
			return
		}
		switch s, err := convert.Convert(key, cty.String); {
		case err != nil || !s.IsKnown():
			c.SecretsKeyARN = source.UnknownAt[string](r)
		case s.IsNull():
			c.SecretsKeyARN = source.DefaultAt("", r)
		default:
			c.SecretsKeyARN = source.SetAt(s.AsString(), r)
		}
	}
}

// itemAt is itemExpr that also steps into list elements by index ("0").
func itemAt(expr hcl.Expression, path ...string) hcl.Expression {
	for i, p := range path {
		if n, err := strconv.Atoi(p); err == nil {
			list, diags := hcl.ExprList(expr)
			if diags.HasErrors() || n < 0 || n >= len(list) {
				return nil
			}
			expr = list[n]
			continue
		}
		return itemExpr(expr, path[i:]...)
	}
	return expr
}

// accessEntries reads access_entries (v20 on): { key = { principal_arn,
// policy_associations = { key = { policy_arn, access_scope = { type } } } } }.
func (in eksInputs) accessEntries(c *model.Cluster) {
	v, a, ok := in.input("access_entries")
	if !ok || !v.IsKnown() || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, entry := it.Element()
		if !k.IsKnown() || k.Type() != cty.String || !entry.IsKnown() || entry.IsNull() {
			continue
		}
		key := k.AsString()
		at := func(path ...string) source.Range {
			if e := itemExpr(a.Expr, append([]string{key}, path...)...); e != nil {
				return rangeOf(e.Range())
			}
			return rangeOf(a.Range)
		}
		e := &model.AccessEntry{
			Object:  model.Object{Kind: "module", Address: fmt.Sprintf("%s.access_entries[%q]", c.Address, key), Range: at(), Format: model.Module, Note: c.Note},
			Cluster: c,
		}
		e.PrincipalARN = keyString(entry, "principal_arn", at("principal_arn"))
		pols, ok := lookup(entry, "policy_associations")
		if ok && pols.IsKnown() && (pols.Type().IsObjectType() || pols.Type().IsMapType()) {
			for pit := pols.ElementIterator(); pit.Next(); {
				pk, pol := pit.Element()
				if !pk.IsKnown() || pk.Type() != cty.String || !pol.IsKnown() || pol.IsNull() {
					continue
				}
				pkey := pk.AsString()
				p := &model.AccessPolicy{
					Path:      fmt.Sprintf("policy_associations[%q]", pkey),
					Range:     at("policy_associations", pkey),
					PolicyARN: keyString(pol, "policy_arn", at("policy_associations", pkey, "policy_arn")),
				}
				if scope, ok := lookup(pol, "access_scope"); ok {
					p.ScopeType = keyString(scope, "type", at("policy_associations", pkey, "access_scope", "type"))
				} else {
					p.ScopeType = source.UnknownAt[string](p.Range)
				}
				e.Policies = append(e.Policies, p)
			}
		}
		c.AccessEntries = append(c.AccessEntries, e)
	}
}

// region is where the call creates the cluster: its region input (v21,
// which takes provider v6's region argument), else the region of the aws
// provider configuration it is given (providers = { aws = aws.x }) or
// inherits.
func (in eksInputs) region() source.Value[string] {
	if _, a, ok := in.input("region"); ok && in.major >= 21 {
		if r := in.str("region", ""); r.IsSet() && r.Val != "" {
			return r
		}
		if v, _ := a.Expr.Value(nil); !v.IsNull() {
			return source.Value[string]{}
		}
	}
	alias := ""
	if a, ok := in.attrs["providers"]; ok {
		e := itemExpr(a.Expr, "aws")
		if e == nil {
			return source.Value[string]{}
		}
		tr, diags := hcl.AbsTraversalForExpr(e)
		if diags.HasErrors() || tr.RootName() != "aws" {
			return source.Value[string]{}
		}
		if len(tr) == 2 {
			if n, ok := tr[1].(hcl.TraverseAttr); ok {
				alias = n.Name
			}
		}
	}
	return in.m.providerRegion(alias)
}
