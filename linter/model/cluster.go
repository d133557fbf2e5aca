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
	// Addons are the EKS add-ons declared for the cluster (those whose
	// cluster could be resolved; Model.Addons holds every add-on).
	Addons []*Addon

	// Identity and access.

	// WorkloadIdentity: can pods get IAM roles of their own, through IRSA
	// (an OIDC provider for the cluster) or EKS Pod Identity? Range: what
	// provides it, or the cluster when nothing does.
	WorkloadIdentity source.Value[bool]
	// AuthenticationMode is access_config.authentication_mode (eksctl
	// accessConfig.authenticationMode): CONFIG_MAP, API_AND_CONFIG_MAP or
	// API; Default is the format's default (the EKS API's CONFIG_MAP for
	// aws_eks_cluster, API_AND_CONFIG_MAP for eksctl and module v20+).
	AuthenticationMode source.Value[string]
	// CreatorAdmin: does the principal that creates the cluster become a
	// cluster admin (bootstrap_cluster_creator_admin_permissions, eksctl
	// accessConfig.bootstrapClusterCreatorAdminPermissions, the module's
	// enable_cluster_creator_admin_permissions)?
	CreatorAdmin source.Value[bool]
	// CreatorAdminEntry: CreatorAdmin is granted through an access entry
	// the input creates (the module's enable_cluster_creator_admin_permissions),
	// not through EKS's bootstrap.
	CreatorAdminEntry bool
	// SecretsResources is encryption_config.resources when SecretsEncryption
	// is Set true (Default ["secrets"] where the format fills it in).
	SecretsResources source.Strings
	// SecretsKeyARN is the KMS key of encryption_config.provider.key_arn
	// when SecretsEncryption is Set true: Default "" when no key is given,
	// Default "created by the module" when the module creates the key.
	SecretsKeyARN source.Value[string]
	// Region is the AWS region the cluster is created in, when the input
	// says: the resource's own region argument, or the region of the aws
	// provider configuration it uses (eksctl's metadata.region is not read
	// here). Unknown when it cannot be told.
	Region source.Value[string]
	// AccessEntries are the access entries and policy associations that
	// grant access to the cluster.
	AccessEntries []*AccessEntry

	// IAM.

	// Role is the cluster's IAM role when the input declares it; nil when
	// it cannot be resolved (an external ARN, a variable).
	Role *Role
	// RoleAt is where the cluster names its role (role_arn), or the cluster.
	RoleAt source.Range
	// AutoModeCompute: is EKS Auto Mode's compute on (compute_config.enabled)?
	// The cluster role then needs the Auto Mode policies too.
	AutoModeCompute source.Value[bool]

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
	// MostRecent: the module's most_recent, or eksctl's version "latest"
	// (then Version is Default ""). Default false; aws_eks_addon has no
	// such argument.
	MostRecent source.Value[bool]
	// Role is the IAM role the add-on's service account uses (IRSA's
	// service_account_role_arn or a Pod Identity association's role_arn;
	// eksctl's serviceAccountRoleARN, podIdentityAssociations, or a role
	// eksctl creates from attachPolicyARNs/attachPolicy/wellKnownPolicies,
	// or for vpc-cni from iam.withOIDC); Default "" when it has none and
	// so uses the node role. Other rules read it to know whether vpc-cni
	// has a role of its own (then the node role needs no
	// AmazonEKS_CNI_Policy). A value that cannot be resolved offline (a
	// reference to an aws_iam_role's arn) is Set with the expression's
	// text or Unknown, never Default "".
	Role source.Value[string]
	// Configuration is configuration_values / configurationValues as
	// written (JSON or YAML text); Default "" when omitted.
	Configuration source.Value[string]
	// PolicyEngine is, for vpc-cni, a NetworkPolicy engine other than the
	// add-on's own agent that the same Terraform root installs: the chart
	// of a Cilium or Calico Helm release (a helm_release, or a chart named
	// in a module call's inputs), Set where the chart is written. The zero
	// value when none is seen.
	PolicyEngine source.Value[string]
}

// AccessEntry is an EKS access entry with its access policies: an
// aws_eks_access_policy_association (one policy each), an entry of the
// module's access_entries, or an eksctl accessConfig.accessEntries[] item.
type AccessEntry struct {
	Object
	Cluster *Cluster
	// PrincipalARN is the IAM principal the entry is for.
	PrincipalARN source.Value[string]
	Policies     []*AccessPolicy
}

// AccessPolicy is one access policy associated with an access entry.
type AccessPolicy struct {
	// Path names the policy within its entry ("policy_associations[admin]").
	Path string
	// Range is the association: the resource header, the map entry or
	// the list item.
	Range     source.Range
	PolicyARN source.Value[string]
	// ScopeType is access_scope.type: "cluster" or "namespace".
	ScopeType source.Value[string]
}

// SchemaProblem is one place where a ClusterConfig does not match eksctl's
// schema, located at the key or value.
type SchemaProblem struct {
	Message string
	Range   source.Range
}
