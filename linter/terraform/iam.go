package terraform

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// IAM roles of clusters and node groups, their attachments and policies.

var (
	iamRoleSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "name_prefix"}, {Name: "managed_policy_arns"}, {Name: "assume_role_policy"}, {Name: "permissions_boundary"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "inline_policy"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	inlinePolicySchema    = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "policy"}}}
	roleAttachmentSchema  = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "role"}, {Name: "policy_arn"}}}
	policyAttachSchema    = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "roles"}, {Name: "policy_arn"}}}
	exclusiveAttachSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "role_name"}, {Name: "policy_arns"}}}
	rolePolicySchema      = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "role"}, {Name: "policy"}, {Name: "name"}}}
	policySchema          = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "policy"}}}
	clusterRoleSchema     = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "role_arn"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "compute_config"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	nodeRoleSchema      = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "node_role_arn"}}}
	workloadRoleSchemas = map[string]*hcl.BodySchema{
		"aws_eks_pod_identity_association": {Attributes: []hcl.AttributeSchema{{Name: "role_arn"}}},
		"aws_eks_addon":                    {Attributes: []hcl.AttributeSchema{{Name: "service_account_role_arn"}}},
		"aws_eks_fargate_profile":          {Attributes: []hcl.AttributeSchema{{Name: "pod_execution_role_arn"}}},
	}
	dataTopSchema   = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "data", LabelNames: []string{"type", "name"}}}}
	policyDocSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "source_policy_documents"}, {Name: "override_policy_documents"}, {Name: "source_json"}, {Name: "override_json"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "statement"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	docStmtSchema    = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "sid"}, {Name: "effect"}, {Name: "actions"}, {Name: "not_actions"}, {Name: "resources"}, {Name: "not_resources"}}}
	dataPolicySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "arn"}, {Name: "name"}, {Name: "path_prefix"}}}
)

// iamState is what adaptIAM gathers about one module.
type iamState struct {
	m     *module
	roles map[string]*model.Role // by instance address
	order []*model.Role
	// incomplete holds roles that may get policies that cannot be seen;
	// all is set when an attachment names a role that cannot be resolved
	// (then any role of the module may be its target).
	incomplete map[*model.Role]bool
	all        bool
	// data are the module's data blocks, by address (data.TYPE.NAME).
	data map[string]*hcl.Block
	// cni is where the VPC CNI may be given a role of its own (a Pod
	// Identity association for aws-node).
	cni *source.Range
	// byName and unnamed index roles by name (see indexNames).
	byName  map[string][]*model.Role
	unnamed []*model.Role
	// trust caches workloadTrust by the trust policy's source range.
	trust map[hcl.Range]bool
	// parsed caches the policy documents read from JSON text, by text.
	parsed map[string]parsedDoc
}

// parsedDoc is a policy document read from JSON text; ok is false when the
// text is not a JSON object.
type parsedDoc struct {
	doc iampolicy.Document
	ok  bool
}

var (
	podIdentitySASchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "service_account"}, {Name: "namespace"}}}
)

// cniRole notes a resource that may give the VPC CNI (aws-node) a role of
// its own: a Pod Identity association whose service account is or may be
// aws-node. The node roles then need no CNI policy. (A vpc-cni add-on's
// role is in Cluster.Addons, read by the add-on adapter.)
func (s *iamState) cniRole(r *resource, at source.Range) {
	if r.typ != "aws_eks_pod_identity_association" || s.cni != nil {
		return
	}
	c := s.m.content(r.block.Body, podIdentitySASchema)
	if sa := s.m.stringAttr(c, "service_account", "", at); !sa.Known() || sa.Val == "aws-node" {
		s.cni = &at
	}
}

// adaptIAM reads the module's IAM roles, what is attached to them, and
// links them to the clusters and node groups that use them.
func (m *module) adaptIAM(out *model.Model, l *links) {
	s := &iamState{m: m, roles: map[string]*model.Role{}, incomplete: map[*model.Role]bool{}, data: m.dataBlocks()}
	m.eachInstance("aws_iam_role", s.role)
	if len(s.order) == 0 {
		return
	}
	for _, r := range m.resources {
		m.eachInstanceOf(r, func(in instance) { s.attachment(r, in, l) })
	}
	s.exposed()
	for _, role := range s.order {
		if role.Use == model.NodeRole {
			role.CNIElsewhere = source.DefaultAt(false, role.Range)
			if s.cni != nil {
				role.CNIElsewhere = source.SetAt(true, *s.cni)
			}
		}
		role.Complete = !s.all && !s.incomplete[role]
		for _, p := range role.Policies {
			if !p.Known() {
				role.Complete = false
			}
		}
	}
	out.IAM.Roles = append(out.IAM.Roles, s.order...)
}

// exposed marks the roles that other configuration can attach policies to
// out of this module's sight: roles passed to a module call, and, in a
// child module, roles its outputs expose to the caller.
func (s *iamState) exposed() {
	m := s.m
	var exprs []hcl.Expression
	for _, b := range m.modules {
		attrs, _ := b.Body.JustAttributes()
		for _, a := range attrs {
			exprs = append(exprs, a.Expr)
		}
	}
	if m.key != "" {
		files := m.parser.Files()
		for _, name := range sortedKeys(files) {
			c, _ := partialContent(files[name].Body, outputTopSchema)
			for _, b := range c.Blocks {
				attrs, _ := b.Body.JustAttributes()
				if a, ok := attrs["value"]; ok {
					exprs = append(exprs, a.Expr)
				}
			}
		}
	}
	for _, e := range exprs {
		for _, tr := range e.Variables() {
			if tr.RootName() != "aws_iam_role" || len(tr) < 2 {
				continue
			}
			name, ok := tr[1].(hcl.TraverseAttr)
			if !ok {
				continue
			}
			addr := "aws_iam_role." + name.Name
			for _, role := range s.order {
				if role.Address == addr || strings.HasPrefix(role.Address, addr+"[") {
					s.incomplete[role] = true
				}
			}
		}
	}
}

var outputTopSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "output", LabelNames: []string{"name"}}}}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dataBlocks collects the data blocks of the module's configuration files
// (the declaration step keeps only resources).
func (m *module) dataBlocks() map[string]*hcl.Block {
	var out map[string]*hcl.Block // most modules have none: nil, to look up in, until one
	files := m.parser.Files()
	for _, name := range sortedKeys(files) {
		if !strings.HasSuffix(name, ".tf") && !strings.HasSuffix(name, ".tf.json") {
			continue
		}
		c, _ := partialContent(files[name].Body, dataTopSchema)
		for _, b := range c.Blocks {
			addr := "data." + b.Labels[0] + "." + b.Labels[1]
			if _, dup := out[addr]; !dup {
				if out == nil {
					out = map[string]*hcl.Block{}
				}
				out[addr] = b
			}
		}
	}
	return out
}

func (s *iamState) role(r *resource, in instance) {
	m := s.m
	header := rangeOf(r.block.DefRange)
	role := &model.Role{Object: model.Object{Kind: r.typ, Address: in.address, Range: header, Format: model.Terraform}}
	body := m.content(r.block.Body, iamRoleSchema)
	role.Name = m.stringAttr(body, "name", "", header)
	if _, ok := body.Attributes["name_prefix"]; ok && role.Name.IsDefault() {
		role.Name = source.UnknownAt[string](header)
	}
	if a, ok := body.Attributes["managed_policy_arns"]; ok {
		arns, stmts := s.policyList(a.Expr)
		role.Policies = append(role.Policies, arns...)
		role.Statements = append(role.Statements, stmts...)
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "inline_policy":
			c := m.content(b.Body, inlinePolicySchema)
			if a, ok := c.Attributes["policy"]; ok {
				s.statementsInto(role, a, "an inline policy of "+in.address)
			}
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "inline_policy":
			s.incomplete[role] = true
		}
	}
	role.Boundary = m.boundary(body.Attributes["permissions_boundary"], header)
	if a, ok := body.Attributes["assume_role_policy"]; ok && s.workloadTrust(a.Expr) {
		role.Use = model.WorkloadRole
	}
	s.roles[in.address] = role
	s.order = append(s.order, role)
}

// boundary reads a permissions boundary attribute: set unless omitted,
// null or empty.
func (m *module) boundary(a *hcl.Attribute, at source.Range) source.Value[bool] {
	if a == nil {
		return source.DefaultAt(false, at)
	}
	r := rangeOf(a.Range)
	v := m.eval(a.Expr)
	if v.IsKnown() && (v.IsNull() || (v.Type() == cty.String && v.AsString() == "")) {
		return source.DefaultAt(false, r)
	}
	return source.SetAt(true, r)
}

// statementsInto adds a policy's statements to role; a policy that cannot
// be read leaves the role incomplete.
func (s *iamState) statementsInto(role *model.Role, a *hcl.Attribute, name string) {
	stmts, ok := s.document(a.Expr, name)
	role.Statements = append(role.Statements, stmts...)
	if !ok {
		s.incomplete[role] = true
	}
}

// workloadTrust reports whether a trust policy lets pods assume the role:
// it names an EKS OIDC issuer or provider (IRSA) or the Pod Identity
// service. The policy is read as written, references included.
func (s *iamState) workloadTrust(expr hcl.Expression) bool {
	// The answer is the source's, the same for every instance: a role
	// with thousands of instances and a long trust policy is read once.
	if v, ok := s.trust[expr.Range()]; ok {
		return v
	}
	v := s.readTrust(expr)
	if s.trust == nil {
		s.trust = map[hcl.Range]bool{}
	}
	s.trust[expr.Range()] = v
	return v
}

func (s *iamState) readTrust(expr hcl.Expression) bool {
	text := s.text(expr.Range())
	if tr, ok := traversalOf(expr); ok && tr.RootName() == "data" && len(tr) >= 3 {
		if b := s.data[dataAddress(tr)]; b != nil {
			text += s.text(blockRange(b))
		}
	}
	for _, marker := range []string{"oidc.eks.", "pods.eks.amazonaws.com", "system:serviceaccount:", "identity[0].oidc", "identity.0.oidc"} {
		if strings.Contains(text, marker) {
			return true
		}
	}
	return false
}

// blockRange is a block's whole extent, header through closing brace,
// where the syntax can tell.
func blockRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.DefRange, sb.SrcRange)
	}
	return b.DefRange
}

// text returns the source text of r.
func (s *iamState) text(r hcl.Range) string {
	f := s.m.parser.Files()[r.Filename]
	if f == nil || r.End.Byte > len(f.Bytes) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(f.Bytes[r.Start.Byte:r.End.Byte])
}

func dataAddress(tr hcl.Traversal) string {
	typ, ok1 := tr[1].(hcl.TraverseAttr)
	name, ok2 := tr[2].(hcl.TraverseAttr)
	if !ok1 || !ok2 {
		return ""
	}
	return "data." + typ.Name + "." + name.Name
}

// attachment reads one resource instance that attaches policies to roles
// or uses a role.
func (s *iamState) attachment(r *resource, in instance, l *links) {
	m := s.m
	header := rangeOf(r.block.DefRange)
	switch r.typ {
	case "aws_iam_role_policy_attachment":
		c := m.content(r.block.Body, roleAttachmentSchema)
		roles, ok := s.targets(c.Attributes["role"], false)
		arn, stmts := s.policyARN(c.Attributes["policy_arn"], header)
		s.attach(roles, ok, []source.Value[string]{arn}, stmts)
	case "aws_iam_policy_attachment":
		c := m.content(r.block.Body, policyAttachSchema)
		arn, stmts := s.policyARN(c.Attributes["policy_arn"], header)
		a, ok := c.Attributes["roles"]
		if !ok {
			return
		}
		elems, ok := exprList(a.Expr)
		if !ok {
			s.all = true
			return
		}
		for _, e := range elems {
			roles, ok := s.targets(&hcl.Attribute{Name: "roles", Expr: e, Range: e.Range()}, false)
			s.attach(roles, ok, []source.Value[string]{arn}, stmts)
		}
	case "aws_iam_role_policy_attachments_exclusive":
		c := m.content(r.block.Body, exclusiveAttachSchema)
		roles, ok := s.targets(c.Attributes["role_name"], false)
		var arns []source.Value[string]
		var stmts []model.PolicyStatement
		if a, found := c.Attributes["policy_arns"]; found {
			arns, stmts = s.policyList(a.Expr)
		}
		s.attach(roles, ok, arns, stmts)
	case "aws_iam_role_policy":
		c := m.content(r.block.Body, rolePolicySchema)
		roles, ok := s.targets(c.Attributes["role"], false)
		if !ok {
			s.all = true
			return
		}
		for _, role := range roles {
			if a, found := c.Attributes["policy"]; found {
				s.statementsInto(role, a, in.address)
			}
		}
	case "aws_eks_cluster":
		cl := l.clusters[in.address]
		if cl == nil {
			return
		}
		cl.Role, cl.RoleAt = s.usedRole(m.resourceContent(r, clusterRoleSchema), "role_arn", model.ClusterRole, header)
	case "aws_eks_node_group":
		g := l.nodeGroups[in.address]
		if g == nil {
			return
		}
		g.Role, g.RoleAt = s.usedRole(m.resourceContent(r, nodeRoleSchema), "node_role_arn", model.NodeRole, header)
	default:
		s.cniRole(r, header)
		schema := workloadRoleSchemas[r.typ]
		if schema == nil {
			return
		}
		c := m.content(r.block.Body, schema)
		for _, a := range c.Attributes {
			if roles, ok := s.targets(a, true); ok {
				use := model.WorkloadRole
				if r.typ == "aws_eks_fargate_profile" {
					use = model.NodeRole // the role of the Fargate pods' kubelet
				}
				for _, role := range roles {
					s.use(role, use, rangeOf(a.Range))
				}
			}
		}
	}
}

// usedRole reads the role ARN attribute name of a cluster or node group:
// the one role of the module it names (nil when it names none, or not
// exactly one), marked with use, and where it is named (the attribute, or
// the resource's header when omitted).
func (s *iamState) usedRole(c *hcl.BodyContent, name string, use model.RoleUse, header source.Range) (*model.Role, source.Range) {
	a, ok := c.Attributes[name]
	if !ok {
		return nil, header
	}
	at := rangeOf(a.Range)
	roles, ok := s.targets(a, true)
	if !ok || len(roles) != 1 {
		return nil, at
	}
	s.use(roles[0], use, at)
	return roles[0], at
}

func (s *iamState) use(role *model.Role, use model.RoleUse, at source.Range) {
	if role.Use == model.UnusedRole || (role.Use == model.WorkloadRole && use != model.WorkloadRole) {
		role.Use = use
	}
	role.Users = append(role.Users, at)
}

// attach records policies attached to roles; ok false means the roles
// could not be resolved, so any role may have got them.
func (s *iamState) attach(roles []*model.Role, ok bool, arns []source.Value[string], stmts []model.PolicyStatement) {
	if !ok {
		s.all = true
		return
	}
	for _, role := range roles {
		role.Policies = append(role.Policies, arns...)
		role.Statements = append(role.Statements, stmts...)
	}
}

// targets resolves the role an attribute names: a reference to an
// aws_iam_role of the module (.name, .id, or .arn when byARN), or a name
// or role ARN written out. ok is false when it cannot be told which role
// it is (then it may be any). A name that matches no role of the module
// names a role declared elsewhere: no roles, ok true; but a role whose own
// name is unknown may be the one, so it becomes incomplete.
func (s *iamState) targets(a *hcl.Attribute, byARN bool) ([]*model.Role, bool) {
	if a == nil {
		return nil, true
	}
	if ref, ok := s.m.refOf(a.Expr); ok && ref.res.typ == "aws_iam_role" {
		if !(ref.attr == "name" || ref.attr == "id" || ref.attr == "arn") {
			return nil, false
		}
		in, ok := s.m.instance(ref)
		if !ok {
			return nil, false
		}
		role := s.roles[in.address]
		return []*model.Role{role}, role != nil
	}
	v := s.m.eval(a.Expr)
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		if byARN {
			// A node group or cluster using a role ARN from elsewhere
			// attaches nothing.
			return nil, true
		}
		return nil, false
	}
	name := v.AsString()
	if strings.HasPrefix(name, "arn:") {
		i := strings.LastIndex(name, ":role/")
		if i < 0 {
			return nil, true
		}
		name = name[strings.LastIndex(name, "/")+1:]
	} else if byARN {
		return nil, true
	}
	s.indexNames()
	out := s.byName[name]
	if !byARN {
		for _, role := range s.unnamed {
			s.incomplete[role] = true
		}
		s.unnamed = nil // marked once is enough
	}
	if len(out) > 1 {
		return nil, byARN
	}
	return out, true
}

// indexNames indexes the module's roles by the name they are set to, once
// every role is read: thousands of attachments may each name one of
// thousands of roles. unnamed are the roles whose name is unknown.
func (s *iamState) indexNames() {
	if s.byName != nil {
		return
	}
	s.byName = map[string][]*model.Role{}
	for _, role := range s.order {
		switch {
		case role.Name.IsSet():
			s.byName[role.Name.Val] = append(s.byName[role.Name.Val], role)
		case !role.Name.Known():
			s.unnamed = append(s.unnamed, role)
		}
	}
}

// policyList reads a list of policy ARNs element by element where it is
// written as a list, else as a whole.
func (s *iamState) policyList(expr hcl.Expression) ([]source.Value[string], []model.PolicyStatement) {
	if elems, ok := exprList(expr); ok {
		var arns []source.Value[string]
		var stmts []model.PolicyStatement
		for _, e := range elems {
			arn, st := s.policyARN(&hcl.Attribute{Expr: e, Range: e.Range()}, rangeOf(e.Range()))
			arns = append(arns, arn)
			stmts = append(stmts, st...)
		}
		return arns, stmts
	}
	r := rangeOf(expr.Range())
	v := s.m.eval(expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		return []source.Value[string]{source.UnknownAt[string](r)}, nil
	}
	var arns []source.Value[string]
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type() != cty.String || e.IsNull() {
			arns = append(arns, source.UnknownAt[string](r))
			continue
		}
		arns = append(arns, source.SetAt(normalARN(e.AsString()), r))
	}
	return arns, nil
}

// policyARN reads a policy_arn: a literal or evaluated ARN (one whose only
// unknown part is the partition is still an AWS-managed policy), an
// aws_iam_policy of the module (its ARN is unknown, so the value is its
// address, and its statements come along), or a data.aws_iam_policy.
func (s *iamState) policyARN(a *hcl.Attribute, at source.Range) (source.Value[string], []model.PolicyStatement) {
	m := s.m
	if a == nil {
		return source.UnknownAt[string](at), nil
	}
	r := rangeOf(a.Range)
	if ref, ok := m.refOf(a.Expr); ok && ref.res.typ == "aws_iam_policy" && (ref.attr == "arn" || ref.attr == "id") {
		in, ok := m.instance(ref)
		if !ok {
			return source.UnknownAt[string](r), nil
		}
		var stmts []model.PolicyStatement
		known := true
		m.within(in, func() {
			c := m.content(ref.res.block.Body, policySchema)
			if p, found := c.Attributes["policy"]; found {
				stmts, known = s.document(p.Expr, in.address)
			}
		})
		if !known {
			return source.UnknownAt[string](r), stmts
		}
		return source.SetAt(in.address, r), stmts
	}
	if tr, ok := traversalOf(a.Expr); ok && tr.RootName() == "data" && len(tr) == 4 {
		if b := s.data[dataAddress(tr)]; b != nil && b.Labels[0] == "aws_iam_policy" {
			c := m.content(b.Body, dataPolicySchema)
			if v := m.stringAttr(c, "arn", "", r); v.IsSet() {
				return source.SetAt(normalARN(v.Val), r), nil
			}
			if _, prefixed := c.Attributes["path_prefix"]; !prefixed {
				if v := m.stringAttr(c, "name", "", r); v.IsSet() && v.Val != "" {
					return source.SetAt(iampolicy.ManagedARN(v.Val), r), nil
				}
			}
		}
		return source.UnknownAt[string](r), nil
	}
	return m.arnValue(a.Expr, r), nil
}

// arnValue evaluates a policy ARN. A template whose only unknown parts
// stand where the partition goes is still an AWS-managed policy's ARN.
func (m *module) arnValue(expr hcl.Expression, r source.Range) source.Value[string] {
	if v := m.eval(expr); v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		return source.SetAt(normalARN(v.AsString()), r)
	}
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok {
		var b strings.Builder
		for _, part := range t.Parts {
			v := m.eval(part)
			if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				b.WriteString(v.AsString())
			} else {
				b.WriteString(iampolicy.Hole)
			}
		}
		if name, ok := iampolicy.ManagedName(b.String()); ok {
			return source.SetAt(iampolicy.ManagedARN(name), r)
		}
	}
	return source.UnknownAt[string](r)
}

// normalARN writes an AWS-managed policy ARN of any partition as the aws
// partition's, so that rules compare one spelling.
func normalARN(arn string) string {
	if name, ok := iampolicy.ManagedName(arn); ok {
		return iampolicy.ManagedARN(name)
	}
	return arn
}

// document reads a policy document: JSON text (a literal, a heredoc, a
// file), jsonencode({...}), or data.aws_iam_policy_document.X.json. ok is
// false when some of it cannot be read.
func (s *iamState) document(expr hcl.Expression, name string) ([]model.PolicyStatement, bool) {
	m := s.m
	at := rangeOf(expr.Range())
	if tr, ok := traversalOf(expr); ok && tr.RootName() == "data" && len(tr) == 4 {
		b := s.data[dataAddress(tr)]
		if b == nil || b.Labels[0] != "aws_iam_policy_document" {
			return nil, false
		}
		return s.policyDocument(b)
	}
	var doc iampolicy.Document
	var elems []hcl.Expression
	if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		tree := ctyTree(m.eval(call.Args[0]))
		d, ok := iampolicy.Parse(tree)
		if !ok {
			return nil, false
		}
		doc = d
		if list, ok := itemExpr(call.Args[0], "Statement").(*hclsyntax.TupleConsExpr); ok {
			for _, e := range list.Exprs {
				elems = append(elems, e)
			}
		}
	} else {
		v := m.eval(expr)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return nil, false
		}
		// The same text (a heredoc, a file) is read for every instance
		// of a resource: it is parsed once.
		text := v.AsString()
		d, ok := s.parsed[text]
		if !ok {
			d.doc, d.ok = iampolicy.ParseJSON(text)
			if s.parsed == nil {
				s.parsed = map[string]parsedDoc{}
			}
			s.parsed[text] = d
		}
		if !d.ok {
			return nil, false
		}
		doc = d.doc
	}
	out := make([]model.PolicyStatement, 0, len(doc.Statements))
	for _, st := range doc.Statements {
		r := at
		if st.Index < len(elems) {
			r = rangeOf(elems[st.Index].Range())
		}
		out = append(out, statement(st, name, r))
	}
	return out, doc.Complete
}

func statement(st iampolicy.Statement, name string, r source.Range) model.PolicyStatement {
	return model.PolicyStatement{Policy: name, Range: r, Effect: st.Effect,
		Actions: st.Actions, NotAction: st.NotAction, Resources: st.Resources, NotResource: st.NotResource}
}

// policyDocument reads the statement blocks of a data
// "aws_iam_policy_document" (effect defaults to Allow).
func (s *iamState) policyDocument(b *hcl.Block) ([]model.PolicyStatement, bool) {
	m := s.m
	name := "data." + b.Labels[0] + "." + b.Labels[1]
	c := m.content(b.Body, policyDocSchema)
	// Statements merged in from other documents are not read. An
	// override document replaces the statements whose sid it repeats
	// (provider docs, aws_iam_policy_document override_policy_documents),
	// so with one, a statement with a sid may not be what is granted.
	complete := len(c.Attributes) == 0
	_, overrides := c.Attributes["override_policy_documents"]
	if _, ok := c.Attributes["override_json"]; ok {
		overrides = true
	}
	var out []model.PolicyStatement
	for i, sb := range c.Blocks {
		if i >= iampolicy.MaxStatements {
			complete = false
			break
		}
		if sb.Type == "dynamic" {
			complete = false
			continue
		}
		sc := m.content(sb.Body, docStmtSchema)
		if _, sid := sc.Attributes["sid"]; sid && overrides {
			continue
		}
		at := rangeOf(sb.DefRange)
		effect := m.stringAttr(sc, "effect", "Allow", at)
		st := iampolicy.Statement{}
		if effect.Known() {
			st.Effect = effect.Val
		} else {
			complete = false
		}
		for _, k := range []struct {
			attr, not string
			into      *[]string
			neg       *bool
		}{{"actions", "not_actions", &st.Actions, &st.NotAction}, {"resources", "not_resources", &st.Resources, &st.NotResource}} {
			list := m.stringsAttr(sc, k.attr, nil, at)
			if _, ok := sc.Attributes[k.not]; ok && !list.IsSet() {
				list = m.stringsAttr(sc, k.not, nil, at)
				*k.neg = true
			}
			if !list.Known() {
				complete = false
			}
			for _, e := range list.Val {
				if e.Known() {
					*k.into = append(*k.into, e.Val)
				} else {
					complete = false
				}
			}
		}
		out = append(out, statement(st, name, at))
	}
	return out, complete
}

// ctyTree turns a value into the plain tree iampolicy reads.
func ctyTree(v cty.Value) any {
	if !v.IsKnown() {
		return iampolicy.Unknown{}
	}
	if v.IsNull() {
		return nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString()
	case ty == cty.Bool:
		return v.True()
	case ty == cty.Number:
		return v.AsBigFloat().String()
	case ty.IsObjectType() || ty.IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out[k.AsString()] = ctyTree(e)
		}
		return out
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, ctyTree(e))
		}
		return out
	}
	return iampolicy.Unknown{}
}
