package terraform

import "github.com/ekslint/ekslint/linter/model"

// Kubernetes versions, upgrade policy and add-ons (aws_eks_addon).

// clusterVersions is not written yet.
func (m *module) clusterVersions(r *resource, c *model.Cluster) {}

// nodeGroupVersions is not written yet.
func (m *module) nodeGroupVersions(r *resource, g *model.NodeGroup) {}

// adaptAddons is not written yet.
func (m *module) adaptAddons(out *model.Model, l *links) {}
