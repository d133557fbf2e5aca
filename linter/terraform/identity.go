package terraform

import "github.com/ekslint/ekslint/linter/model"

// Cluster identity and access: secrets encryption details, OIDC providers, Pod Identity, access configuration and entries, and the cluster log group.

// clusterIdentity is not written yet.
func (m *module) clusterIdentity(r *resource, c *model.Cluster) {}

// adaptIdentity is not written yet.
func (m *module) adaptIdentity(out *model.Model, l *links) {}
