package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC010 flags an aws-auth mapping that puts a principal in system:masters.
var RBAC010 = &linter.Rule{
	ID:       "EKS-RBAC-010",
	Name:     "aws-auth-system-masters",
	Summary:  "An aws-auth mapping puts an IAM principal in system:masters",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes, model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "rbac", "access"},
	Check: func(p *linter.Pass) {
		for _, am := range p.Model.Access.AuthMaps {
			if !authApplies(am) {
				continue
			}
			for _, e := range am.Entries {
				if !e.Groups.Known() {
					continue
				}
				for _, g := range e.Groups.Val {
					if !g.Known() || g.Val != "system:masters" {
						continue
					}
					p.Report(am, g.Range,
						"%s is mapped into system:masters, which no RBAC binding can narrow: the principal is cluster-admin on every object; map it to a group bound to a least-privilege Role or ClusterRole, or give it an access entry with a scoped access policy",
						authWho(e)).In(authPath(e))
					break
				}
			}
		}
	},
}
