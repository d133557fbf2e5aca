package model

// Network holds security groups and their ingress rules.
type Network struct {
	SecurityGroups []*SecurityGroup
}

func (m *Network) merge(o *Network) {
	m.SecurityGroups = append(m.SecurityGroups, o.SecurityGroups...)
}

// SecurityGroup is an aws_security_group (or one the eks module creates)
// with its ingress rules from every shape they are written in.
type SecurityGroup struct {
	Object
}
