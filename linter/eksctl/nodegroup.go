package eksctl

import (
	"strconv"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// nodeGroupLists are the two lists of node groups and the model kind of
// their entries.
var nodeGroupLists = []struct{ key, kind string }{
	{"nodeGroups", "nodeGroup"},
	{"managedNodeGroups", "managedNodeGroup"},
}

// nodeGroups reads every entry of nodeGroups[] and managedNodeGroups[].
// eksctl refuses an entry that is not a mapping; it is reported and skipped.
func (a *adapter) nodeGroups(top *scope, c *model.Cluster) []*model.NodeGroup {
	var out []*model.NodeGroup
	for _, list := range nodeGroupLists {
		for i, raw := range top.items(list.key) {
			path := indexed(list.key, i)
			ng := a.item(path, raw)
			if ng == nil {
				a.warn(raw, "%s must be a mapping, not %s", path, describe(raw))
				continue
			}
			if ok, warning := a.budget.Object(); !ok {
				if warning != "" {
					a.warn(raw, "%s", warning)
				}
				return out
			}
			out = append(out, a.nodeGroup(ng, c, list.key, list.kind, i))
		}
	}
	return out
}

func (a *adapter) nodeGroup(ng *scope, c *model.Cluster, listKey, kind string, i int) *model.NodeGroup {
	id := strconv.Itoa(i)
	if name := ng.str("name", ""); name.Known() && name.Val != "" {
		id = name.Val
	}
	parts := &groupParts{}
	g := &parts.group
	*g = model.NodeGroup{
		Object:  model.Object{Kind: kind, Address: c.Address + "/" + listKey + "/" + id, Range: ng.at, Format: model.Eksctl},
		Cluster: c,
	}
	ssh := ng.enter("ssh")
	g.SSH = sshAllowed(ssh)
	g.SSHSourceSecurityGroups = ssh.strs("sourceSecurityGroupIds", nil)
	g.SSHOpenToWorldWithoutSources = openToWorld(ng.boolean("privateNetworking", false))
	g.AvailabilityZones = ng.strs("availabilityZones", nil)
	var subnets *yaml.Node
	g.Subnets, subnets = ng.strsNode("subnets", nil)
	g.SubnetZones = a.subnetZonesOf(g.Subnets, subnets)
	// Settings of other areas, each in a file of its own.
	a.groupHardening(parts, ng, kind)
	a.groupIAM(parts, ng, kind)
	return g
}

// groupParts are the model objects of one node group, made in one
// allocation: the group almost always has its launch template and role,
// and they live as long as the model that holds them. The root volume
// and the role's one user start in arrays of their own, appended to as
// slices of capacity one, so that a second element moves to a new array.
type groupParts struct {
	group    model.NodeGroup
	template model.LaunchTemplate
	role     model.Role
	volumes  [1]model.Volume
	users    [1]source.Range
}

// sshKeys are the ways to give a node group an SSH key.
var sshKeys = []string{"publicKey", "publicKeyPath", "publicKeyName"}

// sshAllowed follows eksctl's setSSHDefaults: an explicit allow decides;
// without it, any non-empty key turns SSH on; with neither, SSH is off.
func sshAllowed(ssh *scope) source.Value[bool] {
	allow := ssh.boolean("allow", false)
	// Read every key, so that each wrong one is reported, and keep the
	// first written as the reason SSH is on.
	var key, unreadable source.Range
	var hasKey, hasUnreadable bool
	for _, k := range sshKeys {
		v := ssh.str(k, "")
		switch {
		case !v.Known():
			unreadable, hasUnreadable = v.Range, true
		case v.IsSet() && v.Val != "" && (!hasKey || v.Range.Less(key)):
			key, hasKey = v.Range, true
		}
	}
	switch {
	case !allow.Known() || allow.IsSet():
		return allow
	case hasKey:
		return source.SetAt(true, key)
	case hasUnreadable:
		return source.UnknownAt[bool](unreadable)
	}
	return allow
}

// openToWorld: without source security groups, eksctl's SSH ingress rules
// admit 0.0.0.0/0 and ::/0 unless the group has private networking (then
// only the VPC's CIDR). The value is located where privateNetworking is
// decided.
func openToWorld(private source.Value[bool]) source.Value[bool] {
	if !private.Known() {
		return private
	}
	private.Val = !private.Val
	return private
}
