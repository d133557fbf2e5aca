package rules

import "github.com/ekslint/ekslint/linter"

// accessRules lists the aws-auth rules (EKS-RBAC-010 to 012).
var accessRules = []*linter.Rule{}
