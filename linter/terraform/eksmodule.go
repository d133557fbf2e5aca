package terraform

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// newestEKSModule is the newest major version of terraform-aws-modules/eks
// whose defaults ekslint knows (CATALOG §1.2).
const newestEKSModule = 21

// isEKSModule reports whether a module source is the root of
// terraform-aws-modules/eks, from the registry or from git.
func isEKSModule(src string) bool {
	s := strings.ToLower(src)
	s = strings.TrimPrefix(s, "git::")
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "registry.terraform.io/")
	if i := strings.IndexAny(s, "?"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".git")
	return s == "terraform-aws-modules/eks/aws" || s == "github.com/terraform-aws-modules/terraform-aws-eks"
}

var firstNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d+`) })

// eksModuleMajor reads the major version from the version constraint, or
// a git ref; ok is false when neither says.
func eksModuleMajor(src string, version cty.Value) (int, bool) {
	text := ""
	if version.IsKnown() && !version.IsNull() && version.Type() == cty.String {
		text = version.AsString()
	} else if i := strings.Index(src, "ref="); i >= 0 {
		text = src[i+4:]
	}
	n, err := strconv.Atoi(firstNumber().FindString(text))
	if err != nil || n < 17 || n > newestEKSModule {
		return 0, false
	}
	return n, true
}

// eksInputs reads the inputs of one call of the module.
type eksInputs struct {
	m      *module
	attrs  hcl.Attributes
	header source.Range
	major  int
}

// input returns an input's evaluated value and its attribute, or ok false
// when the call does not pass it.
func (in eksInputs) input(name string) (cty.Value, *hcl.Attribute, bool) {
	a, ok := in.attrs[name]
	if !ok {
		return cty.NilVal, nil, false
	}
	return in.m.eval(a.Expr), a, true
}

// eksInputsOf reads the major version of a call of the module or of one of
// its submodules: from version, or a git ref; when neither says, the newest
// is assumed, and note says so.
func (m *module) eksInputsOf(b *hcl.Block, attrs hcl.Attributes, src string) (in eksInputs, note string) {
	version := cty.NilVal
	if a, ok := attrs["version"]; ok {
		version = m.eval(a.Expr)
	}
	major, known := eksModuleMajor(src, version)
	if !known {
		major = newestEKSModule
		note = fmt.Sprintf("the module's version could not be read, so terraform-aws-modules/eks v%d defaults were assumed", major)
	}
	return eksInputs{m: m, attrs: attrs, header: rangeOf(b.DefRange), major: major}, note
}

// eksModule adapts a call of terraform-aws-modules/eks from its inputs,
// with the defaults of its major version: the module is never downloaded.
func (m *module) eksModule(b *hcl.Block, attrs hcl.Attributes, src string, out *Loaded) {
	name := b.Labels[0]
	in, note := m.eksInputsOf(b, attrs, src)
	major := in.major
	names := model.Renames{
		"endpoint_public_access":    "cluster_endpoint_public_access",
		"endpoint_private_access":   "cluster_endpoint_private_access",
		"public_access_cidrs":       "cluster_endpoint_public_access_cidrs",
		"enabled_cluster_log_types": "cluster_enabled_log_types",
		"encryption_config":         "cluster_encryption_config",
		"version":                   "cluster_version",
		"name":                      "cluster_name",
	}
	if major >= 21 {
		// v21 dropped the cluster_ prefix (docs/UPGRADE-21.0.md).
		for k, v := range names {
			names[k] = strings.TrimPrefix(v, "cluster_")
		}
		names["public_access_cidrs"] = "endpoint_public_access_cidrs"
		names["enabled_cluster_log_types"] = "enabled_log_types"
		names["version"] = "kubernetes_version"
	}
	c := &model.Cluster{Object: model.Object{Kind: "module", Address: "module." + name, Range: in.header, Format: model.Module, Names: &names, Note: note}}
	c.Name = in.str(names["name"], "")
	c.Version = in.str(names["version"], "")
	c.PublicEndpoint = in.boolean(names["endpoint_public_access"], major <= 18)
	c.PrivateEndpoint = in.boolean(names["endpoint_private_access"], major >= 19)
	c.PublicCIDRs = in.strs(names["public_access_cidrs"], []string{"0.0.0.0/0"})
	// v18 made audit, api and authenticator the default; v17 logged nothing
	// (variables.tf of the v17 line: cluster_enabled_log_types = []).
	logTypes := []string{"audit", "api", "authenticator"}
	if major <= 17 {
		logTypes = []string{}
	}
	c.LogTypes = in.strs(names["enabled_cluster_log_types"], logTypes)
	c.SecretsEncryption = in.encryption(names["encryption_config"])
	c.AutoModeCompute = in.autoMode()
	// Inside a called module, an input written as var.NAME names the
	// caller's argument too, as for a cluster resource.
	done := m.collectPassed()
	for _, a := range sortedAttrs(attrs) {
		m.notePassed(a)
	}
	c.Passed = done()
	out.Model.Clusters = append(out.Model.Clusters, c)
	if m.eksCalls == nil {
		m.eksCalls = map[string]*model.Cluster{}
	}
	m.eksCalls[name] = c

	for _, kind := range []string{"eks_managed", "self_managed"} {
		in.nodeGroups(c, kind, out)
	}
	// Inputs of other areas, each in a file of its own.
	in.moduleVersions(c, out)
	in.moduleIdentity(c, out)
	in.moduleNetwork(c, out)
	in.moduleIAM(c, out)
	in.moduleAuthMaps(c, out)
	in.moduleAudit(c, out)
}

// nodeGroups adapts the <kind>_node_groups map of a call, each entry
// falling back to <kind>_node_group_defaults in v18–v20.
func (in eksInputs) nodeGroups(c *model.Cluster, kind string, out *Loaded) {
	groups, groupsAttr, ok := in.input(kind + "_node_groups")
	if !ok || !groups.IsWhollyKnown() || groups.IsNull() || !(groups.Type().IsObjectType() || groups.Type().IsMapType()) {
		return
	}
	defaults := cty.EmptyObjectVal
	var defaultsAttr *hcl.Attribute
	if in.major <= 20 {
		if d, a, ok := in.input(kind + "_node_group_defaults"); ok && d.IsWhollyKnown() && !d.IsNull() && d.CanIterateElements() {
			defaults, defaultsAttr = d, a
		}
	}
	for it := groups.ElementIterator(); it.Next(); {
		k, g := it.Element()
		if k.Type() != cty.String || g.IsNull() {
			continue
		}
		key := k.AsString()
		if groupOff(g, defaults) {
			continue // create = false: the module makes no such group
		}
		at := rangeOf(groupsAttr.Range)
		if e := itemExpr(groupsAttr.Expr, key); e != nil {
			at = rangeOf(e.Range())
		}
		out.Model.NodeGroups = append(out.Model.NodeGroups, in.nodeGroup(c, kind, key, g, at, groupsAttr, defaults, defaultsAttr))
	}
}

// groupOff reports whether a node group entry is known to create nothing:
// its create (else, in v18–v20, the defaults' create) is false.
func groupOff(g, defaults cty.Value) bool {
	v, ok := lookup(g, "create")
	if !ok {
		v, ok = lookup(defaults, "create")
	}
	return ok && v.IsKnown() && !v.IsNull() && v.Type() == cty.Bool && v.False()
}

// nodeGroup adapts one entry of eks_managed_node_groups or
// self_managed_node_groups. Its settings fall back to the defaults map
// (v18–v20), then to the submodule's defaults.
func (in eksInputs) nodeGroup(c *model.Cluster, kind, key string, g cty.Value, at source.Range, groupsAttr *hcl.Attribute, defaults cty.Value, defaultsAttr *hcl.Attribute) *model.NodeGroup {
	ng := &model.NodeGroup{
		Object:  model.Object{Kind: "module", Address: fmt.Sprintf("%s.%s_node_groups[%q]", c.Address, kind, key), Range: at, Format: model.Module, Note: c.Note},
		Cluster: c,
	}
	// get finds a setting in the group, then in the defaults, located
	// where it is written.
	var get groupGetter = func(path ...string) (cty.Value, source.Range, bool) {
		if v, ok := lookup(g, path...); ok {
			r := at
			if e := itemExpr(groupsAttr.Expr, append([]string{key}, path...)...); e != nil {
				r = rangeOf(e.Range())
			}
			return v, r, true
		}
		if v, ok := lookup(defaults, path...); ok {
			r := rangeOf(defaultsAttr.Range)
			if e := itemExpr(defaultsAttr.Expr, path...); e != nil {
				r = rangeOf(e.Range())
			}
			return v, r, true
		}
		return cty.NilVal, at, false
	}
	in.fillGroup(ng, kind, at, get)
	return ng
}

// fillGroup reads a node group's settings through get, with the
// submodule's defaults for what get does not find. at is where the group
// is written: the map entry, or the submodule call.
func (in eksInputs) fillGroup(ng *model.NodeGroup, kind string, at source.Range, get groupGetter) {
	// With the module's custom launch template (the default), remote_access
	// is ignored and only key_name puts a key on the nodes; the module
	// opens no port for it. Without it, remote_access behaves as on
	// aws_eks_node_group: a key with no source groups opens 22 to the world.
	// Self-managed groups always run from the module's launch template.
	custom := true
	if v, _, ok := get("use_custom_launch_template"); ok && kind == "eks_managed" && v.IsKnown() && v.Type() == cty.Bool {
		custom = v.True()
	}
	ng.SSH = source.DefaultAt(false, at)
	ng.SSHSourceSecurityGroups = source.DefaultAt([]source.Value[string]{}, at)
	ng.SSHOpenToWorldWithoutSources = source.DefaultAt(!custom, at)
	if custom {
		if v, r, ok := get("key_name"); ok {
			ng.SSH = keyValue(v, r)
		}
	} else {
		if v, r, ok := get("remote_access", "ec2_ssh_key"); ok {
			ng.SSH = keyValue(v, r)
		}
		if v, r, ok := get("remote_access", "source_security_group_ids"); ok {
			ng.SSHSourceSecurityGroups = listValue(v, r)
		} else if _, r, ok := get("remote_access"); ok {
			ng.SSHSourceSecurityGroups = source.DefaultAt([]source.Value[string]{}, r)
		}
	}
	ng.AvailabilityZones = source.DefaultAt([]source.Value[string]{}, at)
	if v, r, ok := get("subnet_ids"); ok && !v.IsNull() {
		ng.Subnets = listValue(v, r)
	} else if v, a, ok := in.input("subnet_ids"); ok {
		ng.Subnets = listValue(v, rangeOf(a.Range))
	} else {
		ng.Subnets = source.UnknownAt[[]source.Value[string]](at)
	}
	// Settings of other areas, each in a file of its own.
	in.groupVersions(ng, kind, get)
	in.groupHardening(ng, kind, get)
	in.groupIAM(ng, kind, get)
}

// groupGetter finds a node group setting in the group, then in the
// defaults map (v18–v20), located where it is written; ok is false when
// neither sets it (the submodule's default applies).
type groupGetter func(path ...string) (v cty.Value, at source.Range, ok bool)

// keyValue: an SSH key that is known not to be null is set.
func keyValue(v cty.Value, r source.Range) source.Value[bool] {
	switch {
	case !v.IsKnown():
		return source.UnknownAt[bool](r)
	case v.IsNull():
		return source.DefaultAt(false, r)
	}
	return source.SetAt(true, r)
}

// stringValue reads v as a string located at r; Unknown when it is not
// known or not a string.
func stringValue(v cty.Value, r source.Range) source.Value[string] {
	s, err := convert.Convert(v, cty.String)
	if err != nil || !s.IsKnown() || s.IsNull() {
		return source.UnknownAt[string](r)
	}
	return source.SetAt(s.AsString(), r)
}

// keyString reads obj[key] as a string located at r; Unknown when the key
// is absent or its value is not a known string.
func keyString(obj cty.Value, key string, r source.Range) source.Value[string] {
	v, ok := lookup(obj, key)
	if !ok {
		return source.UnknownAt[string](r)
	}
	return stringValue(v, r)
}

func listValue(v cty.Value, r source.Range) source.Strings {
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() || v.Type().IsObjectType() || v.Type().IsMapType() {
		return source.UnknownAt[[]source.Value[string]](r)
	}
	out := []source.Value[string]{}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		s, err := convert.Convert(e, cty.String)
		if err != nil || !s.IsKnown() || s.IsNull() {
			out = append(out, source.UnknownAt[string](r))
			continue
		}
		out = append(out, source.SetAt(s.AsString(), r))
	}
	return source.SetAt(out, r)
}

// lookup follows attribute names through objects and maps.
func lookup(v cty.Value, path ...string) (cty.Value, bool) {
	for _, p := range path {
		if !v.IsKnown() || v.IsNull() {
			return cty.NilVal, false
		}
		ty := v.Type()
		switch {
		case ty.IsObjectType() && ty.HasAttribute(p):
			v = v.GetAttr(p)
		case ty.IsMapType() && v.HasIndex(cty.StringVal(p)).True():
			v = v.Index(cty.StringVal(p))
		default:
			return cty.NilVal, false
		}
	}
	return v, v != cty.NilVal && !v.IsNull()
}

// itemExpr finds, inside object constructors written in the source, the
// expression of the value at path, so that a finding can point at it.
func itemExpr(expr hcl.Expression, path ...string) hcl.Expression {
	for _, p := range path {
		obj, ok := expr.(*hclsyntax.ObjectConsExpr)
		if !ok {
			return nil
		}
		item := consItem(obj, p, false)
		if item == nil {
			return nil
		}
		expr = item.ValueExpr
	}
	return expr
}

func (in eksInputs) boolean(name string, def bool) source.Value[bool] {
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(def, in.header)
	}
	r := rangeOf(a.Range)
	if !v.IsKnown() {
		return source.UnknownAt[bool](r)
	}
	if v.IsNull() {
		return source.DefaultAt(def, r)
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil || !b.IsKnown() {
		return source.UnknownAt[bool](r)
	}
	return source.SetAt(b.True(), r)
}

func (in eksInputs) str(name, def string) source.Value[string] {
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(def, in.header)
	}
	r := rangeOf(a.Range)
	s, err := convert.Convert(v, cty.String)
	if err != nil || !s.IsKnown() {
		return source.UnknownAt[string](r)
	}
	if s.IsNull() {
		return source.DefaultAt(def, r)
	}
	return source.SetAt(s.AsString(), r)
}

func (in eksInputs) strs(name string, def []string) source.Strings {
	v, a, ok := in.input(name)
	if !ok {
		return defaultList(def, in.header)
	}
	if v.IsKnown() && v.IsNull() {
		return defaultList(def, rangeOf(a.Range))
	}
	return elementRanges(listValue(v, rangeOf(a.Range)), a.Expr)
}

// encryption reads the secrets-encryption input: off by default in v18
// (an empty list), on by default from v19 (turned off with {} in v19–v20,
// with null in v21).
func (in eksInputs) encryption(name string) source.Value[bool] {
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(in.major >= 19, in.header)
	}
	r := rangeOf(a.Range)
	switch {
	case !v.IsWhollyKnown():
		return source.UnknownAt[bool](r)
	case v.IsNull():
		if in.major >= 21 {
			return source.SetAt(false, r)
		}
		return source.DefaultAt(in.major >= 19, r)
	case v.CanIterateElements() && v.LengthInt() == 0:
		return source.SetAt(false, r)
	}
	return source.SetAt(true, r)
}

// autoMode reads EKS Auto Mode's compute (v20 cluster_compute_config,
// v21 compute_config, each with enabled), which several areas read; off
// before v20, which had no Auto Mode.
func (in eksInputs) autoMode() source.Value[bool] {
	if in.major < 20 {
		return source.DefaultAt(false, in.header)
	}
	name := "cluster_compute_config"
	if in.major >= 21 {
		name = "compute_config"
	}
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(false, in.header)
	}
	r := rangeOf(a.Range)
	if !v.IsWhollyKnown() {
		return source.UnknownAt[bool](r)
	}
	if e, ok := lookup(v, "enabled"); ok && e.Type() == cty.Bool && e.True() {
		return source.SetAt(true, r)
	}
	return source.SetAt(false, r)
}
