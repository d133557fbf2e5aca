// Package eksctl adapts eksctl ClusterConfig documents into the model,
// applying eksctl's own defaults to omitted fields.
package eksctl

import (
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Is reports whether apiVersion/kind name an eksctl ClusterConfig.
func Is(apiVersion, kind string) bool {
	return len(apiVersion) > len("eksctl.io/") && apiVersion[:len("eksctl.io/")] == "eksctl.io/" && kind == "ClusterConfig"
}

// Adapt turns one ClusterConfig document into model objects.
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	return &model.Model{}, nil // TODO: implemented by the eksctl adapter
}
