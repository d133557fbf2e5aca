package terraform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks inputs for IAM roles and policies.

// moduleIAM reads the roles the module creates for the cluster and, with
// Auto Mode (v20+), for its nodes, with the extra policies the call
// attaches to them: iam_role_additional_policies (a list in v18, a map
// from v19) and node_iam_role_additional_policies. The module attaches
// them only when it creates the role (create_iam_role,
// create_node_iam_role, default true). The roles are never complete: the
// module attaches policies of its own, and callers may attach more.
func (in eksInputs) moduleIAM(c *model.Cluster, out *Loaded) {
	defer in.callerAttachments(c, out)
	if create := in.boolean("create_iam_role", true); source.IsTrue(create) {
		r := in.moduleRole(c, c.Address+".iam_role", model.ClusterRole, "iam_role_additional_policies", "iam_role_permissions_boundary")
		c.Role = r
		out.Model.IAM.Roles = append(out.Model.IAM.Roles, r)
	}
	if in.major < 20 {
		return
	}
	auto := source.IsTrue(c.AutoModeCompute)
	if in.major >= 21 {
		if v := in.boolean("create_auto_mode_iam_resources", false); source.IsTrue(v) {
			auto = true
		}
	}
	if !auto || !source.IsTrue(in.boolean("create_node_iam_role", true)) {
		return
	}
	out.Model.IAM.Roles = append(out.Model.IAM.Roles, in.moduleRole(c, c.Address+".node_iam_role", model.NodeRole, "node_iam_role_additional_policies", "node_iam_role_permissions_boundary"))
}

// callerAttachments adds to the module's roles the policies the calling
// module attaches to them through the call's outputs:
// aws_iam_role_policy_attachment with role = module.NAME.cluster_iam_role_name,
// module.NAME.node_iam_role_name or
// module.NAME.eks_managed_node_groups["KEY"].iam_role_name (and
// self_managed_node_groups).
func (in eksInputs) callerAttachments(c *model.Cluster, out *Loaded) {
	m := in.m
	call := strings.TrimPrefix(c.Address, "module.")
	groups := map[string]*model.NodeGroup{}
	for _, g := range out.Model.NodeGroups {
		if g.Cluster == c && g.Role != nil {
			groups[g.Address] = g
		}
	}
	var nodeRole *model.Role
	for _, r := range out.Model.IAM.Roles {
		if r.Address == c.Address+".node_iam_role" {
			nodeRole = r
		}
	}
	for _, res := range m.resources {
		if res.typ != "aws_iam_role_policy_attachment" {
			continue
		}
		for _, inst := range m.instancesOf(res) {
			m.within(inst, func() {
				body := m.content(res.block.Body, roleAttachmentSchema)
				a, ok := body.Attributes["role"]
				if !ok {
					return
				}
				tr, ok := traversalOf(a.Expr)
				if !ok || tr.RootName() != "module" || len(tr) < 3 || attrName(tr[1]) != call {
					return
				}
				var role *model.Role
				switch out := attrName(tr[2]); {
				case out == "cluster_iam_role_name" && len(tr) == 3:
					role = c.Role
				case out == "node_iam_role_name" && len(tr) == 3:
					role = nodeRole
				case (out == "eks_managed_node_groups" || out == "self_managed_node_groups") && len(tr) == 5 && attrName(tr[4]) == "iam_role_name":
					idx, ok := tr[3].(hcl.TraverseIndex)
					if !ok || !idx.Key.IsKnown() || idx.Key.Type() != cty.String {
						return
					}
					if g := groups[fmt.Sprintf("%s.%s[%q]", c.Address, out, idx.Key.AsString())]; g != nil {
						role = g.Role
					}
				}
				if role == nil {
					return
				}
				if p, ok := body.Attributes["policy_arn"]; ok {
					role.Policies = append(role.Policies, m.arnValue(p.Expr, rangeOf(p.Range)))
				}
				role.Users = append(role.Users, rangeOf(a.Range))
			})
		}
	}
}

// attrName is the name of an attribute step of a traversal ("" for
// another kind of step).
func attrName(t hcl.Traverser) string {
	switch s := t.(type) {
	case hcl.TraverseAttr:
		return s.Name
	case hcl.TraverseRoot:
		return s.Name
	}
	return ""
}

// moduleRole is a role the module creates, with the policy ARNs of input.
func (in eksInputs) moduleRole(c *model.Cluster, address string, use model.RoleUse, input, boundary string) *model.Role {
	r := &model.Role{Object: model.Object{Kind: "module", Address: address, Range: in.header, Format: model.Module, Names: c.Names, Note: c.Note}, Use: use}
	if _, a, ok := in.input(input); ok {
		r.Policies = in.m.policyInput(a)
	}
	_, b, _ := in.input(boundary)
	r.Boundary = in.m.boundary(b, in.header)
	return r
}

// policyInput reads a list or map of policy ARNs passed to the module,
// each element located where it is written when the call writes it out.
func (m *module) policyInput(a *hcl.Attribute) []source.Value[string] {
	r := rangeOf(a.Range)
	switch e := a.Expr.(type) {
	case *hclsyntax.TupleConsExpr:
		out := make([]source.Value[string], 0, len(e.Exprs))
		for _, x := range e.Exprs {
			out = append(out, m.arnValue(x, rangeOf(x.Range())))
		}
		return out
	case *hclsyntax.ObjectConsExpr:
		out := make([]source.Value[string], 0, len(e.Items))
		for _, item := range e.Items {
			out = append(out, m.arnValue(item.ValueExpr, rangeOf(item.ValueExpr.Range())))
		}
		return out
	}
	return policyValues(m.eval(a.Expr), r)
}

// policyValues reads the elements of a list or map of ARNs, all located at r.
func policyValues(v cty.Value, r source.Range) []source.Value[string] {
	if !v.IsKnown() {
		return []source.Value[string]{source.UnknownAt[string](r)}
	}
	if v.IsNull() || !v.CanIterateElements() {
		return nil
	}
	type kv struct {
		k string
		v source.Value[string]
	}
	var out []kv
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		key := ""
		if k.IsKnown() && k.Type() == cty.String {
			key = k.AsString()
		}
		if !e.IsKnown() || e.IsNull() || e.Type() != cty.String {
			out = append(out, kv{key, source.UnknownAt[string](r)})
			continue
		}
		out = append(out, kv{key, source.SetAt(normalARN(e.AsString()), r)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].k < out[j].k })
	vals := make([]source.Value[string], len(out))
	for i, x := range out {
		vals[i] = x.v
	}
	return vals
}

// groupIAM reads the role the node group submodule creates
// (create_iam_role, default true): the policies it attaches itself
// (AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly and,
// with iam_role_attach_cni_policy (default true), the CNI policy for the
// cluster's IP family), and iam_role_additional_policies. Never complete:
// callers may attach more.
func (in eksInputs) groupIAM(ng *model.NodeGroup, kind string, get groupGetter) {
	ng.RoleAt = ng.Range
	if v, _, ok := get("create_iam_role"); ok && !(v.IsKnown() && v.Type() == cty.Bool && v.True()) {
		return
	}
	r := &model.Role{Object: model.Object{Kind: "module", Address: ng.Address + ".iam_role", Range: ng.Range, Format: model.Module, Names: ng.Names, Note: ng.Note}, Use: model.NodeRole}
	for _, name := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly"} {
		r.Policies = append(r.Policies, source.DefaultAt(iampolicy.ManagedARN(name), ng.Range))
	}
	// The CNI policy points at iam_role_attach_cni_policy when it is
	// written (for EKS-NG-053), else at the group.
	cniARN := iampolicy.ManagedARN(in.cniPolicy())
	switch v, at, ok := get("iam_role_attach_cni_policy"); {
	case !ok:
		r.Policies = append(r.Policies, source.DefaultAt(cniARN, ng.Range))
	case !v.IsKnown() || v.Type() != cty.Bool:
		r.Policies = append(r.Policies, source.UnknownAt[string](at))
	case v.True():
		r.Policies = append(r.Policies, source.SetAt(cniARN, at))
	}
	if v, at, ok := get("iam_role_additional_policies"); ok {
		r.Policies = append(r.Policies, policyValues(v, at)...)
	}
	r.Boundary = source.DefaultAt(false, ng.Range)
	if v, at, ok := get("iam_role_permissions_boundary"); ok && !(v.IsKnown() && v.Type() == cty.String && v.AsString() == "") {
		r.Boundary = source.SetAt(true, at)
	}
	ng.Role = r
	r.Users = append(r.Users, ng.Range)
}

// cniPolicy is the CNI policy for the cluster's IP family (ipv4 unless the
// call says ipv6).
func (in eksInputs) cniPolicy() string {
	name := "cluster_ip_family"
	if in.major >= 21 {
		name = "ip_family"
	}
	if v := in.str(name, "ipv4"); v.Known() && v.Val == "ipv6" {
		return "AmazonEKS_CNI_IPv6_Policy"
	}
	return "AmazonEKS_CNI_Policy"
}
