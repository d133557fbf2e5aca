package terraform

import "github.com/ekslint/ekslint/linter/model"

// Node hardening: launch templates, volumes, the metadata service, monitoring and subnets of node groups.

// nodeGroupHardening is not written yet.
func (m *module) nodeGroupHardening(r *resource, g *model.NodeGroup) {}

// adaptNodeHardening is not written yet.
func (m *module) adaptNodeHardening(out *model.Model, l *links) {}
