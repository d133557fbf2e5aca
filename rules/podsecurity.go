package rules

import "github.com/ekslint/ekslint/linter"

// podSecurity lists the pod and container security rules (EKS-K8S-001 to 003, 050 to 062).
var podSecurity = []*linter.Rule{K8S001, K8S002, K8S003, K8S050, K8S051, K8S052, K8S060, K8S061, K8S062}
