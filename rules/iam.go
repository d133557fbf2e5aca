package rules

import "github.com/ekslint/ekslint/linter"

// iamRules lists the IAM role rules (EKS-NG-050 to 053).
var iamRules = []*linter.Rule{}
