package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
)

// Kubernetes objects other than workloads, and the facts about workloads
// that rules join with them (labels, replicas, service account).

// kubeObject adapts n when it is one of the non-workload kinds rules read,
// and reports whether it was. Not written yet.
func (a *adapter) kubeObject(n *yaml.Node, kind string) bool { return false }

// podFacts is not written yet.
func (a *adapter) podFacts(w *model.Workload, obj *yaml.Node, kind string, spec *yaml.Node) {}
