package eksctl

import "github.com/ekslint/ekslint/linter/model"

// Identity and access: OIDC, Pod Identity, access configuration and entries, log retention.

// identity is not written yet.
func (a *adapter) identity(m *model.Model, top *scope, c *model.Cluster) {}
