package eksctl

import (
	"strconv"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// IAM: the roles eksctl creates for the cluster and node groups, and the policies attached.

// iam reads the roles eksctl creates for service accounts, Pod Identity
// associations and add-ons, and finishes the node roles groupIAM made:
// with iam.withOIDC eksctl gives aws-node a role of its own and leaves the
// CNI policy off the node role (pkg/cfn/builder/iam_helper.go,
// makeManagedPolicies).
func (a *adapter) iam(m *model.Model, top *scope, c *model.Cluster) {
	iam := top.enter("iam")
	withOIDC := iam.boolean("withOIDC", false)
	cni := withOIDC
	if !source.IsTrue(cni) {
		if at, ok := a.cniOwnRole(top, iam); ok {
			cni = source.SetAt(true, at)
		}
	}
	for _, g := range m.NodeGroups {
		r := g.Role
		if r == nil || g.Format != model.Eksctl {
			continue
		}
		r.CNIElsewhere = cni
		if !cni.Known() {
			r.Complete = false
		}
		if defaultsOnly(r) && source.IsFalse(withOIDC) {
			r.Policies = append(r.Policies, source.DefaultAt(cniPolicyARN, r.Range))
		}
		m.IAM.Roles = append(m.IAM.Roles, r)
	}
	for i, raw := range iam.items("serviceAccounts") {
		s := a.item(iam.sub(indexed("serviceAccounts", i)), raw)
		if s == nil {
			continue
		}
		meta := s.enter("metadata")
		name, ns := meta.str("name", ""), meta.str("namespace", "default")
		id := strconv.Itoa(i)
		if name.Known() && name.Val != "" && ns.Known() {
			id = ns.Val + "/" + name.Val
		}
		a.workloadRole(m, s, "iamServiceAccount", c.Address+"/iam/serviceAccounts/"+id, "attachRoleARN", "attachPolicyARNs", "attachPolicy", "permissionsBoundary")
	}
	for i, raw := range iam.items("podIdentityAssociations") {
		s := a.item(iam.sub(indexed("podIdentityAssociations", i)), raw)
		if s == nil {
			continue
		}
		id := strconv.Itoa(i)
		if name, ns := s.str("serviceAccountName", ""), s.str("namespace", ""); name.Known() && name.Val != "" && ns.Known() {
			id = ns.Val + "/" + name.Val
		}
		a.workloadRole(m, s, "podIdentityAssociation", c.Address+"/iam/podIdentityAssociations/"+id, "roleARN", "permissionPolicyARNs", "permissionPolicy", "permissionsBoundaryARN")
	}
	// Add-ons, and EKS capabilities (ACK, kro, Argo CD), which run
	// controllers with a role eksctl creates unless roleArn is given; both
	// are known by name.
	for _, list := range []struct{ key, kind, roleKey string }{
		{"addons", "addon", "serviceAccountRoleARN"},
		{"capabilities", "capability", "roleArn"},
	} {
		for i, raw := range top.items(list.key) {
			s := a.item(indexed(list.key, i), raw)
			if s == nil {
				continue
			}
			id := strconv.Itoa(i)
			if name := s.str("name", ""); name.Known() && name.Val != "" {
				id = name.Val
			}
			a.workloadRole(m, s, list.kind, c.Address+"/"+list.key+"/"+id, list.roleKey, "attachPolicyARNs", "attachPolicy", "permissionsBoundary")
		}
	}
}

// cniOwnRole finds what may give aws-node a role of its own besides
// withOIDC: addonsConfig.autoApplyPodIdentityAssociations, a vpc-cni
// add-on with a role, policies or Pod Identity associations, or an
// iam.podIdentityAssociations entry for aws-node.
func (a *adapter) cniOwnRole(top, iam *scope) (source.Range, bool) {
	if v := top.enter("addonsConfig").boolean("autoApplyPodIdentityAssociations", false); v.Known() && v.Val {
		return v.Range, true
	}
	for i, raw := range top.items("addons") {
		s := a.item(indexed("addons", i), raw)
		if s == nil {
			continue
		}
		if name := s.str("name", ""); !name.Known() || name.Val != "vpc-cni" {
			continue
		}
		for _, k := range []string{"serviceAccountRoleARN", "attachPolicyARNs", "attachPolicy", "wellKnownPolicies", "podIdentityAssociations", "useDefaultPodIdentityAssociations"} {
			if p, ok, _ := s.field(k); ok {
				return a.keyValue(p), true
			}
		}
	}
	for i, raw := range iam.items("podIdentityAssociations") {
		s := a.item(indexed("iam.podIdentityAssociations", i), raw)
		if s == nil {
			continue
		}
		if sa := s.str("serviceAccountName", ""); !sa.Known() || sa.Val == "aws-node" {
			return s.at, true
		}
	}
	return source.Range{}, false
}

// boundary reads a permissions boundary key: set unless omitted or empty.
func boundary(s *scope, key string) source.Value[bool] {
	v := s.str(key, "")
	if v.Known() && v.Val == "" {
		return source.DefaultAt(false, v.Range)
	}
	return source.SetAt(true, v.Range)
}

// defaultsOnly reports whether every policy of an eksctl node role is one
// eksctl adds by itself (attachPolicyARNs was not given).
func defaultsOnly(r *model.Role) bool {
	for _, p := range r.Policies {
		if p.IsSet() {
			return false
		}
	}
	return true
}

// workloadRole reads a role eksctl creates for pods: its policy ARNs and
// inline policy document. A role given by ARN is not eksctl's to judge.
func (a *adapter) workloadRole(m *model.Model, s *scope, kind, address, roleKey, arnsKey, docKey, boundaryKey string) {
	if ext := s.str(roleKey, ""); !ext.Known() || ext.Val != "" {
		return
	}
	r := &model.Role{Object: model.Object{Kind: kind, Address: address, Range: s.at, Format: model.Eksctl}, Use: model.WorkloadRole}
	list := s.strs(arnsKey, nil)
	r.Policies = append(r.Policies, list.Val...)
	a.policyDocument(r, s, docKey)
	r.Boundary = boundary(s, boundaryKey)
	// eksctl may add well-known policies of its own: never complete.
	if len(r.Policies) == 0 && len(r.Statements) == 0 {
		return
	}
	m.IAM.Roles = append(m.IAM.Roles, r)
}

// The AWS managed policies eksctl attaches by itself, joined once rather
// than for every node group.
var (
	workerNodePolicyARN  = iampolicy.ManagedARN("AmazonEKSWorkerNodePolicy")
	registryReadOnlyARN  = iampolicy.ManagedARN("AmazonEC2ContainerRegistryReadOnly")
	registryPowerUserARN = iampolicy.ManagedARN("AmazonEC2ContainerRegistryPowerUser")
	ssmCoreARN           = iampolicy.ManagedARN("AmazonSSMManagedInstanceCore")
	cloudWatchAgentARN   = iampolicy.ManagedARN("CloudWatchAgentServerPolicy")
	cniPolicyARN         = iampolicy.ManagedARN("AmazonEKS_CNI_Policy")
)

// groupIAM reads a node group's iam: the policies eksctl attaches to the
// role it creates (makeManagedPolicies): with no attachPolicyARNs,
// AmazonEKSWorkerNodePolicy, AmazonSSMManagedInstanceCore and, for managed
// groups, AmazonEC2ContainerRegistryReadOnly (the CNI policy is added in
// iam, which knows withOIDC); with attachPolicyARNs only those, plus
// AmazonEC2ContainerRegistryReadOnly for unmanaged groups; then
// withAddonPolicies.imageBuilder's AmazonEC2ContainerRegistryPowerUser
// (instead of ReadOnly for unmanaged groups) and cloudWatch's
// CloudWatchAgentServerPolicy. An instanceRoleARN (or an unmanaged group's
// instanceProfileARN) is a role eksctl does not create: no role.
func (a *adapter) groupIAM(parts *groupParts, ng *scope, kind string) {
	g := &parts.group
	iam := ng.enter("iam")
	g.RoleAt = iam.at
	for _, k := range []string{"instanceRoleARN", "instanceProfileARN"} {
		if ext := iam.str(k, ""); !ext.Known() || ext.Val != "" {
			return
		}
	}
	managed := kind == "managedNodeGroup"
	r := &parts.role
	*r = model.Role{Object: model.Object{Kind: "nodeInstanceRole", Address: g.Address + "/iam", Range: iam.at, Format: model.Eksctl}, Use: model.NodeRole,
		Users: parts.users[:0]}
	r.Name = iam.str("instanceRoleName", "")
	list := iam.strs("attachPolicyARNs", nil)
	r.Complete = list.Known()
	implied := func(arn string, at source.Range) {
		r.Policies = append(r.Policies, source.DefaultAt(arn, at))
	}
	if list.Known() && len(list.Val) > 0 {
		g.RoleAt = list.Range
		// Room for the list and the two policies withAddonPolicies may add.
		r.Policies = make([]source.Value[string], 0, len(list.Val)+2)
		for _, p := range list.Val {
			if !p.Known() {
				r.Complete = false
			}
			r.Policies = append(r.Policies, p)
		}
	} else {
		// Room for the (at most) three defaults, the two policies
		// withAddonPolicies may add and the CNI policy iam may add.
		r.Policies = make([]source.Value[string], 0, 6)
		implied(workerNodePolicyARN, list.Range)
		if managed {
			implied(registryReadOnlyARN, list.Range)
		}
		implied(ssmCoreARN, list.Range)
	}
	addons := iam.enter("withAddonPolicies")
	switch ib := addons.boolean("imageBuilder", false); {
	case !ib.Known():
		r.Complete = false
	case ib.Val:
		implied(registryPowerUserARN, ib.Range)
	case !managed:
		implied(registryReadOnlyARN, list.Range)
	}
	if cw := addons.boolean("cloudWatch", false); source.IsTrue(cw) {
		implied(cloudWatchAgentARN, cw.Range)
	}
	a.policyDocument(r, iam, "attachPolicy")
	r.Boundary = boundary(iam, "instanceRolePermissionsBoundary")
	g.Role = r
	r.Users = append(r.Users, g.Range)
}

// policyDocument reads an inline policy document (attachPolicy) into the
// role's statements, each located at its list item.
func (a *adapter) policyDocument(r *model.Role, s *scope, key string) {
	p, ok, _ := s.field(key)
	if !ok {
		return
	}
	if p.Val.Kind != yaml.MappingNode {
		r.Complete = false
		return
	}
	budget := 10000
	doc, ok := iampolicy.Parse(a.tree(p.Val, &budget))
	if !ok || !doc.Complete {
		r.Complete = false
	}
	var items []*yaml.Node
	if st, found := a.lookup(p.Val, "Statement"); found && st.Val.Kind == yaml.SequenceNode {
		items = st.Val.Content
	}
	name := s.sub(key)
	for _, st := range doc.Statements {
		at := a.keyValue(p)
		if st.Index < len(items) {
			at = a.header(items[st.Index])
		}
		r.Statements = append(r.Statements, model.PolicyStatement{Policy: name, Range: at, Effect: st.Effect,
			Actions: st.Actions, NotAction: st.NotAction, Resources: st.Resources, NotResource: st.NotResource})
	}
}

// tree turns a YAML value into the plain tree iampolicy reads; past the
// budget (aliases can make a small file huge) values are unknown.
func (a *adapter) tree(n *yaml.Node, budget *int) any {
	n = yamldoc.Deref(n)
	*budget--
	if n == nil || *budget < 0 {
		return iampolicy.Unknown{}
	}
	switch n.Kind {
	case yaml.MappingNode:
		out := map[string]any{}
		for _, p := range entries(n) {
			out[p.Key.Value] = a.tree(p.Raw, budget)
		}
		return out
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			out = append(out, a.tree(e, budget))
		}
		return out
	case yaml.ScalarNode:
		if kindOf(n) == nullScalar {
			return nil
		}
		return n.Value
	}
	return iampolicy.Unknown{}
}
