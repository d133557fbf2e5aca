package rules

import (
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// controlPlaneLogGroup is the name of the log group EKS writes a
// cluster's control-plane logs to.
func controlPlaneLogGroup(c *model.Cluster) string {
	if c.Name.Known() && c.Name.Val != "" {
		return "/aws/eks/" + c.Name.Val + "/cluster"
	}
	return "/aws/eks/<cluster name>/cluster"
}

// terraformClusters are the clusters declared in Terraform (raw resources
// or the eks module): the project-scope rules ask what else the
// Terraform input declares beside them.
func terraformClusters(m *model.Model) []*model.Cluster {
	var out []*model.Cluster
	for _, c := range m.Clusters {
		if c.Format == model.Terraform || c.Format == model.Module {
			out = append(out, c)
		}
	}
	return out
}

// knownOneOf reports whether a string is known to be want.
func knownOneOf(v source.Value[string], want ...string) bool {
	if !v.Known() {
		return false
	}
	for _, w := range want {
		if v.Val == w {
			return true
		}
	}
	return false
}

// featureOff is the status that turns a GuardDuty feature off: DISABLED
// for a detector, NONE for an organization's auto-enable.
func featureOff(f *model.DetectorFeature) string {
	if f.Org {
		return "NONE"
	}
	return "DISABLED"
}

// featureStatusKey names the attribute that holds a feature's status.
func featureStatusKey(f *model.DetectorFeature) string {
	if f.Org {
		return "auto_enable"
	}
	return "status"
}

// featureOn reports whether a feature is known to be on (ENABLED, or an
// organization's ALL or NEW).
func featureOn(f *model.DetectorFeature) bool {
	if f.Org {
		return knownOneOf(f.Status, "ALL", "NEW")
	}
	return knownOneOf(f.Status, "ENABLED")
}

// featureOnValue is the status that turns a feature on: ENABLED, or ALL for
// an organization's auto-enable.
func featureOnValue(f *model.DetectorFeature) string {
	if f.Org {
		return "ALL"
	}
	return "ENABLED"
}
