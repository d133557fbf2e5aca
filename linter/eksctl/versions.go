package eksctl

import "github.com/ekslint/ekslint/linter/model"

// Kubernetes version, upgrade policy and add-ons.

// versions is not written yet.
func (a *adapter) versions(m *model.Model, top *scope, c *model.Cluster) {}
