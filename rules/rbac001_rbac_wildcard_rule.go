package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// RBAC001 flags Role and ClusterRole rules that grant "*".
var RBAC001 = &linter.Rule{
	ID:       "EKS-RBAC-001",
	Name:     "rbac-wildcard-rule",
	Summary:  "A Role or ClusterRole rule grants every verb or every resource (\"*\")",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "rbac"},
	Check: func(p *linter.Pass) {
		for _, r := range p.Model.Kube.Roles {
			if builtInRole(r) || r.Aggregated {
				continue // the control plane's own roles; aggregated rules are filled in by it
			}
			for i, rule := range r.Rules {
				groups, gAll := wildcard(rule.APIGroups)
				resources, rAll := wildcard(rule.Resources)
				verbs, vAll := wildcard(rule.Verbs)
				path := fmt.Sprintf("rules[%d]", i)
				switch {
				case gAll && rAll && vAll:
					p.ReportSeverity(linter.High, r, rule.Range, "rules[%d] grants every verb on every resource of every API group: it is cluster-admin in all but name (within %s); list the API groups, resources and verbs the subject needs", i, scope(r)).
						Also(groups.Range, "apiGroups: [\"*\"]").Also(resources.Range, "resources: [\"*\"]").Also(verbs.Range, "verbs: [\"*\"]").In(path)
				case vAll:
					p.ReportSeverity(linter.Medium, r, verbs.Range, "rules[%d] grants every verb (\"*\"), including ones added later and escalate, bind and impersonate where they apply; list the verbs the subject needs", i).In(path)
				case rAll:
					p.ReportSeverity(linter.Medium, r, resources.Range, "rules[%d] grants access to every resource (\"*\") of its API groups, including Secrets and resources added later; list the resources the subject needs", i).In(path)
				}
			}
		}
	},
}

// wildcard returns the "*" element of a list, if it has one.
func wildcard(list source.Strings) (source.Value[string], bool) {
	if !list.Known() {
		return source.Value[string]{}, false
	}
	for _, e := range list.Val {
		if e.Known() && e.Val == "*" {
			return e, true
		}
	}
	return source.Value[string]{}, false
}

// scope says where a role applies, for messages.
func scope(r *model.RBACRole) string {
	if r.Cluster {
		return "the whole cluster, once bound by a ClusterRoleBinding"
	}
	return "namespace " + r.Namespace
}

// builtInRole reports whether r is one of the roles the control plane
// creates: system:… (Kubernetes), eks:… (EKS), and the ClusterRole
// cluster-admin, which is "*" on purpose (EKS-RBAC-003 checks who gets it).
func builtInRole(r *model.RBACRole) bool {
	return strings.HasPrefix(r.Name, "system:") || strings.HasPrefix(r.Name, "eks:") ||
		(r.Cluster && r.Name == "cluster-admin")
}
