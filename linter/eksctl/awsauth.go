package eksctl

import (
	"strings"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// iamIdentityMappings, which eksctl writes into aws-auth.

// authMaps reads iamIdentityMappings[]: eksctl writes an item with account
// into mapAccounts, one with a user ARN into mapUsers and one with a role
// ARN into mapRoles (pkg/authconfigmap), always in kube-system.
func (a *adapter) authMaps(m *model.Model, top *scope, c *model.Cluster) {
	items := top.items("iamIdentityMappings")
	if len(items) == 0 {
		return
	}
	am := &model.AuthMap{
		Object:    model.Object{Kind: c.Kind, Address: c.Address, Range: c.Range, Format: model.Eksctl},
		Cluster:   c,
		Namespace: source.DefaultAt("kube-system", top.at),
	}
	for i, raw := range items {
		path := indexed("iamIdentityMappings", i)
		s := a.item(path, raw)
		if s == nil {
			a.warn(raw, "%s must be a mapping, not %s", path, describe(raw))
			continue
		}
		e := &model.AuthEntry{List: "iamIdentityMappings", Index: i, Range: s.at}
		arn := s.str("arn", "")
		e.Account = s.str("account", "")
		e.Username = s.str("username", "")
		e.Groups = s.strs("groups", nil)
		e.HasUsername = e.Username.IsSet()
		switch {
		case e.Account.IsSet():
			e.From = model.MapAccounts
		case arn.IsSet() && strings.Contains(arn.Val, ":user/"):
			e.From, e.ARN, e.ARNKey, e.HasARN = model.MapUsers, arn, "arn", true
		case arn.IsSet():
			e.From, e.ARN, e.ARNKey, e.HasARN = model.MapRoles, arn, "arn", true
		default:
			// serviceName mappings (EMR on EKS) and unknown values.
			e.From = model.IdentityMappings
		}
		if !e.Account.IsSet() {
			e.Account = source.Value[string]{}
		}
		am.Entries = append(am.Entries, e)
	}
	m.Access.AuthMaps = append(m.Access.AuthMaps, am)
}
