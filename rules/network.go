package rules

import "github.com/ekslint/ekslint/linter"

// networkRules lists the security group rules (EKS-NET-*).
var networkRules = []*linter.Rule{NET001, NET002, NET003}
