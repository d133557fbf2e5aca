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
	if doc == nil {
		return &model.Model{}, nil
	}
	a := &adapter{file: doc.File, src: doc.Src, budget: doc.Budget}
	a.m = &a.model
	a.document(doc.Root, "", 0)
	// The model lives in the adapter, and as long as the run: what the
	// adapter read from must not (the whole file's text, nodes).
	a.src, a.seen, a.budget = nil, nil, nil
	return a.m, a.problems
}

// AdaptBuilt adapts an object that a build (kustomize) produced rather
// than one read from a file: at gives each node of root the range of the
// source that produced it, which may lie in another file for every node;
// text returns the whole text of such a file (nil when unknown), to
// locate what a string holding YAML says (aws-auth's mapRoles).
func AdaptBuilt(root *yaml.Node, at func(*yaml.Node) source.Range, text func(file string) []byte) (*model.Model, []source.Problem) {
	m := &model.Model{}
	if root == nil {
		return m, nil
	}
	a := &adapter{file: at(root).File, m: m, at: at, fileText: text, budget: yamldoc.NewBudget()}
	a.document(root, "", 0)
	return a.m, a.problems
}

// adapter holds what one Adapt call accumulates.
type adapter struct {
	file     source.FileID
	src      []byte // the whole file (see awsauth.go)
	budget   *yamldoc.Budget
	m        *model.Model
	problems []source.Problem
	// model is what m points at for Adapt: made with the adapter, one
	// allocation per document rather than two. The adapter then lives as
	// long as the model (to the end of the run), so Adapt lets go of the
	// input when it is done.
	model model.Model
	// seen holds the object mappings already adapted, so that aliases in a
	// List's items can neither loop nor multiply the work (made on first
	// use, see document).
	seen map[*yaml.Node]bool
	// at, when set, locates nodes that did not come from one file as they
	// are (see AdaptBuilt); nil means every node lies in file.
	at       func(*yaml.Node) source.Range
	fileText func(file string) []byte
}

// take takes one object (or container) from the file's budget, warning at
// n when the budget is spent (once per file).
func (a *adapter) take(n *yaml.Node, take func() (bool, string)) bool {
	ok, warning := take()
	if warning != "" {
		a.warn(n, "%s", warning)
	}
	return ok
}

// warn reports a wrong shape at node n.
func (a *adapter) warn(n *yaml.Node, format string, args ...any) {
	a.problems = append(a.problems, source.Warnf(a.rng(n), format, args...))
}

// rng is the exact range of n in the file it came from.
func (a *adapter) rng(n *yaml.Node) source.Range {
	if a.at != nil {
		return a.at(n)
	}
	return yamldoc.Range(a.file, n)
}

// keyValueRange spans from a mapping key to the end of its value, where
// findings about a key's bad value point; a key and value that a build
// took from different files are located at the value.
func (a *adapter) keyValueRange(k, v *yaml.Node) source.Range {
	if a.at == nil {
		return yamldoc.KeyValueRange(a.file, k, v)
	}
	kr, vr := a.at(k), a.at(v)
	if kr.File != vr.File || vr.Start.Line < kr.Start.Line {
		return vr
	}
	kr.End = vr.End
	return kr
}

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
