// Package kube adapts Kubernetes manifests into the model. Every object that
// holds a pod spec becomes a model.Workload with its containers; a List is
// unpacked into its items. Where each kind keeps its pod spec is known in one
// place only: the workloadKinds table in podspec.go.
//
// The adapter never panics on a manifest of the wrong shape: it reports a
// warning at the offending node and keeps what it could read.
package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// IgnoreAnnotation is the annotation that suppresses findings on an object.
const IgnoreAnnotation = "ekslint.io/ignore"

// Adapt turns one Kubernetes document (which may be a List) into model
// objects. Kinds that are not workloads yield nothing (yet).
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	m := &model.Model{}
	if doc == nil {
		return m, nil
	}
	a := &adapter{path: doc.Path, src: doc.Src, m: m, seen: map[*yaml.Node]bool{}}
	a.document(doc.Root, "", 0)
	return a.m, a.problems
}

// adapter holds what one Adapt call accumulates.
type adapter struct {
	path     string
	src      []byte // the whole file (see awsauth.go)
	m        *model.Model
	problems []source.Problem
	// seen holds the object mappings already adapted, so that aliases in a
	// List's items can neither loop nor multiply the work.
	seen map[*yaml.Node]bool
}

// warn reports a wrong shape at node n.
func (a *adapter) warn(n *yaml.Node, format string, args ...any) {
	a.problems = append(a.problems, source.Warnf(yamldoc.Range(a.path, n), format, args...))
}

// rng is the exact range of n in this document's file.
func (a *adapter) rng(n *yaml.Node) source.Range { return yamldoc.Range(a.path, n) }

// object adapts one Kubernetes object (a document, or an item of a List)
// whose kind is known.
func (a *adapter) object(n *yaml.Node, kind string) {
	// Objects that are not workloads but that rules read (Service, Ingress,
	// RBAC, NetworkPolicy, ServiceAccount, the aws-auth ConfigMap, …): each
	// area has a file of its own and reads its header with a.header.
	if a.kubeObject(n, kind) || a.authConfigMap(n, kind) {
		return
	}
	// Any other kind may be a workload: the known kinds by their path, and
	// custom resources by the shape of spec.template.spec.
	a.workload(n, kind)
}
