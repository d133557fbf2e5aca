package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// DET002 flags Terraform input that declares EKS clusters but no GuardDuty
// monitoring of their audit logs.
var DET002 = &linter.Rule{
	ID:       "EKS-DET-002",
	Name:     "guardduty-eks-protection-undeclared",
	Summary:  "The Terraform input declares EKS clusters but no GuardDuty EKS audit-log monitoring",
	Severity: linter.Low,
	Default:  false,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"security", "detection", "guardduty"},
	Check: func(p *linter.Pass) {
		clusters := terraformClusters(p.Model)
		if len(clusters) == 0 || eksAuditLogsDeclared(&p.Model.Audit) {
			return
		}
		var detector *model.Detector
		if len(p.Model.Audit.Detectors) > 0 {
			detector = p.Model.Audit.Detectors[0]
		}
		for _, c := range clusters {
			r := p.Report(c, c.Range, "nothing in the Terraform input turns on GuardDuty EKS Protection for this cluster (no aws_guardduty_detector_feature EKS_AUDIT_LOGS with status = \"ENABLED\"), so threats in its audit logs may go unnoticed; enable it here, or ignore this rule if GuardDuty is managed elsewhere")
			if detector != nil {
				r.Also(detector.Range, "this detector declares no EKS_AUDIT_LOGS feature")
			}
		}
	},
}

// eksAuditLogsDeclared reports whether the input turns EKS audit-log
// monitoring on, might do so (a value that is not known), or explicitly
// turns it off (which EKS-DET-001 reports).
func eksAuditLogsDeclared(a *model.Audit) bool {
	for _, d := range a.Detectors {
		if d.AuditLogsDeclared && !source.IsFalse(d.Enable) && (!d.AuditLogs.Known() || d.AuditLogs.Val) {
			return true
		}
		if source.IsFalse(d.Enable) || source.IsFalse(d.AuditLogs) {
			return true
		}
	}
	for _, f := range a.Features {
		if !f.Name.Known() || knownOneOf(f.Name, "EKS_AUDIT_LOGS") && (!f.Status.Known() || featureOn(f) || knownOneOf(f.Status, featureOff(f))) {
			return true
		}
	}
	return false
}
