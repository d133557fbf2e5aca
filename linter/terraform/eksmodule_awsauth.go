package terraform

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks aws-auth inputs (v19 root, v20 //modules/aws-auth).

// authInputs names one version's aws-auth inputs.
type authInputs struct {
	roles, users, accounts string
}

var (
	// v17: map_roles, map_users, map_accounts, written when
	// manage_aws_auth (default true).
	authInputsV17 = authInputs{roles: "map_roles", users: "map_users", accounts: "map_accounts"}
	// v18–v19 root and the v20 //modules/aws-auth submodule.
	authInputsV18 = authInputs{roles: "aws_auth_roles", users: "aws_auth_users", accounts: "aws_auth_accounts"}
)

// moduleAuthMaps reads the aws-auth inputs of a call of the root module.
// v17 writes them unless manage_aws_auth (or create_eks) is false; v18
// and v19 only with manage_aws_auth_configmap or create_aws_auth_configmap
// (both default false, variables.tf) and create (default true); v20 moved
// them to the aws-auth submodule and v21 removed it.
func (in eksInputs) moduleAuthMaps(c *model.Cluster, out *Loaded) {
	var on, create source.Value[bool]
	names := authInputsV18
	switch {
	case in.major <= 17:
		names = authInputsV17
		on, create = in.boolean("manage_aws_auth", true), in.boolean("create_eks", true)
	case in.major <= 19:
		on = anyTrue(in.boolean("manage_aws_auth_configmap", false), in.boolean("create_aws_auth_configmap", false))
		create = in.boolean("create", true)
	default:
		return
	}
	if !source.IsTrue(on) || !source.IsTrue(create) {
		return
	}
	am := &model.AuthMap{
		Object:    model.Object{Kind: "module", Address: c.Address, Range: c.Range, Format: model.Module, Note: c.Note},
		Cluster:   c,
		Namespace: source.DefaultAt("kube-system", in.header),
	}
	in.authEntries(am, names)
	out.Model.Access.AuthMaps = append(out.Model.Access.AuthMaps, am)
}

// eksAuthSubmodule reads a call of the v20 //modules/aws-auth submodule:
// it writes aws-auth when create (default true) and either
// manage_aws_auth_configmap (default true) or create_aws_auth_configmap
// (default false) hold (modules/aws-auth/variables.tf).
func (m *module) eksAuthSubmodule(b *hcl.Block, attrs hcl.Attributes, src string, out *Loaded) {
	in, note := m.eksInputsOf(b, attrs, src)
	am := &model.AuthMap{
		Object:    model.Object{Kind: "module", Address: "module." + b.Labels[0], Range: in.header, Format: model.Module, Note: note},
		Namespace: source.DefaultAt("kube-system", in.header),
	}
	// A call with count or for_each is read once, as a representative.
	m.within(instance{scope: callScope(attrs)}, func() {
		on := anyTrue(in.boolean("manage_aws_auth_configmap", true), in.boolean("create_aws_auth_configmap", false))
		if create := in.boolean("create", true); !source.IsTrue(create) || !source.IsTrue(on) {
			return
		}
		in.authEntries(am, authInputsV18)
		out.Model.Access.AuthMaps = append(out.Model.Access.AuthMaps, am)
	})
}

// authEntries reads the roles, users and accounts inputs into am.
func (in eksInputs) authEntries(am *model.AuthMap, names authInputs) {
	for _, l := range []struct{ from, input string }{
		{model.MapRoles, names.roles}, {model.MapUsers, names.users}, {model.MapAccounts, names.accounts},
	} {
		if a, ok := in.attrs[l.input]; ok {
			in.m.authExpr(am, l.from, l.input, a.Expr, rangeOf(a.Range))
		}
	}
}

// anyTrue is true when one of vs is known true, false when all are known
// false, and unknown otherwise.
func anyTrue(vs ...source.Value[bool]) source.Value[bool] {
	known := true
	for _, v := range vs {
		if source.IsTrue(v) {
			return v
		}
		known = known && v.Known()
	}
	if known {
		return vs[0]
	}
	return source.Value[bool]{}
}
