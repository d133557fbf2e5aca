package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// containerLists are the pod spec's container lists, in the order the
// kubelet starts them.
var containerLists = []struct {
	key  string
	kind model.ContainerKind
}{
	{"initContainers", model.Init},
	{"containers", model.App},
	{"ephemeralContainers", model.Ephemeral},
}

// containers adds to w every container of pod spec spec.
func (a *adapter) containers(w *model.Workload, spec *yaml.Node) {
	for _, list := range containerLists {
		cs := lookupValue(spec, list.key)
		if yamldoc.IsNull(cs) {
			continue
		}
		if cs.Kind != yaml.SequenceNode {
			a.warn(cs, "%s: %s should be a list, not %s; it is skipped", w.Address, list.key, yamldoc.Describe(cs))
			continue
		}
		for _, c := range cs.Content {
			item := yamldoc.Deref(c)
			if item == nil || item.Kind != yaml.MappingNode {
				a.warn(c, "%s: an entry of %s should be a mapping, not %s; it is skipped", w.Address, list.key, yamldoc.Describe(c))
				continue
			}
			if !a.take(item, a.budget.Container) {
				return
			}
			w.Containers = append(w.Containers, a.container(item, list.kind, w.Address))
		}
	}
}

// container reads one container mapping. Findings about something missing
// point at the item, so its Range spans the whole mapping from its first key.
func (a *adapter) container(n *yaml.Node, kind model.ContainerKind, address string) *model.Container {
	item := a.rng(n)
	c := &model.Container{Kind: kind, Range: item}
	if v := lookupValue(n, "name"); !yamldoc.IsNull(v) {
		if v.Kind == yaml.ScalarNode {
			c.Name = v.Value
		} else {
			a.warn(v, "%s: a container name should be a string, not %s", address, yamldoc.Describe(v))
		}
	}
	// An init container that is always restarted is a native sidecar: it
	// runs for the pod's whole life.
	c.Sidecar = kind == model.Init && yamldoc.ScalarOf(lookupValue(n, "restartPolicy")) == "Always"
	c.Image = a.image(n, item, address)
	c.LivenessProbe = a.probe(n, "livenessProbe", item, address)
	c.ReadinessProbe = a.probe(n, "readinessProbe", item, address)
	a.resources(c, n, address)
	a.containerSecurity(c, n, address)
	return c
}

// image reads the image: Set at the value; Default "" at the item when
// absent or null; Unknown when it is not a scalar.
func (a *adapter) image(n *yaml.Node, item source.Range, address string) source.Value[string] {
	v := lookupValue(n, "image")
	switch {
	case yamldoc.IsNull(v):
		return source.DefaultAt("", item)
	case v.Kind != yaml.ScalarNode:
		a.warn(v, "%s: image should be a string, not %s", address, yamldoc.Describe(v))
		return source.UnknownAt[string](a.rng(v))
	}
	return source.SetAt(v.Value, a.rng(v))
}

// probe reads a field whose presence is what matters: Set true at its key
// when present and not null, Default false at the item otherwise. A probe
// of the wrong shape is still a probe the user meant to write: it counts as
// present, with a warning.
func (a *adapter) probe(n *yaml.Node, key string, item source.Range, address string) source.Value[bool] {
	k, v := lookup(n, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(false, item)
	}
	if v.Kind != yaml.MappingNode {
		a.warn(v, "%s: %s should be a mapping, not %s", address, key, yamldoc.Describe(v))
	}
	return source.SetAt(true, a.rng(k))
}
