package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC011 flags aws-auth mappings of IAM users (low) and of whole
// accounts (medium).
var RBAC011 = &linter.Rule{
	ID:       "EKS-RBAC-011",
	Name:     "aws-auth-broad-mapping",
	Summary:  "aws-auth maps an IAM user or a whole AWS account instead of an IAM role",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes, model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "rbac", "access"},
	Check: func(p *linter.Pass) {
		for _, am := range p.Model.Access.AuthMaps {
			if !authApplies(am) {
				continue
			}
			for _, e := range am.Entries {
				switch e.From {
				case model.MapAccounts:
					if !e.Account.Known() {
						continue
					}
					p.ReportSeverity(linter.Medium, am, e.Account.Range,
						"%s maps every IAM user and role of account %s into the cluster (each as its own ARN), so anyone who can get credentials there can authenticate; map the specific roles that need access instead",
						authPath(e), e.Account.Val).In(authPath(e))
				case model.MapUsers:
					at := e.Range
					if e.ARN.Known() {
						at = e.ARN.Range
					}
					p.ReportSeverity(linter.Low, am, at,
						"%s maps an IAM user: its long-lived access keys become cluster credentials and every person needs an entry of their own; map an IAM role that people assume (through SSO) instead",
						authWho(e)).In(authPath(e))
				}
			}
		}
	},
}
