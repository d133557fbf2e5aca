package rules

import "github.com/ekslint/ekslint/linter"

// auditRules lists the GuardDuty and CloudTrail rules (EKS-DET-*).
var auditRules = []*linter.Rule{}
