package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
)

// Pod and container security: host namespaces, volumes, security contexts.

// podSecurity is not written yet.
func (a *adapter) podSecurity(w *model.Workload, obj, spec *yaml.Node) {}

// containerSecurity is not written yet.
func (a *adapter) containerSecurity(c *model.Container, n *yaml.Node, address string) {}
