package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// nodeHardening lists the launch template, volume, metadata service, monitoring and subnet rules for nodes (EKS-NG-010 to 030).
var nodeHardening = []*linter.Rule{NG010, NG011, NG012, NG020, NG030}

// Findings about a launch template point at the template's own setting;
// when the template is an object of its own (an aws_launch_template that
// several node groups may share), the node group is the related location,
// so each group using the template gets its finding.

// withGroup adds the node group as a related location when the finding
// points into a shared launch template.
func withGroup(r linter.Reported, g *model.NodeGroup) linter.Reported {
	if t := g.LaunchTemplate; t != nil && t.Shared {
		r.Also(g.Range, "the launch template %s is used by node group %s", t.Address, g.Address)
	}
	return r
}

// metadataEnabled: is the template's metadata endpoint known to be on?
// With it off, nothing on the node reaches IMDS.
func metadataEnabled(t *model.LaunchTemplate) bool {
	return t.HTTPEndpoint.Known() && t.HTTPEndpoint.Val != "disabled"
}

// accountEncryptsVolumes: does the run declare EBS encryption by default
// (aws_ebs_encryption_by_default, enabled unless set false)? One whose
// enabled is not known may be on, and then every volume is encrypted.
func accountEncryptsVolumes(m *model.Model) bool {
	for _, v := range m.Hardening.EBSEncryptionByDefault {
		if !source.IsFalse(v) {
			return true
		}
	}
	return false
}
