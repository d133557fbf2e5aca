// Package kube adapts Kubernetes manifests into the model. podSpecPaths is
// the one place that knows where each workload kind keeps its pod spec.
package kube

import (
	"fmt"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// podSpecPaths says where each kind keeps its pod spec (CATALOG §1.4).
// Kinds not listed fall back to spec.template.spec when it has containers
// (custom resources such as Argo Rollouts).
var podSpecPaths = map[string][]string{
	"Pod":                   {"spec"},
	"Deployment":            {"spec", "template", "spec"},
	"StatefulSet":           {"spec", "template", "spec"},
	"ReplicaSet":            {"spec", "template", "spec"},
	"ReplicationController": {"spec", "template", "spec"},
	"DaemonSet":             {"spec", "template", "spec"},
	"Job":                   {"spec", "template", "spec"},
	"CronJob":               {"spec", "jobTemplate", "spec", "template", "spec"},
	"PodTemplate":           {"template", "spec"},
}

var fallbackPodSpec = []string{"spec", "template", "spec"}

// IgnoreAnnotation is the annotation that suppresses findings on an object.
const IgnoreAnnotation = "ekslint.io/ignore"

// Adapt turns one Kubernetes document (which may be a List) into model objects.
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	a := &adapter{path: doc.Path, m: &model.Model{}}
	a.object(doc.Root, 0)
	return a.m, a.problems
}

type adapter struct {
	path     string
	m        *model.Model
	problems []source.Problem
}

func (a *adapter) warn(n *yaml.Node, format string, args ...any) {
	a.problems = append(a.problems, source.Warnf(yamldoc.Range(a.path, n), format, args...))
}

// firstKey is where an object without anything closer is located.
func (a *adapter) firstKey(n *yaml.Node) source.Range {
	if len(n.Content) > 0 {
		return yamldoc.Range(a.path, n.Content[0])
	}
	return yamldoc.Range(a.path, n)
}

func (a *adapter) object(n *yaml.Node, depth int) {
	n = yamldoc.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > 4 {
		return
	}
	kind := yamldoc.ScalarOf(yamldoc.Get(n, "kind"))
	if kind == "List" || (strings.HasSuffix(kind, "List") && yamldoc.Get(n, "items") != nil) {
		items := yamldoc.Get(n, "items")
		if items == nil || yamldoc.IsNull(items) {
			return
		}
		if items.Kind != yaml.SequenceNode {
			a.warn(items, "items of a %s must be a list, not %s", kind, yamldoc.Describe(items))
			return
		}
		for _, it := range items.Content {
			it = yamldoc.Deref(it)
			if it == nil || it.Kind != yaml.MappingNode {
				a.warn(it, "an item of a %s must be a mapping, not %s", kind, yamldoc.Describe(it))
				continue
			}
			a.object(it, depth+1)
		}
		return
	}
	a.workload(n, kind)
}

// podSpec finds the pod spec of n: its key node and the spec mapping.
func podSpec(n *yaml.Node, kind string) (key, spec *yaml.Node) {
	path, known := podSpecPaths[kind]
	if !known {
		path = fallbackPodSpec
	}
	cur := n
	for _, p := range path {
		key, cur = yamldoc.Lookup(cur, p)
		if cur == nil {
			return nil, nil
		}
	}
	if !known && yamldoc.Get(cur, "containers") == nil {
		return nil, nil
	}
	return key, cur
}

func (a *adapter) workload(n *yaml.Node, kind string) {
	key, spec := podSpec(n, kind)
	if spec == nil {
		return
	}
	meta := yamldoc.Get(n, "metadata")
	name := yamldoc.ScalarOf(yamldoc.Get(meta, "name"))
	ns := yamldoc.ScalarOf(yamldoc.Get(meta, "namespace"))
	if ns == "" {
		ns = "default"
	}
	w := &model.Workload{
		Object: model.Object{
			Kind:    kind,
			Address: fmt.Sprintf("%s/%s/%s", kind, ns, name),
			Range:   a.firstKey(n),
			Format:  model.Kubernetes,
		},
		Name:        name,
		Namespace:   ns,
		PodSpec:     yamldoc.Range(a.path, key),
		LongRunning: true,
	}
	if _, v := yamldoc.Lookup(yamldoc.Get(meta, "annotations"), IgnoreAnnotation); v != nil && v.Kind == yaml.ScalarNode {
		w.Ignore = source.SetAt(v.Value, yamldoc.Range(a.path, v))
	}
	switch kind {
	case "Job", "CronJob":
		w.LongRunning = false
	case "Pod":
		switch yamldoc.ScalarOf(yamldoc.Get(spec, "restartPolicy")) {
		case "Never", "OnFailure":
			w.LongRunning = false
		}
	}
	if spec.Kind != yaml.MappingNode {
		a.warn(spec, "the pod spec of a %s must be a mapping, not %s", kind, yamldoc.Describe(spec))
		a.m.Workloads = append(a.m.Workloads, w)
		return
	}
	for _, list := range []struct {
		key  string
		kind model.ContainerKind
	}{{"initContainers", model.Init}, {"containers", model.App}, {"ephemeralContainers", model.Ephemeral}} {
		cs := yamldoc.Get(spec, list.key)
		if cs == nil || yamldoc.IsNull(cs) {
			continue
		}
		if cs.Kind != yaml.SequenceNode {
			a.warn(cs, "%s must be a list, not %s", list.key, yamldoc.Describe(cs))
			continue
		}
		for _, c := range cs.Content {
			c = yamldoc.Deref(c)
			if c == nil || c.Kind != yaml.MappingNode {
				a.warn(c, "an entry of %s must be a mapping, not %s", list.key, yamldoc.Describe(c))
				continue
			}
			w.Containers = append(w.Containers, a.container(c, list.kind))
		}
	}
	a.m.Workloads = append(a.m.Workloads, w)
}

func (a *adapter) container(n *yaml.Node, kind model.ContainerKind) *model.Container {
	item := yamldoc.Range(a.path, n)
	c := &model.Container{
		Name:  yamldoc.ScalarOf(yamldoc.Get(n, "name")),
		Kind:  kind,
		Range: item,
	}
	c.Sidecar = kind == model.Init && yamldoc.ScalarOf(yamldoc.Get(n, "restartPolicy")) == "Always"
	if k, v := yamldoc.Lookup(n, "image"); v != nil && v.Kind == yaml.ScalarNode {
		c.Image = source.SetAt(v.Value, yamldoc.KeyValueRange(a.path, k, v))
	} else {
		c.Image = source.DefaultAt("", item)
	}
	c.LivenessProbe = a.present(n, "livenessProbe", item)
	c.ReadinessProbe = a.present(n, "readinessProbe", item)

	resKey, res := yamldoc.Lookup(n, "resources")
	if res != nil && !yamldoc.IsNull(res) && res.Kind != yaml.MappingNode {
		a.warn(res, "resources must be a mapping, not %s", yamldoc.Describe(res))
		res = nil
	}
	requests := a.group(n, resKey, res, "requests")
	limits := a.group(n, resKey, res, "limits")
	c.CPURequest = a.quantity(requests, "cpu")
	c.MemoryRequest = a.quantity(requests, "memory")
	c.CPULimit = a.quantity(limits, "cpu")
	c.MemoryLimit = a.quantity(limits, "memory")
	return c
}

// present reads a field whose presence is what matters (a probe).
func (a *adapter) present(n *yaml.Node, key string, item source.Range) source.Value[bool] {
	k, v := yamldoc.Lookup(n, key)
	if v == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(false, item)
	}
	return source.SetAt(true, yamldoc.Range(a.path, k))
}

// resourceGroup is resources.requests or resources.limits: its node, and
// where a missing quantity in it is located (the nearest existing of the
// group key, the resources key, or the container item).
type resourceGroup struct {
	name    string
	node    *yaml.Node
	at      source.Range
	unknown bool // present but not a mapping
}

func (a *adapter) group(item, resKey, res *yaml.Node, name string) resourceGroup {
	g := resourceGroup{name: name, at: yamldoc.Range(a.path, item)}
	if resKey != nil {
		g.at = yamldoc.Range(a.path, resKey)
	}
	k, v := yamldoc.Lookup(res, name)
	if k != nil {
		g.at = yamldoc.Range(a.path, k)
	}
	if v != nil && !yamldoc.IsNull(v) && v.Kind != yaml.MappingNode {
		a.warn(v, "resources.%s must be a mapping, not %s", name, yamldoc.Describe(v))
		g.at, g.unknown = yamldoc.Range(a.path, v), true
		return g
	}
	g.node = v
	return g
}

// quantity reads one quantity of a group: Set when written, Default ""
// when absent, Unknown when the group or the value has the wrong shape.
func (a *adapter) quantity(g resourceGroup, name string) source.Value[string] {
	if g.unknown {
		return source.UnknownAt[string](g.at)
	}
	k, v := yamldoc.Lookup(g.node, name)
	if v == nil || yamldoc.IsNull(v) {
		return source.DefaultAt("", g.at)
	}
	if v.Kind != yaml.ScalarNode {
		a.warn(v, "resources.%s.%s must be a quantity, not %s", g.name, name, yamldoc.Describe(v))
		return source.UnknownAt[string](yamldoc.Range(a.path, v))
	}
	return source.SetAt(v.Value, yamldoc.KeyValueRange(a.path, k, v))
}
