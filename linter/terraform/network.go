package terraform

import "github.com/ekslint/ekslint/linter/model"

// Security groups and their ingress rules, in all three shapes.

// adaptNetwork is not written yet.
func (m *module) adaptNetwork(out *model.Model, l *links) {}
