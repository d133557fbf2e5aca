package kube

import "sigs.k8s.io/kustomize/kyaml/yaml"

// The aws-auth ConfigMap: the YAML inside mapRoles, mapUsers and
// mapAccounts.

// authConfigMap adapts n when it is the aws-auth ConfigMap, and reports
// whether it was. Not written yet.
func (a *adapter) authConfigMap(n *yaml.Node, kind string) bool { return false }
