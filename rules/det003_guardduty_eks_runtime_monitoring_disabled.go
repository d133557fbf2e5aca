package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// DET003 flags GuardDuty runtime monitoring that is turned off, or on
// without its agent being managed on EKS.
var DET003 = &linter.Rule{
	ID:       "EKS-DET-003",
	Name:     "guardduty-eks-runtime-monitoring-disabled",
	Summary:  "GuardDuty runtime monitoring of EKS nodes is turned off, or its EKS agent is not managed",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform},
	Tags:     []string{"security", "detection", "guardduty"},
	Check: func(p *linter.Pass) {
		for _, f := range p.Model.Audit.Features {
			if !knownOneOf(f.Name, "EKS_RUNTIME_MONITORING", "RUNTIME_MONITORING") {
				continue
			}
			key := featureStatusKey(f)
			off := featureOff(f)
			if knownOneOf(f.Status, off) {
				p.Report(f, f.Status.Range, "the %s feature has %s = %q, so GuardDuty does not watch processes, files and network activity on the EKS nodes; set %s = %q",
					f.Name.Val, key, off, key, featureOnValue(f)).In(f.Name.Val)
				continue
			}
			if !featureOn(f) {
				continue
			}
			for _, a := range f.Additional {
				if knownOneOf(a.Name, "EKS_ADDON_MANAGEMENT") && knownOneOf(a.Status, off) {
					p.Report(f, a.Status.Range, "%s is on but its EKS_ADDON_MANAGEMENT configuration has %s = %q, so GuardDuty does not install its security agent on the EKS clusters and sees nothing unless the agent is deployed by hand; set it to %q",
						f.Name.Val, key, off, featureOnValue(f)).In(f.Name.Val + "/EKS_ADDON_MANAGEMENT")
				}
			}
		}
	},
}
