package eksctl

import (
	"fmt"
	"strconv"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Identity and access: OIDC, Pod Identity, access configuration and
// access entries.

// podIdentityAgent is the add-on that serves EKS Pod Identity credentials.
const podIdentityAgent = "eks-pod-identity-agent"

// identity reads iam.withOIDC and the Pod Identity settings, and
// accessConfig with its access entries.
func (a *adapter) identity(m *model.Model, top *scope, c *model.Cluster) {
	c.WorkloadIdentity = a.workloadIdentity(top)

	// accessConfig (types.go AccessConfig; the CloudFormation builder
	// sends bootstrapClusterCreatorAdminPermissions true unless it is
	// false). On Outposts (a local cluster) none of it is the user's
	// choice, so it is Unknown.
	ac := top.enter("accessConfig")
	c.AuthenticationMode = ac.str("authenticationMode", "API_AND_CONFIG_MAP")
	c.CreatorAdmin = ac.boolean("bootstrapClusterCreatorAdminPermissions", true)
	if arn := top.enter("outpost").str("controlPlaneOutpostARN", ""); !arn.Known() || arn.Val != "" {
		// A local cluster accepts only CONFIG_MAP with the bootstrap on
		// (EKS CreateCluster), and which workload identity it supports is
		// not the configuration's choice either.
		c.AuthenticationMode = source.UnknownAt[string](arn.Range)
		c.CreatorAdmin = source.UnknownAt[bool](arn.Range)
		c.WorkloadIdentity = source.UnknownAt[bool](arn.Range)
	}
	a.accessEntries(ac, c)
	a.capabilityAccess(top, c)
}

// workloadIdentity: IRSA through iam.withOIDC (default false), or EKS Pod
// Identity: iam.podIdentityAssociations, an add-on's
// podIdentityAssociations, the eks-pod-identity-agent add-on, or Auto Mode
// (whose nodes run the agent).
func (a *adapter) workloadIdentity(top *scope) source.Value[bool] {
	iam := top.enter("iam")
	oidc := iam.boolean("withOIDC", false)
	if !source.IsFalse(oidc) {
		return oidc
	}
	if v, ok := nonEmptyList(iam, "podIdentityAssociations"); ok || !v.Known() {
		return v
	}
	for i, raw := range top.items("addons") {
		addon := a.item(indexed("addons", i), raw)
		if addon == nil {
			continue
		}
		name := addon.str("name", "")
		if !name.Known() {
			return source.UnknownAt[bool](name.Range)
		}
		if name.Val == podIdentityAgent {
			return source.SetAt(true, name.Range)
		}
		if v, ok := nonEmptyList(addon, "podIdentityAssociations"); ok || !v.Known() {
			return v
		}
	}
	if auto := top.enter("addonsConfig").boolean("autoApplyPodIdentityAssociations", false); !source.IsFalse(auto) {
		return auto
	}
	if auto := top.enter("autoModeConfig").boolean("enabled", false); !source.IsFalse(auto) {
		return auto
	}
	return oidc
}

// nonEmptyList: ok when key holds a non-empty list (Set true at it); the
// value is Unknown when key holds something else.
func nonEmptyList(s *scope, key string) (source.Value[bool], bool) {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[bool](s.badAt), false
	case !ok:
		return source.DefaultAt(false, s.at), false
	}
	r := s.a.keyValue(p)
	if p.Val.Kind != yaml.SequenceNode {
		return source.UnknownAt[bool](r), false
	}
	if len(p.Val.Content) == 0 {
		return source.DefaultAt(false, r), false
	}
	return source.SetAt(true, r), true
}

// accessEntries reads accessConfig.accessEntries[]: principalARN and
// accessPolicies[] with policyARN and accessScope.type.
func (a *adapter) accessEntries(ac *scope, c *model.Cluster) {
	if ac.bad || ac.m == nil {
		return
	}
	for i, raw := range ac.items("accessEntries") {
		path := indexed("accessConfig.accessEntries", i)
		s := a.item(path, raw)
		if s == nil {
			continue
		}
		e := &model.AccessEntry{
			Object:  model.Object{Kind: "accessEntry", Address: fmt.Sprintf("%s/accessConfig/accessEntries/%d", c.Address, i), Range: s.at, Format: model.Eksctl},
			Cluster: c,
		}
		e.PrincipalARN = s.str("principalARN", "")
		e.Policies = a.accessPolicies(s, path)
		c.AccessEntries = append(c.AccessEntries, e)
	}
}

// capabilityAccess reads capabilities[].accessPolicies: eksctl associates
// them with the access entry EKS creates for the capability's role
// (pkg/actions/capability, associateAccessPolicies). The principal is
// roleArn, or the role eksctl creates (Default "") when it is omitted.
func (a *adapter) capabilityAccess(top *scope, c *model.Cluster) {
	for i, raw := range top.items("capabilities") {
		path := indexed("capabilities", i)
		s := a.item(path, raw)
		if s == nil {
			continue
		}
		id := strconv.Itoa(i)
		if name := s.str("name", ""); name.Known() && name.Val != "" {
			id = name.Val
		}
		e := &model.AccessEntry{
			Object:  model.Object{Kind: "capability", Address: c.Address + "/capabilities/" + id, Range: s.at, Format: model.Eksctl},
			Cluster: c,
		}
		e.PrincipalARN = s.str("roleArn", "")
		if e.Policies = a.accessPolicies(s, path); len(e.Policies) > 0 {
			c.AccessEntries = append(c.AccessEntries, e)
		}
	}
}

// accessPolicies reads the accessPolicies[] of an access entry or a
// capability at path: policyARN and accessScope.type.
func (a *adapter) accessPolicies(s *scope, path string) []*model.AccessPolicy {
	var out []*model.AccessPolicy
	for j, praw := range s.items("accessPolicies") {
		ppath := indexed("accessPolicies", j)
		ps := a.item(path+"."+ppath, praw)
		if ps == nil {
			continue
		}
		p := &model.AccessPolicy{Path: ppath, Range: ps.at, PolicyARN: ps.str("policyARN", "")}
		p.ScopeType = ps.enter("accessScope").str("type", "")
		if p.ScopeType.IsDefault() {
			p.ScopeType = source.UnknownAt[string](p.ScopeType.Range) // eksctl requires it
		}
		out = append(out, p)
	}
	return out
}
