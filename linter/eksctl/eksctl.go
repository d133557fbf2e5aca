// Package eksctl adapts eksctl ClusterConfig documents into the model,
// applying eksctl's own defaults (pkg/apis/eksctl.io/v1alpha5/defaults.go)
// to omitted fields.
package eksctl

import (
	"fmt"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Is reports whether apiVersion/kind name an eksctl ClusterConfig.
func Is(apiVersion, kind string) bool {
	return strings.HasPrefix(apiVersion, "eksctl.io/") && kind == "ClusterConfig"
}

// allLogTypes are what "*" and "all" expand to in
// cloudWatch.clusterLogging.enableTypes.
var allLogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// Adapt turns one ClusterConfig document into model objects.
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	a := &adapter{path: doc.Path}
	root := doc.Root
	if root == nil || root.Kind != yaml.MappingNode {
		return &model.Model{}, []source.Problem{source.Warnf(yamldoc.Range(doc.Path, root), "a ClusterConfig must be a mapping")}
	}
	m := &model.Model{}
	c := a.cluster(root)
	m.Clusters = append(m.Clusters, c)
	for _, list := range []struct{ key, kind string }{{"nodeGroups", "nodeGroup"}, {"managedNodeGroups", "managedNodeGroup"}} {
		ngs := a.typed(root, list.key, yaml.SequenceNode, "a list")
		if ngs == nil {
			continue
		}
		for i, ng := range ngs.Content {
			ng = yamldoc.Deref(ng)
			if ng == nil || ng.Kind != yaml.MappingNode {
				a.warn(ng, "each entry of %s must be a mapping, not %s", list.key, yamldoc.Describe(ng))
				continue
			}
			m.NodeGroups = append(m.NodeGroups, a.nodeGroup(root, c, ng, list.key, list.kind, i))
		}
	}
	return m, a.problems
}

type adapter struct {
	path     string
	problems []source.Problem
}

func (a *adapter) warn(n *yaml.Node, format string, args ...any) {
	a.problems = append(a.problems, source.Warnf(yamldoc.Range(a.path, n), format, args...))
}

// typed returns m[key] when it has the wanted kind; a value of another
// kind is reported and treated as absent-but-unknown by the caller.
func (a *adapter) typed(m *yaml.Node, key string, kind yaml.Kind, want string) *yaml.Node {
	v := yamldoc.Get(m, key)
	if v == nil || yamldoc.IsNull(v) {
		return nil
	}
	if v.Kind != kind {
		a.warn(v, "%s must be %s, not %s", key, want, yamldoc.Describe(v))
		return nil
	}
	return v
}

// anchor tracks the nearest existing mapping key on a path, where a
// finding about an omitted field points.
type anchor struct {
	a   *adapter
	at  source.Range
	cur *yaml.Node
}

// descend moves into key when it exists as a mapping; it reports whether it did.
func (an *anchor) descend(key string) bool {
	k, v := yamldoc.Lookup(an.cur, key)
	if k == nil {
		return false
	}
	an.at = yamldoc.Range(an.a.path, k)
	if v == nil || v.Kind != yaml.MappingNode {
		if !yamldoc.IsNull(v) {
			an.a.warn(v, "%s must be a mapping, not %s", key, yamldoc.Describe(v))
		}
		an.cur = nil
		return false
	}
	an.cur = v
	return true
}

func (a *adapter) firstKey(n *yaml.Node) source.Range {
	if len(n.Content) > 0 {
		return yamldoc.Range(a.path, n.Content[0])
	}
	return yamldoc.Range(a.path, n)
}

// boolAt reads a boolean key of m: Set when present, def at `at` when
// absent, Unknown (and a warning) when it is not a boolean.
func (a *adapter) boolAt(m *yaml.Node, key string, def bool, at source.Range) source.Value[bool] {
	k, v := yamldoc.Lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(def, at)
	}
	b, ok := yamldoc.Bool(v)
	r := yamldoc.KeyValueRange(a.path, k, v)
	if !ok {
		a.warn(v, "%s must be true or false, not %s", key, yamldoc.Describe(v))
		return source.UnknownAt[bool](r)
	}
	return source.SetAt(b, r)
}

// stringAt reads a string key of m.
func (a *adapter) stringAt(m *yaml.Node, key, def string, at source.Range) source.Value[string] {
	k, v := yamldoc.Lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(def, at)
	}
	r := yamldoc.KeyValueRange(a.path, k, v)
	if v.Kind != yaml.ScalarNode {
		a.warn(v, "%s must be a string, not %s", key, yamldoc.Describe(v))
		return source.UnknownAt[string](r)
	}
	return source.SetAt(v.Value, r)
}

// stringsAt reads a list of strings; each element keeps its own range.
func (a *adapter) stringsAt(m *yaml.Node, key string, def []string, at source.Range) source.Strings {
	k, v := yamldoc.Lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		out := make([]source.Value[string], len(def))
		for i, d := range def {
			out[i] = source.DefaultAt(d, at)
		}
		return source.DefaultAt(out, at)
	}
	r := yamldoc.KeyValueRange(a.path, k, v)
	if v.Kind != yaml.SequenceNode {
		a.warn(v, "%s must be a list, not %s", key, yamldoc.Describe(v))
		return source.UnknownAt[[]source.Value[string]](r)
	}
	out := make([]source.Value[string], 0, len(v.Content))
	for _, e := range v.Content {
		e = yamldoc.Deref(e)
		if e == nil || e.Kind != yaml.ScalarNode {
			a.warn(e, "entries of %s must be strings, not %s", key, yamldoc.Describe(e))
			out = append(out, source.UnknownAt[string](yamldoc.Range(a.path, e)))
			continue
		}
		out = append(out, source.SetAt(e.Value, yamldoc.Range(a.path, e)))
	}
	return source.SetAt(out, r)
}

func (a *adapter) cluster(root *yaml.Node) *model.Cluster {
	first := a.firstKey(root)
	meta := &anchor{a: a, at: first, cur: root}
	meta.descend("metadata")
	name := yamldoc.ScalarOf(yamldoc.Get(meta.cur, "name"))
	addr := "ClusterConfig"
	if name != "" {
		addr += "/" + name
	}
	c := &model.Cluster{Object: model.Object{Kind: "ClusterConfig", Address: addr, Range: first, Format: model.Eksctl}}
	c.Name = a.stringAt(meta.cur, "name", "", meta.at)
	c.Version = a.stringAt(meta.cur, "version", "", meta.at)

	// Endpoint access (SetClusterEndpointAccessDefaults): public true,
	// private false, unless the cluster is private-only.
	vpc := &anchor{a: a, at: first, cur: root}
	vpc.descend("vpc")
	vpcAt := vpc.at
	ep := &anchor{a: a, at: vpc.at, cur: vpc.cur}
	ep.descend("clusterEndpoints")
	c.PublicEndpoint = a.boolAt(ep.cur, "publicAccess", true, ep.at)
	c.PrivateEndpoint = a.boolAt(ep.cur, "privateAccess", false, ep.at)
	c.PublicCIDRs = a.stringsAt(vpc.cur, "publicAccessCIDRs", []string{"0.0.0.0/0"}, vpcAt)
	if pc := yamldoc.Get(root, "privateCluster"); pc != nil {
		if k, v := yamldoc.Lookup(pc, "enabled"); k != nil {
			if on, ok := yamldoc.Bool(v); ok && on {
				r := yamldoc.KeyValueRange(a.path, k, v)
				c.PublicEndpoint = source.DefaultAt(false, r)
				c.PrivateEndpoint = source.DefaultAt(true, r)
			}
		}
	}
	if out := yamldoc.Get(root, "outpost"); out != nil {
		if k, v := yamldoc.Lookup(out, "controlPlaneOutpostARN"); k != nil && yamldoc.ScalarOf(v) != "" {
			r := yamldoc.KeyValueRange(a.path, k, v)
			c.PublicEndpoint = source.DefaultAt(false, r)
			c.PrivateEndpoint = source.DefaultAt(true, r)
		}
	}

	logs := &anchor{a: a, at: first, cur: root}
	if logs.descend("cloudWatch") {
		logs.descend("clusterLogging")
	}
	types := a.stringsAt(logs.cur, "enableTypes", nil, logs.at)
	if types.Known() {
		var expanded []source.Value[string]
		for _, t := range types.Val {
			if t.Known() && (t.Val == "*" || t.Val == "all") {
				for _, lt := range allLogTypes {
					expanded = append(expanded, source.SetAt(lt, t.Range))
				}
				continue
			}
			expanded = append(expanded, t)
		}
		types.Val = expanded
	}
	c.LogTypes = types

	enc := &anchor{a: a, at: first, cur: root}
	enc.descend("secretsEncryption")
	key := a.stringAt(enc.cur, "keyARN", "", enc.at)
	switch {
	case !key.Known():
		c.SecretsEncryption = source.UnknownAt[bool](key.Range)
	case key.Val == "":
		c.SecretsEncryption = source.DefaultAt(false, key.Range)
	default:
		c.SecretsEncryption = source.SetAt(true, key.Range)
	}
	return c
}

func (a *adapter) nodeGroup(root *yaml.Node, c *model.Cluster, ng *yaml.Node, listKey, kind string, i int) *model.NodeGroup {
	item := yamldoc.Range(a.path, ng)
	item.End = item.Start
	if len(ng.Content) > 0 {
		item = yamldoc.Range(a.path, ng.Content[0])
	}
	name := yamldoc.ScalarOf(yamldoc.Get(ng, "name"))
	if name == "" {
		name = fmt.Sprint(i)
	}
	g := &model.NodeGroup{
		Object:  model.Object{Kind: kind, Address: fmt.Sprintf("%s/%s/%s", c.Address, listKey, name), Range: item, Format: model.Eksctl},
		Cluster: c,
	}

	// SSH (setSSHDefaults): allowed when allow is true, or when a public
	// key is given and allow is not explicitly false.
	ssh := &anchor{a: a, at: item, cur: ng}
	ssh.descend("ssh")
	allow := a.boolAt(ssh.cur, "allow", false, ssh.at)
	g.SSH = allow
	if !allow.IsSet() {
		for _, k := range []string{"publicKey", "publicKeyPath", "publicKeyName"} {
			if kn, v := yamldoc.Lookup(ssh.cur, k); kn != nil && !yamldoc.IsNull(v) {
				g.SSH = source.SetAt(true, yamldoc.KeyValueRange(a.path, kn, v))
				break
			}
		}
	}
	g.SSHSourceSecurityGroups = a.stringsAt(ssh.cur, "sourceSecurityGroupIds", nil, ssh.at)
	// makeSSHIngressRules: without source groups, port 22 is opened to the
	// world unless the group uses private networking (then the VPC CIDR).
	private := a.boolAt(ng, "privateNetworking", false, item)
	g.SSHOpenToWorldWithoutSources = source.Value[bool]{Val: !private.Val, Origin: private.Origin, Range: private.Range}

	g.AvailabilityZones = a.stringsAt(ng, "availabilityZones", nil, item)
	g.Subnets = a.stringsAt(ng, "subnets", nil, item)
	if g.Subnets.Known() {
		zones := subnetZones(root)
		out := make([]source.Value[string], len(g.Subnets.Val))
		for j, s := range g.Subnets.Val {
			if z, ok := zones[s.Val]; ok && s.Known() {
				out[j] = source.SetAt(z, s.Range)
			} else {
				out[j] = source.UnknownAt[string](s.Range)
			}
		}
		g.SubnetZones = source.Value[[]source.Value[string]]{Val: out, Origin: g.Subnets.Origin, Range: g.Subnets.Range}
	}
	return g
}

// subnetZones maps the names and IDs of subnets declared under
// vpc.subnets.{private,public} to their AZ.
func subnetZones(root *yaml.Node) map[string]string {
	out := map[string]string{}
	subnets := yamldoc.Get(yamldoc.Get(root, "vpc"), "subnets")
	for _, access := range []string{"private", "public"} {
		m := yamldoc.Get(subnets, access)
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			name, spec := m.Content[i].Value, yamldoc.Deref(m.Content[i+1])
			az := yamldoc.ScalarOf(yamldoc.Get(spec, "az"))
			if az == "" {
				continue
			}
			out[name] = az
			if id := yamldoc.ScalarOf(yamldoc.Get(spec, "id")); id != "" {
				out[id] = az
			}
		}
	}
	return out
}
