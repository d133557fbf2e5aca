package model

import "github.com/ekslint/ekslint/linter/source"

// Cluster is an EKS control plane: aws_eks_cluster, the eks module, or an
// eksctl ClusterConfig.
type Cluster struct {
	Object
	// Name is the cluster's name when known.
	Name source.Value[string]
	// Version is the Kubernetes minor version ("1.31"); Default with an
	// empty Val when omitted.
	Version source.Value[string]

	// PublicEndpoint: is the API server endpoint reachable from the internet?
	PublicEndpoint source.Value[bool]
	// PrivateEndpoint: is the endpoint reachable from inside the VPC?
	PrivateEndpoint source.Value[bool]
	// PublicCIDRs: who may reach the public endpoint.
	PublicCIDRs source.Strings

	// LogTypes: the control-plane log types that are enabled, already
	// expanded (eksctl's "*" and "all" become the five types).
	LogTypes source.Strings

	// Audit.

	// LogRetentionDays is the retention of the control-plane log group
	// /aws/eks/<name>/cluster. Set where a retention applies (a declared log
	// group's retention_in_days, the module's input, eksctl's
	// logRetentionInDays); Default 0 (never expire) when nothing sets one,
	// as EKS then creates the group itself with no expiry; Unknown when it
	// cannot be told (a name that cannot be resolved).
	LogRetentionDays source.Value[int]
	// LogGroup is the declared log group that receives the control-plane
	// logs, when there is one.
	LogGroup *LogGroup

	// SecretsEncryption: is envelope encryption of Secrets with a
	// customer-managed KMS key configured? Range points at the configuring
	// block or key when set, at the cluster when omitted.
	SecretsEncryption source.Value[bool]

	// Version lifecycle and add-ons.

	// UpgradeSupportType is upgrade_policy.support_type: "STANDARD" or
	// "EXTENDED"; Default "EXTENDED" (the EKS API default) when omitted.
	UpgradeSupportType source.Value[string]
	// Addons are the EKS add-ons declared for the cluster.
	Addons []*Addon

	// Identity and access.

	// WorkloadIdentity: can pods get IAM roles of their own, through IRSA
	// (an OIDC provider for the cluster) or EKS Pod Identity? Range: what
	// provides it, or the cluster when nothing does.
	WorkloadIdentity source.Value[bool]

	// IAM.

	// Role is the cluster's IAM role when the input declares it; nil when
	// it cannot be resolved (an external ARN, a variable).
	Role *Role

	// Network.

	// eksctl schema.

	// SchemaProblems are what eksctl would refuse or misread in a
	// ClusterConfig: unknown keys, wrong types, invalid values.
	SchemaProblems []SchemaProblem
}

// Addon is an EKS add-on: aws_eks_addon, an entry of the module's
// addons/cluster_addons, or an eksctl addons[] entry.
type Addon struct {
	Object
	Cluster *Cluster
	// Name is the add-on name (coredns, kube-proxy, vpc-cni, …).
	Name string
	// Version as written; Default "" when omitted (EKS installs the
	// default version for the cluster's Kubernetes version).
	Version source.Value[string]
	// MostRecent: the module's most_recent, or eksctl's version "latest".
	MostRecent source.Value[bool]
	// Role is the IAM role the add-on's service account uses (IRSA's
	// service_account_role_arn or a Pod Identity association); Default ""
	// when it has none and so uses the node role.
	Role source.Value[string]
	// Configuration is configuration_values / configurationValues as
	// written (JSON or YAML text); Default "" when omitted.
	Configuration source.Value[string]
}

// SchemaProblem is one place where a ClusterConfig does not match eksctl's
// schema, located at the key or value.
type SchemaProblem struct {
	Message string
	Range   source.Range
}
