package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// header reads what every Kubernetes object has: its address, its first key
// and its ignore annotation. It also returns the name and namespace
// ("default" when omitted).
func (a *adapter) header(n *yaml.Node, kind string) (o model.Object, name, namespace string) {
	meta := lookupValue(n, "metadata")
	if !yamldoc.IsNull(meta) && meta.Kind != yaml.MappingNode {
		a.warn(meta, "%s: metadata should be a mapping, not %s", kind, yamldoc.Describe(meta))
		meta = nil
	}
	name = a.metaString(meta, "name", kind)
	namespace = a.metaString(meta, "namespace", kind)
	if namespace == "" {
		namespace = "default"
	}
	shown := name
	if shown == "" {
		// Objects created with a generated name (Jobs, often) are still
		// recognisable by its prefix.
		shown = a.metaString(meta, "generateName", kind)
	}
	o = model.Object{Kind: kind, Address: kind + "/" + namespace + "/" + shown, Format: model.Kubernetes}
	if len(n.Content) > 0 {
		o.Range = a.rng(n.Content[0]) // the object's first key
	} else {
		o.Range = a.rng(n)
	}
	o.Ignore = a.ignore(meta, o.Address)
	return o, name, namespace
}

// metaString reads a string field of metadata; a value of the wrong shape
// is reported and read as "".
func (a *adapter) metaString(meta *yaml.Node, key, kind string) string {
	v := lookupValue(meta, key)
	if yamldoc.IsNull(v) {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		a.warn(v, "%s: metadata.%s should be a string, not %s", kind, key, yamldoc.Describe(v))
		return ""
	}
	return v.Value
}

// workload adds n as a Workload when it holds a pod spec.
func (a *adapter) workload(n *yaml.Node, kind string) {
	at, found := findPodSpec(n, kind)
	if !found {
		return
	}
	obj, name, namespace := a.header(n, kind)
	w := &model.Workload{
		Object:      obj,
		Name:        name,
		Namespace:   namespace,
		PodSpec:     a.rng(at.key),
		LongRunning: longRunning(kind, at.spec),
	}
	a.m.Workloads = append(a.m.Workloads, w)
	if at.bad != nil {
		a.warn(at.bad, "%s: %s should be a mapping, not %s; its containers cannot be read",
			obj.Address, at.badPath, yamldoc.Describe(at.bad))
		return
	}
	a.containers(w, at.spec)
	// Settings of other areas, each in a file of its own.
	a.podSecurity(w, n, at.spec)
	a.podFacts(w, n, kind, at.spec)
}
