package eksctl

import "github.com/ekslint/ekslint/linter/model"

// IAM: the roles eksctl creates for the cluster and node groups, and the policies attached.

// iam is not written yet.
func (a *adapter) iam(m *model.Model, top *scope, c *model.Cluster) {}

// groupIAM is not written yet.
func (a *adapter) groupIAM(g *model.NodeGroup, ng *scope, kind string) {}
