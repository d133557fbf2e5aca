package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// DET011 flags CloudTrail trails that are off, single-region, or written
// without integrity validation.
var DET011 = &linter.Rule{
	ID:       "EKS-DET-011",
	Name:     "cloudtrail-weak-config",
	Summary:  "A CloudTrail trail is not logging, covers one region, or does not validate its log files",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"security", "audit", "cloudtrail"},
	Check: func(p *linter.Pass) {
		for _, t := range p.Model.Audit.Trails {
			if source.IsFalse(t.Logging) {
				p.ReportSeverity(linter.Medium, t, t.Logging.Range, "enable_logging = false: the trail records nothing, so EKS and IAM API calls leave no audit record; set enable_logging = true").In("enable_logging")
			}
			if source.IsFalse(t.MultiRegion) {
				p.ReportSeverity(linter.Low, t, t.MultiRegion.Range, "is_multi_region_trail is %s: the trail records only its own region, so activity in other regions (a cluster created elsewhere) is missed; set is_multi_region_trail = true",
					falseHow(t.MultiRegion)).In("is_multi_region_trail")
			}
			if source.IsFalse(t.LogFileValidation) {
				p.ReportSeverity(linter.Low, t, t.LogFileValidation.Range, "enable_log_file_validation is %s, so tampering with or deleting delivered log files cannot be detected; set enable_log_file_validation = true",
					falseHow(t.LogFileValidation)).In("enable_log_file_validation")
			}
		}
	},
}

// falseHow says how a false came about.
func falseHow(v source.Value[bool]) string {
	if v.IsDefault() {
		return "omitted (false by default)"
	}
	return "false"
}
