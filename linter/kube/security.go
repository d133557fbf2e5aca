package kube

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Pod and container security: host namespaces, volumes, security contexts.

// appArmorAnnotation is the prefix of the legacy (pre-1.30) per-container
// AppArmor annotation on the pod template's metadata.
const appArmorAnnotation = "container.apparmor.security.beta.kubernetes.io/"

// podSecurity reads the pod spec's host namespaces, hostPath volumes and
// pod-level securityContext, and the legacy AppArmor annotations of the pod
// template's metadata.
func (a *adapter) podSecurity(w *model.Workload, obj, spec *yaml.Node) {
	w.HostNetwork = a.flag(spec, "hostNetwork", w.PodSpec, w.Address)
	w.HostPID = a.flag(spec, "hostPID", w.PodSpec, w.Address)
	w.HostIPC = a.flag(spec, "hostIPC", w.PodSpec, w.Address)
	a.hostPaths(w, spec)
	_, w.PodSecurity = a.securityContext(spec, w.PodSpec, w.Address, podContextNames)
	w.AppArmorAnnotations = a.appArmorAnnotations(templateMeta(obj, w.Kind), w.Address)
	w.Windows = yamldoc.ScalarOf(lookupValue(lookupValue(spec, "os"), "name")) == "windows"
}

// containerSecurity reads a container's securityContext.
func (a *adapter) containerSecurity(c *model.Container, n *yaml.Node, address string) {
	var sc *yaml.Node
	sc, c.Security = a.securityContext(n, c.Range, address, containerContextNames(c.Kind))
	at := c.Range
	if k, _ := lookup(n, "securityContext"); k != nil {
		at = a.rng(k)
	}
	if sc == nil && !c.Security.Seccomp.Known() {
		c.Privileged = source.UnknownAt[bool](at) // securityContext of the wrong shape
		return
	}
	c.Privileged = a.flag(sc, "privileged", at, address)
}

// templateMeta returns the metadata mapping of the pod template: the
// object's own for a Pod, the template's for the other kinds.
func templateMeta(obj *yaml.Node, kind string) *yaml.Node {
	path := customPodSpec
	if wk, ok := workloadKinds[kind]; ok {
		path = wk.podSpec
	}
	cur := obj
	for _, step := range path[:len(path)-1] {
		cur = lookupValue(cur, step)
	}
	return lookupValue(cur, "metadata")
}

// flag reads an optional boolean: Set at the key through its value, Default
// false at `at` when absent or null, Unknown (with a warning) when it is
// not a boolean.
func (a *adapter) flag(m *yaml.Node, key string, at source.Range, address string) source.Value[bool] {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(false, at)
	}
	b, ok := yamldoc.Bool(v)
	if !ok {
		a.warn(v, "%s: %s should be true or false, not %s", address, key, yamldoc.Describe(v))
		return source.UnknownAt[bool](a.rng(v))
	}
	return source.SetAt(b, a.keyValueRange(k, v))
}

// text reads an optional string: Set at its value, Default "" at `at` when
// absent or null, Unknown (with a warning) when it is not a scalar.
func (a *adapter) text(m *yaml.Node, key string, at source.Range, address, what string) source.Value[string] {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt("", at)
	}
	if v.Kind != yaml.ScalarNode {
		a.warn(v, "%s: %s.%s should be a string, not %s", address, what, key, yamldoc.Describe(v))
		return source.UnknownAt[string](a.rng(v))
	}
	return source.SetAt(v.Value, a.rng(v))
}

// mapping returns the mapping under key in m and where a setting missing
// from it points (the key, or outer when the key is absent). ok is false
// when the value is written but is not a mapping (with a warning).
func (a *adapter) mapping(m *yaml.Node, key string, outer source.Range, address, what string) (node *yaml.Node, at source.Range, ok bool) {
	k, v := lookup(m, key)
	if k == nil {
		return nil, outer, true
	}
	if yamldoc.IsNull(v) {
		return nil, a.rng(k), true
	}
	if v.Kind != yaml.MappingNode {
		a.warn(v, "%s: %s should be a mapping, not %s", address, what, yamldoc.Describe(v))
		return nil, a.rng(v), false
	}
	return v, a.rng(k), true
}

// contextNames name a securityContext and the settings in it, in messages:
// "container securityContext", "container securityContext.seccompProfile".
// There are four securityContexts (the pod's and one per container kind),
// so the names are joined once, not for every container.
type contextNames struct {
	self, seccomp, appArmor, seLinux string
}

func newContextNames(self string) contextNames {
	return contextNames{
		self:     self,
		seccomp:  self + ".seccompProfile",
		appArmor: self + ".appArmorProfile",
		seLinux:  self + ".seLinuxOptions",
	}
}

var (
	podContextNames = newContextNames("spec.securityContext")
	// byKind are the names of the container kinds' securityContexts.
	byKind = map[model.ContainerKind]contextNames{
		model.Init:      newContextNames(model.Init.String() + " securityContext"),
		model.App:       newContextNames(model.App.String() + " securityContext"),
		model.Ephemeral: newContextNames(model.Ephemeral.String() + " securityContext"),
	}
)

// containerContextNames names the securityContext of a container of kind.
func containerContextNames(kind model.ContainerKind) contextNames {
	if n, ok := byKind[kind]; ok {
		return n
	}
	return newContextNames(kind.String() + " securityContext")
}

// securityContext reads the securityContext of a pod spec or container n.
// A securityContext (or profile) of the wrong shape makes what it holds
// Unknown.
func (a *adapter) securityContext(n *yaml.Node, outer source.Range, address string, what contextNames) (*yaml.Node, model.SecurityContext) {
	var out model.SecurityContext
	sc, at, ok := a.mapping(n, "securityContext", outer, address, what.self)
	if !ok {
		u := source.UnknownAt[string](at)
		out.Seccomp, out.AppArmor = u, u
		out.SELinux = model.SELinuxOptions{Present: source.UnknownAt[bool](at), User: u, Role: u, Type: u, Level: u}
		return nil, out
	}
	out.Seccomp = a.profile(sc, "seccompProfile", at, address, what.seccomp)
	out.AppArmor = a.profile(sc, "appArmorProfile", at, address, what.appArmor)
	out.SELinux = a.seLinux(sc, at, address, what.seLinux)
	return sc, out
}

// profile reads seccompProfile.type or appArmorProfile.type; what names
// the profile.
func (a *adapter) profile(sc *yaml.Node, key string, outer source.Range, address, what string) source.Value[string] {
	p, at, ok := a.mapping(sc, key, outer, address, what)
	if !ok {
		return source.UnknownAt[string](at)
	}
	return a.text(p, "type", at, address, what)
}

// seLinux reads seLinuxOptions; what names them.
func (a *adapter) seLinux(sc *yaml.Node, outer source.Range, address, what string) model.SELinuxOptions {
	k, _ := lookup(sc, "seLinuxOptions")
	o, at, ok := a.mapping(sc, "seLinuxOptions", outer, address, what)
	if !ok {
		u := source.UnknownAt[string](at)
		return model.SELinuxOptions{Present: source.UnknownAt[bool](at), User: u, Role: u, Type: u, Level: u}
	}
	out := model.SELinuxOptions{
		Present: source.DefaultAt(false, at),
		User:    a.text(o, "user", at, address, what),
		Role:    a.text(o, "role", at, address, what),
		Type:    a.text(o, "type", at, address, what),
		Level:   a.text(o, "level", at, address, what),
	}
	if o != nil {
		out.Present = source.SetAt(true, a.rng(k))
	}
	return out
}

// hostPaths collects the volumes with a hostPath source.
func (a *adapter) hostPaths(w *model.Workload, spec *yaml.Node) {
	vols := lookupValue(spec, "volumes")
	if yamldoc.IsNull(vols) {
		return
	}
	if vols.Kind != yaml.SequenceNode {
		a.warn(vols, "%s: volumes should be a list, not %s", w.Address, yamldoc.Describe(vols))
		return
	}
	for _, item := range vols.Content {
		item = yamldoc.Deref(item)
		k, hp := lookup(item, "hostPath")
		if k == nil || yamldoc.IsNull(hp) {
			continue
		}
		v := model.HostPathVolume{Name: yamldoc.ScalarOf(lookupValue(item, "name")), Range: a.rng(k)}
		if hp.Kind != yaml.MappingNode {
			a.warn(hp, "%s: volume %q: hostPath should be a mapping, not %s", w.Address, v.Name, yamldoc.Describe(hp))
			v.Path = source.UnknownAt[string](a.rng(hp))
		} else {
			v.Path = a.text(hp, "path", v.Range, w.Address, "hostPath")
			if v.Path.IsDefault() {
				v.Path = source.UnknownAt[string](v.Range) // path is required; what was meant is unknown
			}
		}
		w.HostPaths = append(w.HostPaths, v)
	}
}

// appArmorAnnotations reads the legacy AppArmor annotations.
func (a *adapter) appArmorAnnotations(meta *yaml.Node, address string) map[string]source.Value[string] {
	ann := lookupValue(meta, "annotations")
	if ann == nil || ann.Kind != yaml.MappingNode {
		return nil
	}
	var out map[string]source.Value[string]
	for i := 0; i+1 < len(ann.Content); i += 2 {
		k := ann.Content[i]
		name, ok := strings.CutPrefix(k.Value, appArmorAnnotation)
		if !ok {
			continue
		}
		if out == nil {
			out = map[string]source.Value[string]{}
		}
		v := yamldoc.Deref(ann.Content[i+1])
		if v == nil || v.Kind != yaml.ScalarNode {
			a.warn(ann.Content[i+1], "%s: annotation %s should be a string, not %s", address, k.Value, yamldoc.Describe(v))
			out[name] = source.UnknownAt[string](a.rng(k))
			continue
		}
		out[name] = source.SetAt(v.Value, a.keyValueRange(k, v))
	}
	return out
}
