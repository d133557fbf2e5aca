package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// DET001 flags GuardDuty configuration that explicitly turns off the
// monitoring of EKS audit logs.
var DET001 = &linter.Rule{
	ID:       "EKS-DET-001",
	Name:     "guardduty-eks-audit-logs-disabled",
	Summary:  "GuardDuty is configured not to monitor EKS audit logs",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"security", "detection", "guardduty"},
	Check: func(p *linter.Pass) {
		for _, d := range p.Model.Audit.Detectors {
			if source.IsFalse(d.Enable) {
				p.Report(d, d.Enable.Range, "the GuardDuty detector is disabled (enable = false), so nothing watches the clusters' audit logs for threats; set enable = true and enable the EKS_AUDIT_LOGS feature").In("enable")
			}
			if source.IsFalse(d.AuditLogs) {
				p.Report(d, d.AuditLogs.Range, "datasources.kubernetes.audit_logs.enable = false turns off GuardDuty EKS Protection, so suspicious Kubernetes API activity goes unnoticed; enable it, or better, declare aws_guardduty_detector_feature EKS_AUDIT_LOGS with status = \"ENABLED\" (the datasources block is deprecated)").In("datasources")
			}
		}
		for _, f := range p.Model.Audit.Features {
			if !knownOneOf(f.Name, "EKS_AUDIT_LOGS") || !knownOneOf(f.Status, featureOff(f)) {
				continue
			}
			if f.Org {
				p.Report(f, f.Status.Range, "auto_enable = \"NONE\" leaves GuardDuty EKS audit-log monitoring off in the organization's member accounts; set auto_enable = \"ALL\" (or \"NEW\")")
				continue
			}
			p.Report(f, f.Status.Range, "the EKS_AUDIT_LOGS feature is DISABLED, so GuardDuty does not watch the clusters' audit logs for threats; set status = \"ENABLED\"")
		}
	},
}
