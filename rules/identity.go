package rules

import "github.com/ekslint/ekslint/linter"

// identityRules lists the cluster log retention, secrets encryption, workload identity and access rules (EKS-CP-012, 013, 021, 030, 031, 032, EKS-RBAC-020).
var identityRules = []*linter.Rule{CP021, CP030, CP031, CP032, RBAC020}
