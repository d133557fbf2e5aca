package model

import "github.com/ekslint/ekslint/linter/source"

// Kube holds the Kubernetes objects other than workloads that rules read:
// services, ingresses, network policies, RBAC, service accounts,
// autoscalers and limit ranges. Cross-object joins (a workload and its
// ServiceAccount, an Ingress and its IngressClass) are made by rules, by
// namespace ("default" when omitted) and name, over every input file.
type Kube struct {
	Services           []*Service
	Ingresses          []*Ingress
	IngressClasses     []*IngressClass
	IngressClassParams []*IngressClassParams
	NetworkPolicies    []*NetworkPolicy
	// OtherPolicies are network policies of other engines (Calico, Cilium,
	// AdminNetworkPolicy), whose selectors rules do not evaluate.
	OtherPolicies   []*OtherPolicy
	Roles           []*RBACRole
	Bindings        []*RBACBinding
	ServiceAccounts []*ServiceAccount
	Autoscalers     []*Autoscaler
	LimitRanges     []*LimitRange
}

func (m *Kube) merge(o *Kube) {
	m.Services = append(m.Services, o.Services...)
	m.Ingresses = append(m.Ingresses, o.Ingresses...)
	m.IngressClasses = append(m.IngressClasses, o.IngressClasses...)
	m.IngressClassParams = append(m.IngressClassParams, o.IngressClassParams...)
	m.NetworkPolicies = append(m.NetworkPolicies, o.NetworkPolicies...)
	m.OtherPolicies = append(m.OtherPolicies, o.OtherPolicies...)
	m.Roles = append(m.Roles, o.Roles...)
	m.Bindings = append(m.Bindings, o.Bindings...)
	m.ServiceAccounts = append(m.ServiceAccounts, o.ServiceAccounts...)
	m.Autoscalers = append(m.Autoscalers, o.Autoscalers...)
	m.LimitRanges = append(m.LimitRanges, o.LimitRanges...)
}

// Annotations are an object's metadata.annotations by key, each Set at
// its value (Unknown when the value is not a string). Absent keys are
// absent from the map, which is nil when the object has none.
type Annotations map[string]source.Value[string]

// Service is a core/v1 Service.
type Service struct {
	Object
	Name, Namespace string
	Annotations     Annotations
	// Type is spec.type (Default "ClusterIP" at spec, or the header).
	Type source.Value[string]
	// LoadBalancerClass is spec.loadBalancerClass (Default "").
	LoadBalancerClass source.Value[string]
	// SourceRanges is spec.loadBalancerSourceRanges (Default empty at spec).
	SourceRanges source.Strings
}

// Ingress is a networking.k8s.io Ingress.
type Ingress struct {
	Object
	Name, Namespace string
	Annotations     Annotations
	// ClassName is spec.ingressClassName (Default "" at spec, or the header).
	ClassName source.Value[string]
}

// IngressClass is a networking.k8s.io IngressClass (cluster-scoped).
type IngressClass struct {
	Object
	Name string
	// Default is true when the ingressclass.kubernetes.io/is-default-class
	// annotation is "true".
	Default bool
	// Controller is spec.controller (Default "").
	Controller source.Value[string]
	// Params names spec.parameters: its API group, kind and name ("" when
	// absent).
	ParamsGroup, ParamsKind, ParamsName string
}

// IngressClassParams is the AWS Load Balancer Controller's (or EKS Auto
// Mode's) IngressClassParams (cluster-scoped).
type IngressClassParams struct {
	Object
	Name  string
	Group string // the API group: elbv2.k8s.aws or eks.amazonaws.com
	// Scheme is spec.scheme (Default "").
	Scheme source.Value[string]
	// InboundCIDRs is spec.inboundCIDRs (Default empty).
	InboundCIDRs source.Strings
}

// LabelSelector is a label selector: matchLabels (or a NetworkPolicy's and a
// Service's plain map) and matchExpressions. The zero value selects
// everything.
type LabelSelector struct {
	MatchLabels      map[string]string
	MatchExpressions []LabelRequirement
}

// LabelRequirement is one matchExpressions entry.
type LabelRequirement struct {
	Key      string
	Operator string // In, NotIn, Exists, DoesNotExist
	Values   []string
}

// NetworkPolicy is a networking.k8s.io/v1 NetworkPolicy.
type NetworkPolicy struct {
	Object
	Name, Namespace string
	// PodSelector is spec.podSelector (Default {}: every pod of the
	// namespace; Unknown when of the wrong shape).
	PodSelector source.Value[LabelSelector]
	// PolicyTypes is spec.policyTypes; when omitted it is Default: Ingress,
	// plus Egress when egress rules are written (the API's defaulting).
	PolicyTypes source.Strings
	// IngressRules and EgressRules count spec.ingress and spec.egress
	// entries (Default 0 when absent; Unknown when not a list).
	IngressRules source.Value[int]
	EgressRules  source.Value[int]
}

// OtherPolicy is a network policy of another engine: Calico's
// NetworkPolicy and GlobalNetworkPolicy, Cilium's CiliumNetworkPolicy and
// CiliumClusterwideNetworkPolicy, AdminNetworkPolicy.
type OtherPolicy struct {
	Object
	Namespace string
	// ClusterWide is true for the kinds that apply to every namespace.
	ClusterWide bool
}

// RBACRole is an rbac.authorization.k8s.io Role or ClusterRole.
type RBACRole struct {
	Object
	Name, Namespace string
	Cluster         bool // a ClusterRole
	// Aggregated is true for a ClusterRole with an aggregationRule, whose
	// rules the control plane fills in.
	Aggregated bool
	Rules      []RBACRule
}

// RBACRule is one rules[] entry of a Role.
type RBACRule struct {
	// Range is the list item.
	Range source.Range
	// APIGroups, Resources, Verbs: Default empty when absent.
	APIGroups, Resources, Verbs source.Strings
	NonResourceURLs             source.Strings
}

// RBACBinding is an rbac.authorization.k8s.io RoleBinding or
// ClusterRoleBinding.
type RBACBinding struct {
	Object
	Name, Namespace string
	Cluster         bool // a ClusterRoleBinding
	// RoleKind and RoleName are roleRef.kind and roleRef.name (Default ""
	// at roleRef, or the header).
	RoleKind, RoleName source.Value[string]
	Subjects           []RBACSubject
}

// RBACSubject is one subjects[] entry of a binding.
type RBACSubject struct {
	// Range is the list item.
	Range      source.Range
	Kind, Name source.Value[string]
	Namespace  source.Value[string] // Default "" when absent
}

// ServiceAccount is a core/v1 ServiceAccount.
type ServiceAccount struct {
	Object
	Name, Namespace string
	// Automount is automountServiceAccountToken (Default true at the
	// header when omitted).
	Automount source.Value[bool]
}

// Autoscaler is a HorizontalPodAutoscaler (autoscaling/v1 or v2).
type Autoscaler struct {
	Object
	Name, Namespace string
	// TargetKind and TargetName are spec.scaleTargetRef.kind and .name.
	TargetKind, TargetName source.Value[string]
	// MinReplicas is spec.minReplicas (Default 1 at spec).
	MinReplicas source.Value[int]
}

// LimitRange is a core/v1 LimitRange: its Container items' defaults.
type LimitRange struct {
	Object
	Name, Namespace string
	// Default and DefaultRequest are the default and defaultRequest
	// quantities of the type: Container items, by resource (cpu, memory),
	// as the API server defaults them: a missing default is the max, a
	// missing defaultRequest the default, else the min. Each is Set at the
	// quantity written.
	Default, DefaultRequest map[string]source.Value[string]
}
