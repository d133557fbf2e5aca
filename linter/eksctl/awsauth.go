package eksctl

import "github.com/ekslint/ekslint/linter/model"

// iamIdentityMappings, which eksctl writes into aws-auth.

// authMaps is not written yet.
func (a *adapter) authMaps(m *model.Model, top *scope, c *model.Cluster) {}
