package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC012 flags an aws-auth map that aws-iam-authenticator cannot use as
// written.
var RBAC012 = &linter.Rule{
	ID:       "EKS-RBAC-012",
	Name:     "aws-auth-malformed",
	Summary:  "The aws-auth ConfigMap is malformed: unreadable, incomplete entries, role paths, duplicates or the wrong namespace",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes, model.Terraform, model.Module},
	Tags:     []string{"reliability", "rbac", "access"},
	Check: func(p *linter.Pass) {
		const broken = "; a broken aws-auth can lock people out and stop nodes joining"
		for _, am := range p.Model.Access.AuthMaps {
			if am.Format == model.Eksctl {
				continue // eksctl checks and normalises its own mappings
			}
			if am.Namespace.Known() && am.Namespace.Val != "kube-system" {
				p.Report(am, am.Namespace.Range,
					"aws-auth is in namespace %q%s, but EKS reads it only from kube-system, so none of its mappings take effect; put it in kube-system",
					am.Namespace.Val, origin(am.Namespace)).In("namespace")
			}
			for _, pr := range am.Problems {
				p.Report(am, pr.Range, "%s%s", pr.Message, broken).In(pr.Message)
			}
			seen := map[string]*model.AuthEntry{}
			for _, e := range am.Entries {
				if e.From == model.MapAccounts {
					continue
				}
				if !e.HasARN {
					p.Report(am, e.Range, "%s has no %s, so it maps nobody%s", authPath(e), e.ARNKey, broken).In(authPath(e) + "." + e.ARNKey)
				}
				if !e.HasUsername {
					p.Report(am, e.Range, "%s has no username, which every mapping needs%s", authWho(e), broken).In(authPath(e) + ".username")
				}
				if !e.ARN.Known() {
					continue
				}
				if e.From == model.MapRoles && roleHasPath(e.ARN.Val) {
					p.Report(am, e.ARN.Range,
						"%s %s has a path, but aws-iam-authenticator compares the path-less role ARN, so this entry never matches; write %s",
						authPath(e), e.ARNKey, pathless(e.ARN.Val)).In(authPath(e) + ".path")
				}
				// aws-iam-authenticator keys its mappings by the lowercased ARN.
				key := strings.ToLower(e.ARN.Val)
				if first, ok := seen[key]; ok {
					p.Report(am, e.ARN.Range,
						"%s maps %s again (first in %s): only one of the two takes effect; merge them into one entry",
						authPath(e), e.ARN.Val, authPath(first)).In(authPath(e)+".duplicate").
						Also(first.ARN.Range, "first mapped here")
					continue
				}
				seen[key] = e
			}
		}
	},
}
