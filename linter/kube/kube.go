// Package kube adapts Kubernetes manifests into the model: every workload
// kind's pod spec is found here and nowhere else.
package kube

import (
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Adapt turns one Kubernetes document (which may be a List) into model objects.
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	return &model.Model{}, nil // TODO: implemented by the kube adapter
}
