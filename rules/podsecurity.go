package rules

import "github.com/ekslint/ekslint/linter"

// podSecurity lists the pod and container security rules (EKS-K8S-001 to 003, 050 to 062).
var podSecurity = []*linter.Rule{}
