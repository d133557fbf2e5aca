package model

// IAM holds the IAM roles the EKS objects use, with what is attached to
// them, as the IAM adapters resolve them.
type IAM struct {
	Roles []*Role
}

func (m *IAM) merge(o *IAM) {
	m.Roles = append(m.Roles, o.Roles...)
}

// Role is an IAM role: aws_iam_role, or one eksctl or the eks module
// creates.
type Role struct {
	Object
}
