package eksctl

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
)

// The ClusterConfig schema: unknown keys, wrong types and invalid values (EKS-META-001).

// schema is not written yet.
func (a *adapter) schema(m *model.Model, root *yaml.Node, c *model.Cluster) {}
