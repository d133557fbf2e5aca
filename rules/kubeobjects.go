package rules

import "github.com/ekslint/ekslint/linter"

// kubeObjects lists the rules that read several Kubernetes objects together: spread, service account tokens, network policies, load balancers, ingresses and RBAC (EKS-K8S-030, 040, 070 to 081, EKS-RBAC-001 to 003).
var kubeObjects = []*linter.Rule{K8S030, K8S040, K8S070, K8S071, K8S080, K8S081, RBAC001, RBAC002, RBAC003}
