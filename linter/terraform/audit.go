package terraform

import "github.com/ekslint/ekslint/linter/model"

// GuardDuty, CloudTrail and CloudWatch log groups.

// adaptAudit is not written yet.
func (m *module) adaptAudit(out *model.Model, l *links) {}
