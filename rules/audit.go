package rules

import "github.com/ekslint/ekslint/linter"

// auditRules lists the control-plane log retention, GuardDuty and
// CloudTrail rules (EKS-CP-012, EKS-CP-013, EKS-DET-*).
var auditRules = []*linter.Rule{CP012, CP013, DET001, DET002, DET003, DET010, DET011}
