package rules

import "github.com/ekslint/ekslint/linter"

// versionRules lists the Kubernetes version lifecycle and add-on rules (EKS-CP-040 to 053).
var versionRules = []*linter.Rule{CP040, CP041, CP042, CP043, CP044, CP050, CP051, CP052, CP053}
