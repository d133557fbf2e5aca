package terraform

import (
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// GuardDuty, CloudTrail and CloudWatch log groups.

var (
	logGroupSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "retention_in_days"}}}
	detectorSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "enable"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "datasources"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	datasourcesSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "kubernetes"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	kubernetesSchema  = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "audit_logs"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	auditLogsSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enable"}}}
	featureSchema     = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "detector_id"}, {Name: "name"}, {Name: "status"}, {Name: "auto_enable"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "additional_configuration"}},
	}
	featureConfigSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "status"}, {Name: "auto_enable"}}}
	trailSchema         = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "is_multi_region_trail"}, {Name: "enable_log_file_validation"}, {Name: "enable_logging"}}}
)

// adaptAudit reads the log groups, GuardDuty detectors and features and
// CloudTrail trails of the module, one object per instance, and gives each
// cluster the retention of its control-plane log group.
func (m *module) adaptAudit(out *model.Model, l *links) {
	detectors := map[string]*model.Detector{}
	for _, r := range m.resources {
		switch r.typ {
		case "aws_cloudwatch_log_group":
			m.eachInstanceOf(r, func(in instance) {
				out.Audit.LogGroups = append(out.Audit.LogGroups, m.logGroup(r, in.address))
			})
		case "aws_guardduty_detector":
			m.eachInstanceOf(r, func(in instance) {
				d := m.detector(r, in.address)
				detectors[in.address] = d
				out.Audit.Detectors = append(out.Audit.Detectors, d)
			})
		case "aws_cloudtrail":
			m.eachInstanceOf(r, func(in instance) { out.Audit.Trails = append(out.Audit.Trails, m.trail(r, in.address)) })
		}
	}
	for _, r := range m.resources {
		switch r.typ {
		case "aws_guardduty_detector_feature", "aws_guardduty_member_detector_feature", "aws_guardduty_organization_configuration_feature":
			m.eachInstanceOf(r, func(in instance) {
				out.Audit.Features = append(out.Audit.Features, m.feature(r, in.address, detectors))
			})
		}
	}

	// A log group's name links it to a cluster: by value, or by a
	// reference to the cluster in "/aws/eks/${aws_eks_cluster.x.name}/cluster".
	// One named through an eks module call's output serves that call's
	// cluster, which is not adapted yet (see moduleAudit): it stands for a
	// cluster other than these.
	moduleCluster := &model.Cluster{}
	named := m.logGroupNames(out.Audit.LogGroups, func(e hcl.Expression) *model.Cluster {
		ref, ok := m.refOf(e)
		if !ok {
			switch owner := m.nameOwner(e); {
			case strings.HasPrefix(owner, "module."):
				return moduleCluster
			case owner != "":
				return l.clusters[owner]
			}
			return nil
		}
		if ref.res.typ != "aws_eks_cluster" || (ref.attr != "name" && ref.attr != "id") {
			return nil
		}
		if in, ok := m.instance(ref); ok {
			return l.clusters[in.address]
		}
		return nil
	})
	for _, n := range named {
		n.resolve(moduleCluster)
	}
	for _, c := range l.clusters {
		c.LogRetentionDays, c.LogGroup = clusterRetention(c, named, source.DefaultAt(0, c.Range))
	}
}

// eksCallOutput returns the call name when e is exactly
// module.<call>.cluster_name or module.<call>.cluster_id (the cluster's name
// before v19) of a terraform-aws-modules/eks call, else "".
func (m *module) eksCallOutput(e hcl.Expression) string {
	call := moduleOutputCall(e)
	if call == "" {
		return ""
	}
	for _, b := range m.modules {
		if len(b.Labels) == 1 && b.Labels[0] == call && m.isEKSCall(b) {
			return call
		}
	}
	return ""
}

// isEKSCall reports whether a module call is one of terraform-aws-modules/eks.
func (m *module) isEKSCall(b *hcl.Block) bool {
	if len(b.Labels) != 1 {
		return false
	}
	attrs, _ := b.Body.JustAttributes()
	a, ok := attrs["source"]
	if !ok {
		return false
	}
	v := m.eval(a.Expr)
	return v.IsKnown() && !v.IsNull() && v.Type() == cty.String && isEKSModule(v.AsString())
}

// nameOwner says whose cluster name e is: "aws_eks_cluster.<name>" when
// it is written exactly as that (single-instance) cluster's name is
// ("${var.cluster_name}" in both), "module.<call>" when it is a
// terraform-aws-modules/eks call's name input or its cluster_name output;
// "" when it is no one's, or more than one's.
func (m *module) nameOwner(e hcl.Expression) string {
	if call := m.eksCallOutput(e); call != "" {
		return "module." + call
	}
	key := variablePath(e)
	if key == "" {
		return ""
	}
	owner := ""
	claim := func(o string) bool {
		if owner != "" && owner != o {
			return false
		}
		owner = o
		return true
	}
	for _, r := range m.resources {
		if r.typ != "aws_eks_cluster" {
			continue
		}
		a, ok := m.resourceContent(r, clusterSchema).Attributes["name"]
		if !ok || variablePath(a.Expr) != key {
			continue
		}
		if insts := m.instancesOf(r); len(insts) != 1 || !claim(insts[0].address) {
			return ""
		}
	}
	for _, b := range m.modules {
		if !m.isEKSCall(b) {
			continue
		}
		attrs, _ := b.Body.JustAttributes()
		for _, input := range []string{"cluster_name", "name"} {
			if a, ok := attrs[input]; ok && variablePath(a.Expr) == key && !claim("module."+b.Labels[0]) {
				return ""
			}
		}
	}
	return owner
}

// variablePath is "var.x" or "local.x.y" when e is exactly such a
// reference, else "".
func variablePath(e hcl.Expression) string {
	tr, ok := traversalOf(e)
	if !ok || len(tr) < 2 || (tr.RootName() != "var" && tr.RootName() != "local") {
		return ""
	}
	path := tr.RootName()
	for _, step := range tr[1:] {
		attr, ok := step.(hcl.TraverseAttr)
		if !ok {
			return ""
		}
		path += "." + attr.Name
	}
	return path
}

func (m *module) logGroup(r *resource, address string) *model.LogGroup {
	header := rangeOf(r.block.DefRange)
	g := &model.LogGroup{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { g.Passed = done() }()
	body := m.content(r.block.Body, logGroupSchema)
	// Without name, Terraform makes up a unique one (name_prefix or random).
	g.Name = source.DefaultAt("", header)
	if a, ok := body.Attributes["name"]; ok {
		g.Name = source.UnknownAt[string](rangeOf(a.Range))
		switch v := m.eval(a.Expr); {
		case v.IsKnown() && v.IsNull():
			g.Name = source.DefaultAt("", rangeOf(a.Range))
		case v.IsKnown() && v.Type() == cty.String:
			g.Name = source.SetAt(v.AsString(), rangeOf(a.Range))
		}
	}
	// retention_in_days: 0, the default, keeps events forever (provider
	// docs, aws_cloudwatch_log_group).
	g.RetentionDays = m.daysAttr(body, "retention_in_days", 0, header)
	return g
}

// daysAttr reads a whole number; a fraction or a number too large for an int
// is Unknown.
func (m *module) daysAttr(c *hcl.BodyContent, name string, def int, at source.Range) source.Value[int] {
	v := scalarAttr(m, c, name, cty.Number, big.NewFloat(-1), at, func(v cty.Value) *big.Float { return v.AsBigFloat() })
	out := source.Value[int]{Origin: v.Origin, Range: v.Range, Val: def}
	if v.IsSet() {
		i, acc := v.Val.Int64()
		if acc != big.Exact || i != int64(int(i)) {
			return source.UnknownAt[int](v.Range)
		}
		out.Val = int(i)
	}
	return out
}

func (m *module) detector(r *resource, address string) *model.Detector {
	header := rangeOf(r.block.DefRange)
	d := &model.Detector{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { d.Passed = done() }()
	body := m.content(r.block.Body, detectorSchema)
	d.Enable = m.boolAttr(body, "enable", true, header) // provider docs: defaults to true
	// datasources.kubernetes.audit_logs.enable (deprecated): "Defaults to
	// true" once the block is written; without it the account's state
	// decides, which is not knowable offline.
	d.AuditLogs = source.UnknownAt[bool](header)
	ds := m.block(body, "datasources", datasourcesSchema)
	if ds.state != present {
		d.AuditLogsDeclared = ds.state == unknownPresence
		return d
	}
	ds.in(m, func() {
		k := m.block(ds.content, "kubernetes", kubernetesSchema)
		if k.state != present {
			d.AuditLogsDeclared = k.state == unknownPresence
			return
		}
		k.in(m, func() {
			al := m.block(k.content, "audit_logs", auditLogsSchema)
			if al.state != present {
				d.AuditLogsDeclared = al.state == unknownPresence
				return
			}
			d.AuditLogsDeclared = true
			al.in(m, func() { d.AuditLogs = m.boolAttr(al.content, "enable", true, al.at) })
		})
	})
	return d
}

func (m *module) feature(r *resource, address string, detectors map[string]*model.Detector) *model.DetectorFeature {
	header := rangeOf(r.block.DefRange)
	f := &model.DetectorFeature{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform},
		Org: r.typ == "aws_guardduty_organization_configuration_feature"}
	done := m.collectPassed()
	defer func() { f.Passed = done() }()
	body := m.content(r.block.Body, featureSchema)
	status := "status"
	if f.Org {
		status = "auto_enable"
	}
	// name and status (auto_enable) are required: an omitted one is
	// Unknown, as Terraform would refuse the configuration.
	f.Name = m.auditRequired(body, "name", header)
	f.Status = m.auditRequired(body, status, header)
	if a, ok := body.Attributes["detector_id"]; ok {
		if ref, ok := m.refOf(a.Expr); ok && ref.res.typ == "aws_guardduty_detector" && ref.attr == "id" {
			if in, ok := m.instance(ref); ok {
				f.Detector = detectors[in.address]
			}
		}
	}
	for _, b := range body.Blocks {
		if b.Type != "additional_configuration" {
			continue
		}
		c := m.content(b.Body, featureConfigSchema)
		at := rangeOf(b.DefRange)
		f.Additional = append(f.Additional, model.FeatureConfig{Range: at,
			Name: m.auditRequired(c, "name", at), Status: m.auditRequired(c, status, at)})
	}
	return f
}

// auditRequired reads a string the provider requires: Unknown when it is
// omitted.
func (m *module) auditRequired(c *hcl.BodyContent, name string, at source.Range) source.Value[string] {
	if _, ok := c.Attributes[name]; !ok {
		return source.UnknownAt[string](at)
	}
	v := m.stringAttr(c, name, "", at)
	if !v.IsSet() {
		return source.UnknownAt[string](v.Range)
	}
	return v
}

func (m *module) trail(r *resource, address string) *model.Trail {
	header := rangeOf(r.block.DefRange)
	t := &model.Trail{Object: model.Object{Kind: r.typ, Address: address, Range: header, Format: model.Terraform}}
	done := m.collectPassed()
	defer func() { t.Passed = done() }()
	body := m.content(r.block.Body, trailSchema)
	// Provider docs, aws_cloudtrail: is_multi_region_trail and
	// enable_log_file_validation default to false, enable_logging to true.
	t.MultiRegion = m.boolAttr(body, "is_multi_region_trail", false, header)
	t.LogFileValidation = m.boolAttr(body, "enable_log_file_validation", false, header)
	t.Logging = m.boolAttr(body, "enable_logging", true, header)
	return t
}

// lgName is what a log group's name says about the cluster it serves.
type lgName struct {
	group *model.LogGroup
	// text is the name, when it is known.
	text source.Value[string]
	// cluster is the cluster named by reference in a name of the form
	// /aws/eks/<cluster>/cluster whose cluster name is itself unknown.
	cluster *model.Cluster
	// none: the group has no name of its own (Terraform generates one), so
	// it serves no cluster.
	none bool
}

// resolve records in the model what the name says, for the rules that
// look across modules: the resolved name, or the cluster it belongs to
// (unless that is a stand-in for a cluster not adapted yet).
func (n lgName) resolve(standIn *model.Cluster) {
	if n.text.Known() && !n.group.Name.Known() {
		n.group.Name = n.text
	}
	if n.cluster != nil && n.cluster != standIn {
		n.group.Cluster = n.cluster
	}
}

// logGroupNames resolves the names of the module's log groups; clusterOf
// tells which cluster, if any, an expression refers to the name of.
func (m *module) logGroupNames(groups []*model.LogGroup, clusterOf func(hcl.Expression) *model.Cluster) []lgName {
	byAddress := map[string]*model.LogGroup{}
	for _, g := range groups {
		byAddress[g.Address+"\x00"+g.Range.String()] = g
	}
	var out []lgName
	m.eachInstance("aws_cloudwatch_log_group", func(r *resource, in instance) {
		if g := byAddress[in.address+"\x00"+rangeOf(r.block.DefRange).String()]; g != nil {
			out = append(out, m.logGroupName(g, r, clusterOf))
		}
	})
	return out
}

func (m *module) logGroupName(g *model.LogGroup, r *resource, clusterOf func(hcl.Expression) *model.Cluster) lgName {
	n := lgName{group: g, text: g.Name}
	a, ok := m.content(r.block.Body, logGroupSchema).Attributes["name"]
	if !ok {
		n.none = true
		return n
	}
	if g.Name.Known() {
		return n
	}
	t, ok := a.Expr.(*hclsyntax.TemplateExpr)
	if !ok {
		return n
	}
	// Every part known but one, which names a cluster.
	var before, after strings.Builder
	var c *model.Cluster
	for _, part := range t.Parts {
		if isHook(part, partHook) {
			// The evaluator wraps each interpolation to meter it (bounds.go).
			part = part.(*hclsyntax.FunctionCallExpr).Args[0]
		}
		if c == nil {
			if c = clusterOf(part); c != nil {
				continue
			}
		}
		v := m.eval(part)
		if !v.IsKnown() || v.IsNull() {
			return n
		}
		s, err := convert.Convert(v, cty.String)
		if err != nil {
			return n
		}
		if c == nil {
			before.WriteString(s.AsString())
		} else {
			after.WriteString(s.AsString())
		}
	}
	if c == nil {
		return n
	}
	if c.Name.Known() {
		n.text = source.SetAt(before.String()+c.Name.Val+after.String(), g.Name.Range)
		return n
	}
	if before.String() == "/aws/eks/" && after.String() == "/cluster" {
		n.cluster = c
	}
	return n
}

// clusterRetention finds the log group that receives c's control-plane
// logs and returns its retention; def when no group can be it; Unknown when
// one might be it but its name cannot be told.
func clusterRetention(c *model.Cluster, named []lgName, def source.Value[int]) (source.Value[int], *model.LogGroup) {
	want := ""
	if c.Name.Known() && c.Name.Val != "" {
		want = "/aws/eks/" + c.Name.Val + "/cluster"
	}
	var match *model.LogGroup
	maybe := false
	for _, n := range named {
		switch {
		case n.none:
		case n.cluster != nil:
			if n.cluster == c {
				match = keptLonger(match, n.group)
			}
		case !n.text.Known():
			maybe = true
		case want != "":
			if n.text.Val == want {
				match = keptLonger(match, n.group)
			}
		case strings.HasPrefix(n.text.Val, "/aws/eks/") && strings.HasSuffix(n.text.Val, "/cluster"):
			maybe = true // this cluster's name is not known
		}
	}
	switch {
	case match != nil:
		return match.RetentionDays, match
	case maybe:
		return source.UnknownAt[int](c.Range), nil
	}
	return def, nil
}

// keptLonger prefers a group that keeps logs for a known, bounded time.
func keptLonger(cur, g *model.LogGroup) *model.LogGroup {
	if cur == nil || !(cur.RetentionDays.Known() && cur.RetentionDays.Val > 0) && g.RetentionDays.Known() && g.RetentionDays.Val > 0 {
		return g
	}
	return cur
}
