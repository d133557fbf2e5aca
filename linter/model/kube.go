package model

// Kube holds the Kubernetes objects other than workloads that rules read:
// services, ingresses, network policies, RBAC, service accounts,
// autoscalers and limit ranges.
type Kube struct {
}

func (m *Kube) merge(o *Kube) {
}
