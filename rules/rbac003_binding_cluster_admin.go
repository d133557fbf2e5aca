package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC003 flags bindings of the cluster-admin ClusterRole to subjects that
// are not Kubernetes' own.
var RBAC003 = &linter.Rule{
	ID:       "EKS-RBAC-003",
	Name:     "binding-cluster-admin",
	Summary:  "A binding grants the cluster-admin ClusterRole to a user, group or service account",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "rbac"},
	Params: []linter.Param{{
		Name:    "break-glass",
		Kind:    linter.StringList,
		Default: []string{},
		Doc:     `break-glass subjects allowed cluster-admin, as "Kind:name" globs ("Group:platform-admins", "ServiceAccount:flux-system/*")`,
	}},
	Check: func(p *linter.Pass) {
		allowed := newGlobs(p.Strings("break-glass"))
		for _, b := range p.Model.Kube.Bindings {
			if !b.RoleKind.Known() || b.RoleKind.Val != "ClusterRole" || !b.RoleName.Known() || b.RoleName.Val != "cluster-admin" {
				continue
			}
			where := "in the whole cluster"
			if !b.Cluster {
				where = "in namespace " + b.Namespace + ", including its Roles, RoleBindings and Secrets"
			}
			for i, s := range b.Subjects {
				if !s.Kind.Known() || !s.Name.Known() || builtInSubject(s.Name.Val) {
					continue // Kubernetes' and EKS's own users and groups
				}
				id := subjectID(s, b.Namespace)
				if allowed.match(id) {
					continue
				}
				p.Report(b, s.Range, "%s is bound to cluster-admin, which allows every action %s: a leaked credential or a compromised pod becomes full control; bind a role with only the permissions it needs, or list it in the rule's break-glass parameter if it is a break-glass subject", id, where).
					Also(b.RoleName.Range, "roleRef").In(fmt.Sprintf("subjects[%d]", i))
			}
		}
	},
}

// subjectID names a subject as "Kind:name", with the namespace of a
// ServiceAccount ("ServiceAccount:ns/name"; a RoleBinding's own when the
// subject omits it).
func subjectID(s model.RBACSubject, bindingNamespace string) string {
	if s.Kind.Val != "ServiceAccount" {
		return s.Kind.Val + ":" + s.Name.Val
	}
	ns := s.Namespace.Val
	if !s.Namespace.Known() || ns == "" {
		ns = bindingNamespace
	}
	return "ServiceAccount:" + ns + "/" + s.Name.Val
}

// builtInSubject reports whether a user or group name is one of the
// control plane's own (system:…, and EKS's eks:…), which the rule leaves
// alone. The names that stand for every authenticated or anonymous caller,
// or for service accounts, are not: binding cluster-admin to them is the
// worst case, not an exception.
func builtInSubject(name string) bool {
	switch name {
	case "system:authenticated", "system:unauthenticated", "system:anonymous", "system:serviceaccounts":
		return false
	}
	if strings.HasPrefix(name, "system:serviceaccount:") || strings.HasPrefix(name, "system:serviceaccounts:") {
		return false
	}
	return strings.HasPrefix(name, "system:") || strings.HasPrefix(name, "eks:")
}
