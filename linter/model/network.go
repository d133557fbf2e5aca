package model

import "github.com/ekslint/ekslint/linter/source"

// Network holds security groups and their ingress rules.
type Network struct {
	SecurityGroups []*SecurityGroup
	// Ingress holds every ingress rule read, in every shape, whether or
	// not the group it belongs to could be resolved: a rule open to the
	// world is open whatever group it lands in.
	Ingress []*IngressRule
}

func (m *Network) merge(o *Network) {
	m.SecurityGroups = append(m.SecurityGroups, o.SecurityGroups...)
	m.Ingress = append(m.Ingress, o.Ingress...)
}

// SecurityGroup is an aws_security_group (or one the eks module creates,
// or the cluster security group EKS creates, when a rule is attached to
// it) with its ingress rules from every shape they are written in.
type SecurityGroup struct {
	Object
	// Ingress are the group's ingress rules: inline blocks, and the
	// separate rule resources that name the group.
	Ingress []*IngressRule
	// Attachments say how the group reaches EKS: the cluster's
	// vpc_config.security_group_ids, the cluster security group itself,
	// a launch template a node group uses, the module's own groups.
	// Empty when the input does not show the group used by EKS.
	Attachments []Attachment
}

// AttachedToEKS reports whether the input shows the group used by an EKS
// cluster or its nodes.
func (g *SecurityGroup) AttachedToEKS() bool { return g != nil && len(g.Attachments) > 0 }

// Attachment is one way a security group is attached to EKS.
type Attachment struct {
	// What says it in words: "the cluster security group of
	// aws_eks_cluster.main", "vpc_config.security_group_ids of
	// aws_eks_cluster.main".
	What string
	// Range is where the attachment is written (the reference, or the
	// object that creates the group).
	Range source.Range
}

// IngressRule is one ingress rule: an inline ingress block of an
// aws_security_group, an aws_security_group_rule of type "ingress", an
// aws_vpc_security_group_ingress_rule, or an entry of the eks module's
// additional security group rules. Its Object is the rule resource, or
// for an inline block the group and for a module entry the module call;
// Path tells rules of one object apart. Settings are named through
// Object.Names, with the aws_security_group_rule attribute names as the
// canonical ones (protocol, from_port, to_port, cidr_blocks,
// ipv6_cidr_blocks).
type IngressRule struct {
	Object
	// Path names the rule inside its object when the object holds
	// several ("ingress[1]", `security_group_additional_rules["ssh"]`);
	// "" for a rule resource of its own.
	Path string
	// Group is the group the rule belongs to; nil when it cannot be
	// resolved (an ID written out, a variable, a data source).
	Group *SecurityGroup
	// Protocol is lower-cased as written: "tcp", "udp", "icmp", "-1",
	// "all", or a protocol number ("6").
	Protocol source.Value[string]
	// FromPort and ToPort are the port range (for ICMP: type and code).
	// With protocol "-1" they do not matter.
	FromPort source.Value[int]
	ToPort   source.Value[int]
	// IPv4CIDRs and IPv6CIDRs are the source ranges; Default empty when
	// omitted.
	IPv4CIDRs source.Strings
	IPv6CIDRs source.Strings
}
