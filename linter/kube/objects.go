package kube

import (
	"strconv"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Kubernetes objects other than workloads, and the facts about workloads
// that rules join with them (labels, replicas, service account).

// objectKind is what the adapter knows of a non-workload kind: the API
// groups it belongs to and how to read it.
type objectKind struct {
	groups  []string
	cluster bool // cluster-scoped: the address has no namespace
	read    func(a *adapter, n *yaml.Node, o model.Object, name, namespace string)
}

// objectKinds are the non-workload kinds rules read. A kind of another API
// group (Knative's Service, Calico's NetworkPolicy) is not one of them.
var objectKinds = map[string][]objectKind{
	"Service":            {{groups: []string{""}, read: (*adapter).service}},
	"Ingress":            {{groups: []string{"networking.k8s.io", "extensions"}, read: (*adapter).ingress}},
	"IngressClass":       {{groups: []string{"networking.k8s.io"}, cluster: true, read: (*adapter).ingressClass}},
	"IngressClassParams": {{groups: []string{"elbv2.k8s.aws", "eks.amazonaws.com"}, cluster: true, read: (*adapter).ingressClassParams}},
	"NetworkPolicy": {
		{groups: []string{"networking.k8s.io", "extensions"}, read: (*adapter).networkPolicy},
		{groups: []string{"projectcalico.org", "crd.projectcalico.org"}, read: (*adapter).otherPolicy},
	},
	"GlobalNetworkPolicy":            {{groups: []string{"projectcalico.org", "crd.projectcalico.org"}, cluster: true, read: (*adapter).otherPolicy}},
	"CiliumNetworkPolicy":            {{groups: []string{"cilium.io"}, read: (*adapter).otherPolicy}},
	"CiliumClusterwideNetworkPolicy": {{groups: []string{"cilium.io"}, cluster: true, read: (*adapter).otherPolicy}},
	"AdminNetworkPolicy":             {{groups: []string{"policy.networking.k8s.io"}, cluster: true, read: (*adapter).otherPolicy}},
	"BaselineAdminNetworkPolicy":     {{groups: []string{"policy.networking.k8s.io"}, cluster: true, read: (*adapter).otherPolicy}},
	"Role":                           {{groups: []string{"rbac.authorization.k8s.io"}, read: (*adapter).role}},
	"ClusterRole":                    {{groups: []string{"rbac.authorization.k8s.io"}, cluster: true, read: (*adapter).role}},
	"RoleBinding":                    {{groups: []string{"rbac.authorization.k8s.io"}, read: (*adapter).binding}},
	"ClusterRoleBinding":             {{groups: []string{"rbac.authorization.k8s.io"}, cluster: true, read: (*adapter).binding}},
	"ServiceAccount":                 {{groups: []string{""}, read: (*adapter).serviceAccount}},
	"HorizontalPodAutoscaler":        {{groups: []string{"autoscaling"}, read: (*adapter).autoscaler}},
	"LimitRange":                     {{groups: []string{""}, read: (*adapter).limitRange}},
}

// apiGroup returns the group of n's apiVersion ("" for the core group
// "v1"); ok is false when apiVersion is absent or not a string.
func apiGroup(n *yaml.Node) (group string, ok bool) {
	v := lookupValue(n, "apiVersion")
	if v == nil || v.Kind != yaml.ScalarNode || v.Value == "" {
		return "", false
	}
	if i := strings.LastIndexByte(v.Value, '/'); i >= 0 {
		return v.Value[:i], true
	}
	return "", true
}

// kubeObject adapts n when it is one of the non-workload kinds rules read,
// and reports whether it was. An object without an apiVersion is read by
// its kind alone.
func (a *adapter) kubeObject(n *yaml.Node, kind string) bool {
	kinds, ok := objectKinds[kind]
	if !ok {
		return false
	}
	group, written := apiGroup(n)
	for _, k := range kinds {
		for _, g := range k.groups {
			if written && g != group {
				continue
			}
			o, name, namespace := a.header(n, kind)
			if k.cluster {
				o.Address = kind + "/" + name
				namespace = ""
			}
			k.read(a, n, o, name, namespace)
			return true
		}
	}
	return false
}

// spec returns the spec mapping of n (nil when absent or of the wrong
// shape, with a warning) and where a setting missing from it points.
func (a *adapter) spec(n *yaml.Node, o model.Object) (*yaml.Node, source.Range, bool) {
	return a.mapping(n, "spec", o.Range, o.Address, "spec")
}

// annotations reads metadata.annotations.
func (a *adapter) annotations(n *yaml.Node) model.Annotations {
	m := yamldoc.Deref(lookupValue(lookupValue(n, "metadata"), "annotations"))
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 2 {
		// Most objects have none. Every reader only indexes the map
		// (rules k8s080, k8s081), and a nil map reads as an empty one.
		return nil
	}
	out := make(model.Annotations, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], yamldoc.Deref(m.Content[i+1])
		if v == nil || v.Kind != yaml.ScalarNode {
			out[k.Value] = source.UnknownAt[string](a.rng(m.Content[i+1]))
			continue
		}
		out[k.Value] = source.SetAt(v.Value, a.keyValueRange(k, v))
	}
	return out
}

// strs reads an optional list of strings: Set at the key through its
// value, Default empty at `at` when absent or null, Unknown (with a
// warning) when not a list; an item that is not a string is Unknown.
func (a *adapter) strs(m *yaml.Node, key string, at source.Range, address, what string) source.Strings {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt([]source.Value[string]{}, at)
	}
	v = yamldoc.Deref(v)
	if v.Kind != yaml.SequenceNode {
		a.shape(v, "%s: %s.%s should be a list, not %s", address, what, key, yamldoc.Describe(v))
		return source.UnknownAt[[]source.Value[string]](a.rng(v))
	}
	items := make([]source.Value[string], 0, len(v.Content))
	for _, e := range v.Content {
		d := yamldoc.Deref(e)
		if d == nil || d.Kind != yaml.ScalarNode {
			items = append(items, source.UnknownAt[string](a.rng(e)))
			continue
		}
		items = append(items, source.SetAt(d.Value, a.rng(e)))
	}
	return source.SetAt(items, a.keyValueRange(k, v))
}

// number reads an optional whole number: Set at the key through its value,
// Default def at `at` when absent or null, Unknown (with a warning) when
// not a whole number.
func (a *adapter) number(m *yaml.Node, key string, def int, at source.Range, address, what string) source.Value[int] {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(def, at)
	}
	v = yamldoc.Deref(v)
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		if n, err := strconv.Atoi(v.Value); err == nil {
			return source.SetAt(n, a.keyValueRange(k, v))
		}
	}
	a.shape(v, "%s: %s.%s should be a whole number, not %s", address, what, key, yamldoc.Describe(v))
	return source.UnknownAt[int](a.rng(v))
}

// count reads the number of entries of an optional list (Default 0).
func (a *adapter) count(m *yaml.Node, key string, at source.Range, address, what string) source.Value[int] {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(0, at)
	}
	v = yamldoc.Deref(v)
	if v.Kind != yaml.SequenceNode {
		a.shape(v, "%s: %s.%s should be a list, not %s", address, what, key, yamldoc.Describe(v))
		return source.UnknownAt[int](a.rng(v))
	}
	return source.SetAt(len(v.Content), a.keyValueRange(k, v))
}

// selector reads a label selector under key: Default (the zero selector)
// at `at` when absent or null, Unknown (with a warning) when of the wrong
// shape.
func (a *adapter) selector(m *yaml.Node, key string, at source.Range, address, what string) source.Value[model.LabelSelector] {
	k, v := lookup(m, key)
	if k == nil || yamldoc.IsNull(v) {
		return source.DefaultAt(model.LabelSelector{}, at)
	}
	v = yamldoc.Deref(v)
	bad := func(n *yaml.Node, want string) source.Value[model.LabelSelector] {
		a.shape(n, "%s: %s.%s should be %s, not %s", address, what, key, want, yamldoc.Describe(n))
		return source.UnknownAt[model.LabelSelector](a.rng(n))
	}
	if v.Kind != yaml.MappingNode {
		return bad(v, "a mapping")
	}
	var sel model.LabelSelector
	if ml := yamldoc.Deref(lookupValue(v, "matchLabels")); !yamldoc.IsNull(ml) {
		labels, ok := stringMap(ml)
		if !ok {
			return bad(ml, "a mapping of strings")
		}
		sel.MatchLabels = labels
	}
	if me := yamldoc.Deref(lookupValue(v, "matchExpressions")); !yamldoc.IsNull(me) {
		if me.Kind != yaml.SequenceNode {
			return bad(me, "a list")
		}
		for _, e := range me.Content {
			e = yamldoc.Deref(e)
			if e == nil || e.Kind != yaml.MappingNode {
				return bad(e, "a list of mappings")
			}
			req := model.LabelRequirement{
				Key:      yamldoc.ScalarOf(lookupValue(e, "key")),
				Operator: yamldoc.ScalarOf(lookupValue(e, "operator")),
			}
			if vals := yamldoc.Deref(lookupValue(e, "values")); !yamldoc.IsNull(vals) {
				if vals.Kind != yaml.SequenceNode {
					return bad(vals, "a list")
				}
				for _, s := range vals.Content {
					s = yamldoc.Deref(s)
					if s == nil || s.Kind != yaml.ScalarNode {
						return bad(s, "a list of strings")
					}
					req.Values = append(req.Values, s.Value)
				}
			}
			switch req.Operator {
			case "In", "NotIn", "Exists", "DoesNotExist":
			default:
				return bad(e, "a requirement with operator In, NotIn, Exists or DoesNotExist")
			}
			sel.MatchExpressions = append(sel.MatchExpressions, req)
		}
	}
	return source.SetAt(sel, a.keyValueRange(k, v))
}

// stringMap reads a mapping of scalars; ok is false for any other shape.
func stringMap(m *yaml.Node) (map[string]string, bool) {
	m = yamldoc.Deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, false
	}
	out := make(map[string]string, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := yamldoc.Deref(m.Content[i+1])
		if v == nil || v.Kind != yaml.ScalarNode || m.Content[i].Tag == "!!merge" {
			return nil, false
		}
		out[m.Content[i].Value] = v.Value
	}
	return out, true
}

func (a *adapter) service(n *yaml.Node, o model.Object, name, namespace string) {
	s := &model.Service{Object: o, Name: name, Namespace: namespace, Annotations: a.annotations(n)}
	spec, at, ok := a.spec(n, o)
	if !ok {
		s.Type = source.UnknownAt[string](at)
		s.LoadBalancerClass = source.UnknownAt[string](at)
		s.SourceRanges = source.UnknownAt[[]source.Value[string]](at)
	} else {
		s.Type = a.text(spec, "type", at, o.Address, "spec")
		if s.Type.IsDefault() {
			s.Type.Val = "ClusterIP"
		}
		s.LoadBalancerClass = a.text(spec, "loadBalancerClass", at, o.Address, "spec")
		s.SourceRanges = a.strs(spec, "loadBalancerSourceRanges", at, o.Address, "spec")
	}
	a.m.Kube.Services = append(a.m.Kube.Services, s)
}

func (a *adapter) ingress(n *yaml.Node, o model.Object, name, namespace string) {
	in := &model.Ingress{Object: o, Name: name, Namespace: namespace, Annotations: a.annotations(n)}
	spec, at, ok := a.spec(n, o)
	if !ok {
		in.ClassName = source.UnknownAt[string](at)
	} else {
		in.ClassName = a.text(spec, "ingressClassName", at, o.Address, "spec")
	}
	a.m.Kube.Ingresses = append(a.m.Kube.Ingresses, in)
}

func (a *adapter) ingressClass(n *yaml.Node, o model.Object, name, _ string) {
	c := &model.IngressClass{Object: o, Name: name}
	if v := a.annotations(n)["ingressclass.kubernetes.io/is-default-class"]; v.Known() && v.Val == "true" {
		c.Default = true
	}
	spec, at, ok := a.spec(n, o)
	if !ok {
		c.Controller = source.UnknownAt[string](at)
	} else {
		c.Controller = a.text(spec, "controller", at, o.Address, "spec")
		if p := yamldoc.Deref(lookupValue(spec, "parameters")); p != nil && p.Kind == yaml.MappingNode {
			c.ParamsGroup = yamldoc.ScalarOf(lookupValue(p, "apiGroup"))
			c.ParamsKind = yamldoc.ScalarOf(lookupValue(p, "kind"))
			c.ParamsName = yamldoc.ScalarOf(lookupValue(p, "name"))
		}
	}
	a.m.Kube.IngressClasses = append(a.m.Kube.IngressClasses, c)
}

func (a *adapter) ingressClassParams(n *yaml.Node, o model.Object, name, _ string) {
	group, _ := apiGroup(n)
	p := &model.IngressClassParams{Object: o, Name: name, Group: group}
	spec, at, ok := a.spec(n, o)
	if !ok {
		p.Scheme = source.UnknownAt[string](at)
		p.InboundCIDRs = source.UnknownAt[[]source.Value[string]](at)
	} else {
		p.Scheme = a.text(spec, "scheme", at, o.Address, "spec")
		p.InboundCIDRs = a.strs(spec, "inboundCIDRs", at, o.Address, "spec")
	}
	a.m.Kube.IngressClassParams = append(a.m.Kube.IngressClassParams, p)
}

func (a *adapter) networkPolicy(n *yaml.Node, o model.Object, name, namespace string) {
	np := &model.NetworkPolicy{Object: o, Name: name, Namespace: namespace}
	spec, at, ok := a.spec(n, o)
	if !ok {
		np.PodSelector = source.UnknownAt[model.LabelSelector](at)
		np.PolicyTypes = source.UnknownAt[[]source.Value[string]](at)
		np.IngressRules = source.UnknownAt[int](at)
		np.EgressRules = source.UnknownAt[int](at)
	} else {
		np.PodSelector = a.selector(spec, "podSelector", at, o.Address, "spec")
		np.IngressRules = a.count(spec, "ingress", at, o.Address, "spec")
		np.EgressRules = a.count(spec, "egress", at, o.Address, "spec")
		np.PolicyTypes = a.strs(spec, "policyTypes", at, o.Address, "spec")
		if np.PolicyTypes.IsDefault() || (np.PolicyTypes.IsSet() && len(np.PolicyTypes.Val) == 0) {
			// The API server's defaulting of an empty or omitted list
			// (SetDefaults_NetworkPolicy): every policy affects ingress;
			// one with at least one egress rule affects egress too.
			at := np.PolicyTypes.Range
			types := []source.Value[string]{source.DefaultAt("Ingress", at)}
			if np.EgressRules.Known() && np.EgressRules.Val > 0 {
				types = append(types, source.DefaultAt("Egress", at))
			}
			np.PolicyTypes.Val = types
		}
	}
	a.m.Kube.NetworkPolicies = append(a.m.Kube.NetworkPolicies, np)
}

func (a *adapter) otherPolicy(_ *yaml.Node, o model.Object, _, namespace string) {
	a.m.Kube.OtherPolicies = append(a.m.Kube.OtherPolicies, &model.OtherPolicy{
		Object: o, Namespace: namespace, ClusterWide: namespace == "",
	})
}

func (a *adapter) role(n *yaml.Node, o model.Object, name, namespace string) {
	r := &model.RBACRole{Object: o, Name: name, Namespace: namespace, Cluster: o.Kind == "ClusterRole"}
	if _, ag := lookup(n, "aggregationRule"); !yamldoc.IsNull(ag) {
		r.Aggregated = true
	}
	a.mappings(n, "rules", o.Address, func(d *yaml.Node, at source.Range) {
		r.Rules = append(r.Rules, model.RBACRule{
			Range:           at,
			APIGroups:       a.strs(d, "apiGroups", at, o.Address, "rules[]"),
			Resources:       a.strs(d, "resources", at, o.Address, "rules[]"),
			Verbs:           a.strs(d, "verbs", at, o.Address, "rules[]"),
			NonResourceURLs: a.strs(d, "nonResourceURLs", at, o.Address, "rules[]"),
		})
	})
	a.m.Kube.Roles = append(a.m.Kube.Roles, r)
}

func (a *adapter) binding(n *yaml.Node, o model.Object, name, namespace string) {
	b := &model.RBACBinding{Object: o, Name: name, Namespace: namespace, Cluster: o.Kind == "ClusterRoleBinding"}
	ref, at, ok := a.mapping(n, "roleRef", o.Range, o.Address, "roleRef")
	if !ok {
		b.RoleKind, b.RoleName = source.UnknownAt[string](at), source.UnknownAt[string](at)
	} else {
		b.RoleKind = a.text(ref, "kind", at, o.Address, "roleRef")
		b.RoleName = a.text(ref, "name", at, o.Address, "roleRef")
	}
	a.mappings(n, "subjects", o.Address, func(d *yaml.Node, at source.Range) {
		b.Subjects = append(b.Subjects, model.RBACSubject{
			Range:     at,
			Kind:      a.text(d, "kind", at, o.Address, "subjects[]"),
			Name:      a.text(d, "name", at, o.Address, "subjects[]"),
			Namespace: a.text(d, "namespace", at, o.Address, "subjects[]"),
		})
	})
	a.m.Kube.Bindings = append(a.m.Kube.Bindings, b)
}

// mappings calls f for each mapping of the list n.key (rules, subjects),
// with the range of the mapping's first key. A list of another shape, or
// an item that is not a mapping, is reported and skipped; an omitted or
// null list has no items.
func (a *adapter) mappings(n *yaml.Node, key, address string, f func(d *yaml.Node, at source.Range)) {
	list := yamldoc.Deref(lookupValue(n, key))
	switch {
	case yamldoc.IsNull(list):
	case list.Kind != yaml.SequenceNode:
		a.shape(list, "%s: %s should be a list, not %s", address, key, yamldoc.Describe(list))
	default:
		for _, item := range list.Content {
			d := yamldoc.Deref(item)
			if d == nil || d.Kind != yaml.MappingNode {
				a.shape(item, "%s: %s[] should hold mappings, not %s", address, key, yamldoc.Describe(item))
				continue
			}
			at := a.rng(d)
			if len(d.Content) > 0 {
				at = a.rng(d.Content[0])
			}
			f(d, at)
		}
	}
}

func (a *adapter) serviceAccount(n *yaml.Node, o model.Object, name, namespace string) {
	sa := &model.ServiceAccount{Object: o, Name: name, Namespace: namespace}
	sa.Automount = a.flag(n, "automountServiceAccountToken", o.Range, o.Address)
	if sa.Automount.IsDefault() {
		sa.Automount.Val = true
	}
	a.m.Kube.ServiceAccounts = append(a.m.Kube.ServiceAccounts, sa)
}

func (a *adapter) autoscaler(n *yaml.Node, o model.Object, name, namespace string) {
	h := &model.Autoscaler{Object: o, Name: name, Namespace: namespace}
	spec, at, ok := a.spec(n, o)
	if !ok {
		h.TargetKind, h.TargetName = source.UnknownAt[string](at), source.UnknownAt[string](at)
		h.MinReplicas = source.UnknownAt[int](at)
	} else {
		ref, refAt, ok := a.mapping(spec, "scaleTargetRef", at, o.Address, "spec.scaleTargetRef")
		if ok {
			h.TargetKind = a.text(ref, "kind", refAt, o.Address, "spec.scaleTargetRef")
			h.TargetName = a.text(ref, "name", refAt, o.Address, "spec.scaleTargetRef")
		} else {
			h.TargetKind, h.TargetName = source.UnknownAt[string](refAt), source.UnknownAt[string](refAt)
		}
		h.MinReplicas = a.number(spec, "minReplicas", 1, at, o.Address, "spec")
	}
	a.m.Kube.Autoscalers = append(a.m.Kube.Autoscalers, h)
}

func (a *adapter) limitRange(n *yaml.Node, o model.Object, name, namespace string) {
	lr := &model.LimitRange{Object: o, Name: name, Namespace: namespace,
		Default: map[string]source.Value[string]{}, DefaultRequest: map[string]source.Value[string]{}}
	limits := yamldoc.Deref(lookupValue(lookupValue(n, "spec"), "limits"))
	if limits != nil && limits.Kind == yaml.SequenceNode {
		for _, item := range limits.Content {
			if yamldoc.ScalarOf(lookupValue(item, "type")) != "Container" {
				continue
			}
			// The API server defaults a Container item on create: a
			// missing default limit is the max, a missing default request
			// is the default limit, else the min (SetDefaults_LimitRangeItem
			// in pkg/apis/core/v1/defaults.go).
			quantities := func(key string) map[string]source.Value[string] {
				out := map[string]source.Value[string]{}
				m := yamldoc.Deref(lookupValue(item, key))
				if m == nil || m.Kind != yaml.MappingNode {
					return out
				}
				for i := 0; i+1 < len(m.Content); i += 2 {
					if v := yamldoc.Deref(m.Content[i+1]); v != nil && v.Kind == yaml.ScalarNode {
						out[m.Content[i].Value] = source.SetAt(v.Value, a.keyValueRange(m.Content[i], v))
					}
				}
				return out
			}
			def, req := quantities("default"), quantities("defaultRequest")
			fill(def, quantities("max"))
			fill(req, def)
			fill(req, quantities("min"))
			fill(lr.Default, def)
			fill(lr.DefaultRequest, req)
		}
	}
	a.m.Kube.LimitRanges = append(a.m.Kube.LimitRanges, lr)
}

// fill copies into dst the entries of src whose keys dst lacks.
func fill(dst, src map[string]source.Value[string]) {
	for k, v := range src {
		if _, ok := dst[k]; !ok {
			dst[k] = v
		}
	}
}

// replicatedKinds are the built-in kinds whose spec.replicas defaults to 1.
var replicatedKinds = map[string]bool{
	"Deployment": true, "StatefulSet": true, "ReplicaSet": true, "ReplicationController": true,
}

// templateLabels reads the labels of the pod template: Default empty at
// the workload when there are none.
func (a *adapter) templateLabels(w *model.Workload, obj *yaml.Node, kind string) source.Value[map[string]string] {
	if meta := templateMeta(obj, kind); !yamldoc.IsNull(meta) {
		if k, v := lookup(meta, "labels"); k != nil && !yamldoc.IsNull(v) {
			if labels, ok := stringMap(v); ok {
				return source.SetAt(labels, a.keyValueRange(k, v))
			}
			a.shape(v, "%s: labels should be a mapping of strings, not %s", w.Address, yamldoc.Describe(v))
			return source.UnknownAt[map[string]string](a.rng(v))
		}
	}
	return source.DefaultAt(map[string]string{}, w.Range)
}

// podFacts reads what rules join with other objects: the pod template's
// labels, the replica count, the service account and token mounting, and
// the spreading rules of the scheduler.
func (a *adapter) podFacts(w *model.Workload, obj *yaml.Node, kind string, spec *yaml.Node) {
	// Labels of the pod template.
	w.TemplateLabels = a.templateLabels(w, obj, kind)
	// Replicas.
	_, isBuiltIn := workloadKinds[kind]
	if specKey, objSpec := lookup(obj, "spec"); specKey != nil {
		switch {
		case replicatedKinds[kind]:
			w.Replicas = a.number(objSpec, "replicas", 1, a.rng(specKey), w.Address, "spec")
		case !isBuiltIn:
			// A custom resource's replicas are read only when written as a
			// number: its schema (and its default) are its own.
			if k, v := lookup(objSpec, "replicas"); k != nil {
				if v = yamldoc.Deref(v); v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
					if n, err := strconv.Atoi(v.Value); err == nil {
						w.Replicas = source.SetAt(n, a.keyValueRange(k, v))
					}
				}
			}
		}
	}
	// Service account and its token.
	w.ServiceAccountName = a.text(spec, "serviceAccountName", w.PodSpec, w.Address, "spec")
	if w.ServiceAccountName.IsDefault() {
		w.ServiceAccountName = a.text(spec, "serviceAccount", w.PodSpec, w.Address, "spec")
	}
	if w.ServiceAccountName.IsDefault() || (w.ServiceAccountName.IsSet() && w.ServiceAccountName.Val == "") {
		w.ServiceAccountName = source.DefaultAt("default", w.PodSpec)
	}
	w.AutomountToken = a.flag(spec, "automountServiceAccountToken", w.PodSpec, w.Address)
	if w.AutomountToken.IsDefault() {
		w.AutomountToken.Val = true
	}
	// Spreading.
	w.AntiAffinity = a.antiAffinity(w, spec)
	w.SpreadConstraints = a.spreadConstraints(w, spec)
}

// antiAffinity reads affinity.podAntiAffinity's required and preferred
// terms.
func (a *adapter) antiAffinity(w *model.Workload, spec *yaml.Node) source.Value[[]model.AffinityTerm] {
	none := source.DefaultAt([]model.AffinityTerm{}, w.PodSpec)
	aff, _, ok := a.mapping(spec, "affinity", w.PodSpec, w.Address, "spec.affinity")
	if !ok {
		return source.UnknownAt[[]model.AffinityTerm](w.PodSpec)
	}
	anti, _, ok := a.mapping(aff, "podAntiAffinity", w.PodSpec, w.Address, "spec.affinity.podAntiAffinity")
	if !ok {
		return source.UnknownAt[[]model.AffinityTerm](w.PodSpec)
	}
	if anti == nil {
		return none
	}
	var terms []model.AffinityTerm
	for _, required := range []bool{true, false} {
		key := "requiredDuringSchedulingIgnoredDuringExecution"
		if !required {
			key = "preferredDuringSchedulingIgnoredDuringExecution"
		}
		list := yamldoc.Deref(lookupValue(anti, key))
		if yamldoc.IsNull(list) {
			continue
		}
		if list.Kind != yaml.SequenceNode {
			a.shape(list, "%s: podAntiAffinity.%s should be a list, not %s", w.Address, key, yamldoc.Describe(list))
			return source.UnknownAt[[]model.AffinityTerm](a.rng(list))
		}
		for _, item := range list.Content {
			term := yamldoc.Deref(item)
			if !required {
				term = yamldoc.Deref(lookupValue(term, "podAffinityTerm"))
			}
			if term == nil || term.Kind != yaml.MappingNode {
				a.shape(item, "%s: podAntiAffinity.%s[] should hold affinity terms, not %s", w.Address, key, yamldoc.Describe(item))
				return source.UnknownAt[[]model.AffinityTerm](a.rng(item))
			}
			at := a.rng(item)
			t := model.AffinityTerm{
				Range:          at,
				Required:       required,
				TopologyKey:    yamldoc.ScalarOf(lookupValue(term, "topologyKey")),
				Selector:       a.selector(term, "labelSelector", at, w.Address, "podAffinityTerm"),
				Namespaces:     scalars(lookupValue(term, "namespaces")),
				MatchLabelKeys: scalars(lookupValue(term, "matchLabelKeys")),
			}
			if k, v := lookup(term, "namespaceSelector"); k != nil && !yamldoc.IsNull(v) {
				t.NamespaceSelectorSet = true
			}
			terms = append(terms, t)
		}
	}
	return source.SetAt(terms, w.PodSpec)
}

// spreadConstraints reads topologySpreadConstraints.
func (a *adapter) spreadConstraints(w *model.Workload, spec *yaml.Node) source.Value[[]model.SpreadConstraint] {
	list := yamldoc.Deref(lookupValue(spec, "topologySpreadConstraints"))
	if yamldoc.IsNull(list) {
		return source.DefaultAt([]model.SpreadConstraint{}, w.PodSpec)
	}
	if list.Kind != yaml.SequenceNode {
		a.shape(list, "%s: topologySpreadConstraints should be a list, not %s", w.Address, yamldoc.Describe(list))
		return source.UnknownAt[[]model.SpreadConstraint](a.rng(list))
	}
	var out []model.SpreadConstraint
	for _, item := range list.Content {
		c := yamldoc.Deref(item)
		if c == nil || c.Kind != yaml.MappingNode {
			a.shape(item, "%s: topologySpreadConstraints[] should hold mappings, not %s", w.Address, yamldoc.Describe(item))
			return source.UnknownAt[[]model.SpreadConstraint](a.rng(item))
		}
		at := a.rng(item)
		out = append(out, model.SpreadConstraint{
			Range:          at,
			TopologyKey:    yamldoc.ScalarOf(lookupValue(c, "topologyKey")),
			Selector:       a.selector(c, "labelSelector", at, w.Address, "topologySpreadConstraints[]"),
			MatchLabelKeys: scalars(lookupValue(c, "matchLabelKeys")),
		})
	}
	return source.SetAt(out, a.rng(list))
}

// scalars returns the scalar items of a list (nil for any other shape).
func scalars(n *yaml.Node) []string {
	n = yamldoc.Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, e := range n.Content {
		if e = yamldoc.Deref(e); e != nil && e.Kind == yaml.ScalarNode {
			out = append(out, e.Value)
		}
	}
	return out
}

// shape reports a value of the wrong shape, unless it is a template
// placeholder ({{replicas}} reads as a mapping in YAML): the manifest is
// then a template, not meant to be applied as written, and the value is
// only unknown.
func (a *adapter) shape(n *yaml.Node, format string, args ...any) {
	if !placeholder(n) {
		a.warn(n, format, args...)
	}
}

// placeholder reports whether n is, or holds as a label value, a
// {{name}} template placeholder. It looks one level down and no further:
// values reached through aliases are shared, and a walk of the whole tree
// would visit an alias bomb's every expansion.
func placeholder(n *yaml.Node) bool {
	n = yamldoc.Deref(n)
	if isPlaceholder(n) {
		return true
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return false
	}
	for i := 1; i < len(n.Content); i += 2 {
		if isPlaceholder(yamldoc.Deref(n.Content[i])) {
			return true
		}
	}
	return false
}

// isPlaceholder reports whether n is {{name}} as YAML reads it: a flow
// mapping whose only key is a mapping and whose value is null.
func isPlaceholder(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Style&yaml.FlowStyle != 0 &&
		n.Content[0].Kind == yaml.MappingNode && yamldoc.IsNull(n.Content[1])
}
