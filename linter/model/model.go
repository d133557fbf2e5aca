// Package model is the format-free picture of an EKS estate that rules read.
// Adapters (terraform, eksctl, kube) fill it in; every value carries the
// range it came from and whether it was set, defaulted or unknown.
//
// Rules read only this package: they never see HCL, cty or YAML.
package model

import "github.com/ekslint/ekslint/linter/source"

// Format is the kind of input an object was read from.
type Format uint8

const (
	// Terraform: a raw aws_* resource.
	Terraform Format = iota + 1
	// Module: an input of the terraform-aws-modules/eks module.
	Module
	// Eksctl: an eksctl ClusterConfig.
	Eksctl
	// Kubernetes: a Kubernetes manifest.
	Kubernetes
)

func (f Format) String() string {
	switch f {
	case Terraform:
		return "terraform"
	case Module:
		return "terraform-module"
	case Eksctl:
		return "eksctl"
	case Kubernetes:
		return "kubernetes"
	}
	return "unknown"
}

// Object is what every modelled thing has: a kind, an address users
// recognise, where it is, and which format it came from.
type Object struct {
	// Kind is the source type: "aws_eks_cluster", "ClusterConfig",
	// "managedNodeGroup", "Deployment", …
	Kind string
	// Address names the object in messages and SARIF logical locations:
	// aws_eks_cluster.main, ClusterConfig/prod, ClusterConfig/prod/managedNodeGroups/ng-1,
	// Deployment/shop/web.
	Address string
	// Range is the object's header: a Terraform block's type and labels,
	// a YAML document's first key or a list item's first key.
	Range  source.Range
	Format Format
	// Ignore holds Kubernetes' `ekslint.io/ignore` annotation when present.
	Ignore source.Value[string]
	// Names maps a setting's canonical (aws_* resource) name to what this
	// object calls it, where they differ: the terraform-aws-modules/eks
	// inputs are cluster_endpoint_public_access in v20 and
	// endpoint_public_access in v21. Rules name settings through it.
	Names *Renames
	// Note is said with every finding on the object: an assumption the
	// adapter had to make (the module version it could not read).
	Note string
	// Passed maps the range of a value that came into a module through
	// one of its inputs to the caller's argument that passed it, so that
	// a finding about the value names the call too.
	Passed *Passed
}

// Passed maps a value's range to the module call argument that set it. A
// pointer to it keeps Object comparable.
type Passed map[source.Range]source.Range

// Renames maps canonical setting names to an object's own names. A
// pointer to it keeps Object comparable.
type Renames map[string]string

// Name returns what the object calls a setting whose resource name is
// canonical.
func (o *Object) Name(canonical string) string {
	if o.Names != nil {
		if n, ok := (*o.Names)[canonical]; ok {
			return n
		}
	}
	return canonical
}

// Obj returns the object itself, so that every model type satisfies Located.
func (o *Object) Obj() *Object { return o }

// Located is any model object.
type Located interface{ Obj() *Object }

// Model is everything read in one run.
type Model struct {
	Clusters   []*Cluster
	NodeGroups []*NodeGroup
	Workloads  []*Workload
}

// Merge appends o's objects to m.
func (m *Model) Merge(o *Model) {
	if o == nil {
		return
	}
	m.Clusters = append(m.Clusters, o.Clusters...)
	m.NodeGroups = append(m.NodeGroups, o.NodeGroups...)
	m.Workloads = append(m.Workloads, o.Workloads...)
}

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

	// SecretsEncryption: is envelope encryption of Secrets with a
	// customer-managed KMS key configured? Range points at the configuring
	// block or key when set, at the cluster when omitted.
	SecretsEncryption source.Value[bool]
}

// NodeGroup is a group of worker nodes: aws_eks_node_group, a module node
// group, or an eksctl nodeGroups[]/managedNodeGroups[] entry.
type NodeGroup struct {
	Object
	// Cluster is the cluster this group belongs to, when it can be resolved.
	Cluster *Cluster

	// SSH: can an SSH key reach the nodes? Range: the key, or the block
	// enabling SSH.
	SSH source.Value[bool]
	// SSHSourceSecurityGroups: security groups SSH is restricted to.
	SSHSourceSecurityGroups source.Strings
	// SSHOpenToWorldWithoutSources: when SSH is on and no source security
	// groups are given, is port 22 opened to 0.0.0.0/0? For
	// aws_eks_node_group AWS always does so; eksctl does unless the group
	// uses private networking (then only the VPC CIDR). Range: what decides
	// it (eksctl's privateNetworking, or the group header).
	SSHOpenToWorldWithoutSources source.Value[bool]

	// AvailabilityZones the group is pinned to (eksctl). Default empty:
	// spread over every cluster AZ.
	AvailabilityZones source.Strings
	// Subnets the group is placed in.
	Subnets source.Strings
	// SubnetZones are the AZs of the Subnets, element by element, where an
	// adapter could resolve them (Unknown elements otherwise). A resolved
	// zone is located where it is written (the subnet's own declaration).
	SubnetZones source.Strings
}

// ContainerKind distinguishes the three container lists of a pod spec.
type ContainerKind uint8

const (
	// App is an entry of containers[].
	App ContainerKind = iota
	// Init is an entry of initContainers[].
	Init
	// Ephemeral is an entry of ephemeralContainers[].
	Ephemeral
)

func (k ContainerKind) String() string {
	switch k {
	case Init:
		return "initContainer"
	case Ephemeral:
		return "ephemeralContainer"
	}
	return "container"
}

// Workload is a Kubernetes object that holds a pod spec.
type Workload struct {
	Object
	Name      string
	Namespace string // "default" when omitted
	// PodSpec is the range of the pod spec mapping's key (e.g. "spec" of a
	// Pod, the "spec" under template), for findings about the pod as a whole.
	PodSpec source.Range
	// LongRunning is false for kinds whose pods are meant to finish: Job,
	// CronJob, and a Pod whose restartPolicy is Never or OnFailure. Probe
	// rules skip them.
	LongRunning bool
	Containers  []*Container
}

// Container is one entry of a pod spec's container lists.
type Container struct {
	Name string
	Kind ContainerKind
	// Range is the list item (its first key), where findings about
	// something missing point.
	Range source.Range
	// Sidecar is true for an init container with restartPolicy: Always
	// (a native sidecar, which runs for the pod's life).
	Sidecar bool

	Image source.Value[string]

	// Probes: present (true) or absent (Default false, at the item).
	LivenessProbe  source.Value[bool]
	ReadinessProbe source.Value[bool]

	// Resources: the quantity as written; Default "" when absent (Range:
	// the nearest existing of resources.requests/limits, resources, or the
	// item). A limit does not fill in a missing request here: rules apply
	// Kubernetes' defaulting themselves.
	CPURequest    source.Value[string]
	MemoryRequest source.Value[string]
	CPULimit      source.Value[string]
	MemoryLimit   source.Value[string]
}
