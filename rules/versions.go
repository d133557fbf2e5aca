package rules

import "github.com/ekslint/ekslint/linter"

// versionRules lists the Kubernetes version lifecycle and add-on rules (EKS-CP-040 to 053).
var versionRules = []*linter.Rule{}
