package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// DET010 flags Terraform input that declares EKS clusters but no CloudTrail
// trail.
var DET010 = &linter.Rule{
	ID:       "EKS-DET-010",
	Name:     "cloudtrail-missing",
	Summary:  "The Terraform input declares EKS clusters but no CloudTrail trail",
	Severity: linter.Low,
	Default:  false,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"security", "audit", "cloudtrail"},
	Check: func(p *linter.Pass) {
		if len(p.Model.Audit.Trails) > 0 {
			return
		}
		for _, c := range terraformClusters(p.Model) {
			p.Report(c, c.Range, "no aws_cloudtrail is declared, so calls to the EKS API (creating, updating, deleting this cluster, changing its access) may be kept only 90 days in the event history; declare a trail, or ignore this rule if CloudTrail is managed elsewhere")
		}
	},
}
