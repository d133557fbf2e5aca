package model

import "github.com/ekslint/ekslint/linter/source"

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

	// Version lifecycle.

	// Version is the group's Kubernetes minor version; Default "" when
	// omitted (the cluster's version).
	Version source.Value[string]

	// IAM.

	// Role is the node IAM role when the input declares it; nil when it
	// cannot be resolved.
	Role *Role
	// RoleAt is where the group names its role (node_role_arn, the iam
	// key), or the group.
	RoleAt source.Range

	// Launch template, volumes, metadata service and placement.
}
