package rules

import (
	"fmt"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC002 flags bindings whose subject is the system:masters group.
var RBAC002 = &linter.Rule{
	ID:       "EKS-RBAC-002",
	Name:     "binding-system-masters",
	Summary:  "A RoleBinding or ClusterRoleBinding names the system:masters group as a subject",
	Severity: linter.Critical,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "rbac"},
	Check: func(p *linter.Pass) {
		for _, b := range p.Model.Kube.Bindings {
			if defaultAdminBinding(b) {
				continue // the binding every cluster has, as an export of the cluster shows it
			}
			for i, s := range b.Subjects {
				if s.Kind.Known() && s.Kind.Val == "Group" && s.Name.Known() && s.Name.Val == "system:masters" {
					p.Report(b, s.Name.Range, "subjects[%d] is the group system:masters: its members bypass RBAC authorization altogether, and the membership cannot be revoked by removing a binding; bind a group of your own to a role with only the permissions it needs", i).In(fmt.Sprintf("subjects[%d]", i))
				}
			}
		}
	},
}

// defaultAdminBinding reports whether b is the ClusterRoleBinding that
// Kubernetes creates at bootstrap: cluster-admin, binding the ClusterRole
// cluster-admin (to system:masters).
func defaultAdminBinding(b *model.RBACBinding) bool {
	return b.Cluster && b.Name == "cluster-admin" &&
		b.RoleKind.Known() && b.RoleKind.Val == "ClusterRole" && b.RoleName.Known() && b.RoleName.Val == "cluster-admin"
}
