package kube

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// workloadKind is what ekslint knows about a built-in workload kind.
type workloadKind struct {
	// podSpec is the path of mapping keys to the pod spec.
	podSpec []string
	// finishes: the kind's pods are meant to run to completion, so probe
	// rules do not apply to them.
	finishes bool
}

// workloadKinds says where each workload kind keeps its pod spec (CATALOG
// §1.4). This table, with customPodSpec, is the only place that knows it.
var workloadKinds = map[string]workloadKind{
	"Pod":                   {podSpec: []string{"spec"}},
	"Deployment":            {podSpec: []string{"spec", "template", "spec"}},
	"StatefulSet":           {podSpec: []string{"spec", "template", "spec"}},
	"ReplicaSet":            {podSpec: []string{"spec", "template", "spec"}},
	"ReplicationController": {podSpec: []string{"spec", "template", "spec"}},
	"DaemonSet":             {podSpec: []string{"spec", "template", "spec"}},
	"Job":                   {podSpec: []string{"spec", "template", "spec"}, finishes: true},
	"CronJob":               {podSpec: []string{"spec", "jobTemplate", "spec", "template", "spec"}, finishes: true},
	"PodTemplate":           {podSpec: []string{"template", "spec"}},
}

// customPodSpec is where any other kind is looked at: a custom resource
// (Argo Rollout, Knative Service, …) is a workload when this mapping exists
// and has a containers key.
var customPodSpec = []string{"spec", "template", "spec"}

// podSpecAt is the outcome of following a kind's pod spec path.
type podSpecAt struct {
	// key is the key holding the pod spec or, when the path runs into a
	// value of the wrong shape, the last key reached.
	key *yaml.Node
	// spec is the pod spec mapping; nil when the path is broken.
	spec *yaml.Node
	// bad is the value of the wrong shape and badPath its dotted path
	// (e.g. "spec.template"); nil when the path is whole.
	bad     *yaml.Node
	badPath string
}

// findPodSpec follows the pod spec path of kind in object n. found is false
// when n holds no pod spec: a kind that is not a workload, or a path that
// stops short or ends in null (a kustomize patch that only sets replicas).
// For a built-in workload kind, a value of the wrong shape on the way is
// returned as bad; for other kinds it means "not a workload".
func findPodSpec(n *yaml.Node, kind string) (at podSpecAt, found bool) {
	wk, builtIn := workloadKinds[kind]
	path := wk.podSpec
	if !builtIn {
		path = customPodSpec
	}
	cur := n
	for i, step := range path {
		k, v := lookup(cur, step)
		if k == nil || yamldoc.IsNull(v) {
			return podSpecAt{}, false
		}
		at.key = k
		if v.Kind != yaml.MappingNode {
			if !builtIn {
				return podSpecAt{}, false
			}
			at.bad, at.badPath = v, strings.Join(path[:i+1], ".")
			return at, true
		}
		cur = v
	}
	if containers, _ := lookup(cur, "containers"); !builtIn && containers == nil {
		return podSpecAt{}, false
	}
	at.spec = cur
	return at, true
}

// longRunning reports whether a workload's pods are meant to run for good:
// not for kinds that finish, nor for a Pod that is not restarted after it
// succeeds (restartPolicy Never or OnFailure).
func longRunning(kind string, spec *yaml.Node) bool {
	if workloadKinds[kind].finishes {
		return false
	}
	if kind == "Pod" {
		switch yamldoc.ScalarOf(lookupValue(spec, "restartPolicy")) {
		case "Never", "OnFailure":
			return false
		}
	}
	return true
}
