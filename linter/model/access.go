package model

import "github.com/ekslint/ekslint/linter/source"

// Access holds who is mapped into the clusters through aws-auth, from
// every format it is written in.
type Access struct {
	AuthMaps []*AuthMap
}

func (m *Access) merge(o *Access) {
	m.AuthMaps = append(m.AuthMaps, o.AuthMaps...)
}

// Where an aws-auth mapping is written.
const (
	MapRoles    = "mapRoles"
	MapUsers    = "mapUsers"
	MapAccounts = "mapAccounts"
	// IdentityMappings is eksctl's iamIdentityMappings, which eksctl
	// writes into mapRoles, mapUsers or mapAccounts.
	IdentityMappings = "iamIdentityMappings"
)

// AuthMap is one aws-auth configuration: a Kubernetes ConfigMap, a
// Terraform kubernetes_config_map(_v1)(_data), the aws_auth_* inputs of a
// terraform-aws-modules/eks call, or an eksctl ClusterConfig's
// iamIdentityMappings.
type AuthMap struct {
	Object
	// Cluster is the cluster the mappings belong to, when the format says
	// (eksctl, the eks module); nil otherwise.
	Cluster *Cluster
	// Namespace is where the ConfigMap lives. A manifest without one is
	// Unknown (it goes where `kubectl apply -n` says); Terraform's
	// kubernetes provider defaults it to "default". eksctl and the eks
	// module always write kube-system.
	Namespace source.Value[string]
	// Entries are the mappings read, in the order written.
	Entries []*AuthEntry
	// Problems are what made a map unreadable while it was read: not
	// YAML, not a list, an entry that is not a mapping, a value of the
	// wrong type (EKS-RBAC-012).
	Problems []AuthProblem
}

// AuthEntry is one mapping: an item of mapRoles or mapUsers, an account of
// mapAccounts, or an eksctl iamIdentityMappings item.
type AuthEntry struct {
	// From says where it is written: MapRoles, MapUsers, MapAccounts or
	// IdentityMappings.
	From string
	// List is the list as the file names it, for messages: mapRoles,
	// aws_auth_roles, iamIdentityMappings.
	List string
	// Index is the entry's position in its list (0-based).
	Index int
	// Range is the entry itself (the list item, or the tuple element).
	Range source.Range
	// ARN is rolearn (mapRoles), userarn (mapUsers) or arn (eksctl); the
	// zero value (Unknown, no range) when the entry has none. ARNKey is
	// the key it was read from ("rolearn", "userarn", "arn").
	ARN    source.Value[string]
	ARNKey string
	// HasARN and HasUsername say whether the key is written at all: an
	// entry can have a key whose value is unknown (a variable).
	HasARN, HasUsername bool
	// Account is a mapAccounts item or eksctl's account.
	Account  source.Value[string]
	Username source.Value[string]
	// Groups are the Kubernetes groups the principal is put in.
	Groups source.Strings
}

// AuthProblem is something that made part of an aws-auth map unreadable.
type AuthProblem struct {
	Range   source.Range
	Message string
}
