package terraform

import "github.com/ekslint/ekslint/linter/model"

// IAM roles of clusters and node groups, their attachments and policies.

// adaptIAM is not written yet.
func (m *module) adaptIAM(out *model.Model, l *links) {}
