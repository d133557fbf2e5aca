package eksctl

import (
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Kubernetes version, upgrade policy and add-ons.

// defaultSupportType is eksctl's DefaultSupportType (and the EKS API's).
const defaultSupportType = "EXTENDED"

// versions reads upgradePolicy.supportType and addons[]. Node groups of a
// ClusterConfig have no version of their own: they follow the cluster.
func (a *adapter) versions(m *model.Model, top *scope, c *model.Cluster) {
	c.UpgradeSupportType = top.enter("upgradePolicy").str("supportType", defaultSupportType)
	for _, g := range m.NodeGroups {
		if g.Cluster == c {
			g.Version = source.DefaultAt("", g.Range)
		}
	}
	withOIDC := top.enter("iam").boolean("withOIDC", false)
	autoPodIdentity := quietBool(top.enter("addonsConfig"), "autoApplyPodIdentityAssociations")
	for i, raw := range top.items("addons") {
		path := indexed("addons", i)
		s := a.item(path, raw)
		if s == nil {
			a.warn(raw, "%s must be a mapping, not %s", path, describe(raw))
			continue
		}
		ad := a.addon(s, c, i, withOIDC, autoPodIdentity)
		c.Addons = append(c.Addons, ad)
		m.Addons = append(m.Addons, ad)
	}
}

// addon reads one addons[] entry. version "latest" is MostRecent (and no
// explicit version); an omitted version is EKS's default for the cluster.
func (a *adapter) addon(s *scope, c *model.Cluster, i int, withOIDC, autoPodIdentity source.Value[bool]) *model.Addon {
	ad := &model.Addon{Object: model.Object{Kind: "addon", Range: s.at, Format: model.Eksctl}, Cluster: c}
	id := strconv.Itoa(i)
	if n := quietStr(s, "name"); n.IsSet() && n.Val != "" {
		ad.Name, id = n.Val, n.Val
	}
	ad.Address = c.Address + "/addons/" + id
	ad.Version = quietStr(s, "version")
	ad.MostRecent = source.DefaultAt(false, ad.Version.Range)
	if ad.Version.IsSet() && strings.EqualFold(strings.TrimSpace(ad.Version.Val), "latest") {
		ad.MostRecent = source.SetAt(true, ad.Version.Range)
		ad.Version = source.DefaultAt("", ad.Version.Range)
	}
	ad.Configuration = quietStr(s, "configurationValues")
	ad.Role = a.addonRole(s, ad.Name, withOIDC, autoPodIdentity)
	return ad
}

// addonRole is the role the add-on's service account gets: an ARN given
// (serviceAccountRoleARN, podIdentityAssociations[].roleARN), or one eksctl
// creates (attachPolicyARNs, attachPolicy, wellKnownPolicies, a pod
// identity association with permission policies; for vpc-cni with
// iam.withOIDC or addonsConfig.autoApplyPodIdentityAssociations, the
// recommended AmazonEKS_CNI_Policy role). Default "" otherwise: the add-on
// runs with the node role.
func (a *adapter) addonRole(s *scope, name string, withOIDC, autoPodIdentity source.Value[bool]) source.Value[string] {
	if arn := quietStr(s, "serviceAccountRoleARN"); !arn.Known() || arn.Val != "" {
		return arn
	}
	for _, key := range []string{"attachPolicyARNs", "attachPolicy", "wellKnownPolicies"} {
		if p, ok, bad := s.field(key); bad {
			return source.UnknownAt[string](s.badAt)
		} else if ok && nonEmpty(p.Val) {
			return source.SetAt("a role eksctl creates from "+key, a.keyValue(p))
		}
	}
	if p, ok, _ := s.field("podIdentityAssociations"); ok && p.Val.Kind == yaml.SequenceNode && len(p.Val.Content) > 0 {
		first := yamldoc.Deref(p.Val.Content[0])
		if first == nil || first.Kind != yaml.MappingNode {
			return source.UnknownAt[string](a.keyValue(p))
		}
		pi := a.top(s.sub("podIdentityAssociations[0]"), first, a.header(p.Val.Content[0]))
		if arn := quietStr(pi, "roleARN"); !arn.Known() || arn.Val != "" {
			return arn
		}
		return source.SetAt("a role eksctl creates for the pod identity association", a.keyValue(p))
	}
	if name == "vpc-cni" {
		for _, v := range []source.Value[bool]{withOIDC, autoPodIdentity} {
			if source.IsTrue(v) {
				return source.DefaultAt("a role eksctl creates with AmazonEKS_CNI_Policy", v.Range)
			}
		}
		if !withOIDC.Known() || !autoPodIdentity.Known() {
			return source.UnknownAt[string](s.at)
		}
	}
	return source.DefaultAt("", s.at)
}

// nonEmpty reports whether n is a non-empty sequence or mapping, or a
// non-empty scalar.
func nonEmpty(n *yaml.Node) bool {
	if n == nil {
		return false
	}
	switch n.Kind {
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) > 0
	case yaml.ScalarNode:
		return n.Tag != "!!null" && n.Value != ""
	}
	return false
}

// quietStr reads a string key of an add-on entry, Default "" when omitted.
// A value of another type is Unknown without a warning of its own: the
// schema check (EKS-META-001) reports it, with what eksctl makes of it.
func quietStr(s *scope, key string) source.Value[string] {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[string](s.badAt)
	case !ok:
		return source.DefaultAt("", s.missing(p))
	case kindOf(p.Raw) == stringScalar:
		return source.SetAt(yamldoc.Deref(p.Raw).Value, s.a.keyValue(p))
	}
	return source.UnknownAt[string](s.a.keyValue(p))
}

// quietBool is quietStr for a boolean, Default false.
func quietBool(s *scope, key string) source.Value[bool] {
	p, ok, bad := s.field(key)
	switch {
	case bad:
		return source.UnknownAt[bool](s.badAt)
	case !ok:
		return source.DefaultAt(false, s.missing(p))
	}
	if b, isBool := boolOf(p.Raw); isBool {
		return source.SetAt(b, s.a.keyValue(p))
	}
	return source.UnknownAt[bool](s.a.keyValue(p))
}
