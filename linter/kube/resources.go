package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// resources reads a container's requests and limits. A missing quantity is
// Default "" located at the nearest existing of its requests/limits key, the
// resources key, or the item; a limit never fills in a missing request here
// (rules apply Kubernetes' defaulting themselves). A group of the wrong
// shape makes its quantities Unknown: what the user meant cannot be known.
func (a *adapter) resources(c *model.Container, n *yaml.Node, address string) {
	at := c.Range
	k, res := lookup(n, "resources")
	if k != nil {
		at = a.rng(k)
	}
	if !yamldoc.IsNull(res) && res.Kind != yaml.MappingNode {
		a.warn(res, "%s: resources should be a mapping, not %s", address, yamldoc.Describe(res))
		unknown := source.UnknownAt[string](a.rng(res))
		c.CPURequest, c.MemoryRequest, c.CPULimit, c.MemoryLimit = unknown, unknown, unknown, unknown
		return
	}
	requests := a.resourceGroup(res, "requests", at, address)
	limits := a.resourceGroup(res, "limits", at, address)
	c.CPURequest = a.quantity(requests, "cpu", address)
	c.MemoryRequest = a.quantity(requests, "memory", address)
	c.CPULimit = a.quantity(limits, "cpu", address)
	c.MemoryLimit = a.quantity(limits, "memory", address)
}

// group is resources.requests or resources.limits.
type group struct {
	name string
	node *yaml.Node   // the mapping; nil when absent or null
	at   source.Range // where a missing quantity is located
	bad  bool         // written, but not a mapping
}

// resourceGroup finds group name in res; outer is where a missing quantity
// points when the group key itself is absent.
func (a *adapter) resourceGroup(res *yaml.Node, name string, outer source.Range, address string) group {
	g := group{name: name, at: outer}
	k, v := lookup(res, name)
	if k == nil {
		return g
	}
	g.at = a.rng(k)
	switch {
	case yamldoc.IsNull(v):
	case v.Kind != yaml.MappingNode:
		a.warn(v, "%s: resources.%s should be a mapping, not %s", address, name, yamldoc.Describe(v))
		g.at, g.bad = a.rng(v), true
	default:
		g.node = v
	}
	return g
}

// quantity reads one quantity of a group as written (a number such as
// `cpu: 1` is kept as its text "1"), Set at its key through its value.
func (a *adapter) quantity(g group, name, address string) source.Value[string] {
	if g.bad {
		return source.UnknownAt[string](g.at)
	}
	k, v := lookup(g.node, name)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt("", g.at)
	}
	if v.Kind != yaml.ScalarNode || !isQuantityTag(v.Tag) {
		a.warn(v, "%s: resources.%s.%s should be a quantity such as 500m or 1Gi, not %s", address, g.name, name, yamldoc.Describe(v))
		return source.UnknownAt[string](a.rng(v))
	}
	return source.SetAt(v.Value, a.keyValueRange(k, v))
}

// isQuantityTag: a quantity is written as a string or a number.
func isQuantityTag(tag string) bool {
	return tag == "!!str" || tag == "!!int" || tag == "!!float"
}
