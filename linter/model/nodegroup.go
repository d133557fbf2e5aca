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

	// LaunchTemplate is what the group's nodes are launched from, when
	// ekslint can read it: an aws_launch_template the group names, or the
	// template the eks module or eksctl builds from the group's settings.
	// nil when the group uses EKS's own template (see EKSTemplate) or one
	// that cannot be resolved (an ID written out, a variable).
	LaunchTemplate *LaunchTemplate
	// EKSTemplate: does the group run from the launch template EKS
	// generates (aws_eks_node_group without launch_template, the module's
	// use_custom_launch_template = false)? Its volume encryption follows the
	// account default, and its metadata options are not documented.
	// Range: the group header, or the setting that decides it.
	EKSTemplate source.Value[bool]
	// PublicIP: do the group's nodes get public IP addresses? Range: what
	// decides it: eksctl's privateNetworking, a subnet's
	// map_public_ip_on_launch, the template's associate_public_ip_address.
	// Unknown when it cannot be told (a subnet that is not resolved).
	PublicIP source.Value[bool]
	// PublicIPVia is the group's own setting that leads to PublicIP when
	// that is written elsewhere (the subnet_ids element naming a public
	// subnet); zero otherwise.
	PublicIPVia source.Range
}

// LaunchTemplate is an EC2 launch template as the nodes of a group get it.
// Omitted settings are Default with the documented default of the format.
type LaunchTemplate struct {
	// Address names the template: aws_launch_template.nodes, or the
	// group's own address when the module or eksctl builds it.
	Address string
	// Range is the template's header, or the group's for a built one.
	Range source.Range
	// Shared is true when the template is an object of its own (an
	// aws_launch_template), which findings name as a related location.
	Shared bool
	// Volumes are the template's EBS volumes (block_device_mappings[*],
	// eksctl's root volume and additionalVolumes[]). Empty when the template
	// maps none: the AMI's root volume is used as it is, and VolumesAt is
	// where that is decided.
	Volumes   []Volume
	VolumesAt source.Range
	// VolumesKnown is false when the mappings cannot be read (a variable,
	// a dynamic block with an unknown for_each): then nothing is said.
	VolumesKnown bool
	// HTTPTokens is metadata_options.http_tokens ("optional", "required").
	HTTPTokens source.Value[string]
	// HopLimit is metadata_options.http_put_response_hop_limit.
	HopLimit source.Value[int]
	// HTTPEndpoint is metadata_options.http_endpoint ("enabled",
	// "disabled"): with the endpoint off, IMDS settings do not matter.
	HTTPEndpoint source.Value[string]
	// Monitoring is monitoring.enabled (detailed CloudWatch monitoring).
	Monitoring source.Value[bool]
	// KeyName is key_name: an EC2 key pair installed on the nodes.
	KeyName source.Value[string]
	// CustomAMI: the template names its own AMI (image_id, the module's
	// ami_id, eksctl's ami with an AMI ID), whose IMDS support and volume
	// snapshots cannot be known offline.
	CustomAMI bool
	// PublicIP is network_interfaces.associate_public_ip_address; Default
	// false (the subnet decides) when omitted.
	PublicIP source.Value[bool]
}

// Volume is one EBS volume of a launch template.
type Volume struct {
	// Name is the device name or eksctl's volume name, for messages.
	Name string
	// Range is the mapping (or the group, for eksctl's root volume).
	Range source.Range
	// Encrypted is ebs.encrypted / volumeEncrypted: Default false (the
	// account's EBS encryption-by-default setting decides) when omitted.
	Encrypted source.Value[bool]
}

// Hardening holds the facts about node hardening that are not tied to one
// node group: the account's EBS encryption by default, declared anywhere in
// the run.
type Hardening struct {
	// EBSEncryptionByDefault are the aws_ebs_encryption_by_default
	// resources read, each one's enabled (Default true when omitted).
	EBSEncryptionByDefault []source.Value[bool]
}

func (h *Hardening) merge(o *Hardening) {
	h.EBSEncryptionByDefault = append(h.EBSEncryptionByDefault, o.EBSEncryptionByDefault...)
}
