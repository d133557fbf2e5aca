package model

import "github.com/ekslint/ekslint/linter/source"

// IAM holds the IAM roles the EKS objects use, with what is attached to
// them, as the IAM adapters resolve them.
type IAM struct {
	Roles []*Role
}

func (m *IAM) merge(o *IAM) {
	m.Roles = append(m.Roles, o.Roles...)
}

// RoleUse says what an IAM role is for.
type RoleUse uint8

const (
	// UnusedRole: a role no EKS object of the input is known to use.
	UnusedRole RoleUse = iota
	// ClusterRole: the cluster's service role.
	ClusterRole
	// NodeRole: the role of a node group's instances.
	NodeRole
	// WorkloadRole: a role pods assume, through IRSA, EKS Pod Identity or
	// an add-on's service account.
	WorkloadRole
)

func (u RoleUse) String() string {
	switch u {
	case ClusterRole:
		return "cluster role"
	case NodeRole:
		return "node role"
	case WorkloadRole:
		return "workload role"
	}
	return "role"
}

// Role is an IAM role: aws_iam_role, or one eksctl or the eks module
// creates.
type Role struct {
	Object
	// Name is the role's name when known.
	Name source.Value[string]
	// Use is what the role is for; a role several objects use keeps the
	// first use found.
	Use RoleUse
	// Policies are the policy ARNs attached to the role, each located where
	// it is attached (an ARN the tool attaches by itself, such as eksctl's
	// defaults, is Default at the setting that decides it). An attachment
	// whose policy cannot be read is an Unknown element.
	Policies []source.Value[string]
	// Complete: every policy attached to the role is in Policies and known.
	// False when the input may attach policies that cannot be seen (an
	// attachment to a role that cannot be resolved, an unknown for_each,
	// a tool's own policies that are not listed).
	Complete bool
	// Statements are the statements of the inline and customer-managed
	// policies attached to the role, where they can be read.
	Statements []PolicyStatement
	// CNIElsewhere: the VPC CNI (aws-node) gets its permissions from a role
	// of its own that the adapter knows of (eksctl's iam.withOIDC), so the
	// node role does not need the CNI policy.
	CNIElsewhere source.Value[bool]
	// Boundary: does a permissions boundary cap what the role's policies
	// grant? Set true at the setting when one is written (even with a value
	// that cannot be known), Default false when none is.
	Boundary source.Value[bool]
	// Users are where EKS objects refer to the role (a node group's
	// node_role_arn), for related locations.
	Users []source.Range
}

// PolicyStatement is one statement of an inline or customer-managed policy.
type PolicyStatement struct {
	// Policy names the policy in messages ("aws_iam_policy.admin",
	// "inline policy of aws_iam_role.node", "iam.attachPolicy").
	Policy string
	// Range is the statement when it can be located, else the policy.
	Range  source.Range
	Effect string
	// Actions and Resources are the known values of Action/NotAction and
	// Resource/NotResource.
	Actions     []string
	NotAction   bool
	Resources   []string
	NotResource bool
}
