package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG010 flags node volumes that are not known to be encrypted.
var NG010 = &linter.Rule{
	ID:       "EKS-NG-010",
	Name:     "node-volume-unencrypted",
	Summary:  "Node EBS volumes are not encrypted by the launch template",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "encryption", "nodes"},
	Check: func(p *linter.Pass) {
		if accountEncryptsVolumes(p.Model) {
			return // aws_ebs_encryption_by_default encrypts every new volume
		}
		for _, g := range p.Model.NodeGroups {
			t := g.LaunchTemplate
			if t == nil {
				if source.IsTrue(g.EKSTemplate) {
					how := "give it a launch_template with block_device_mappings { ebs { encrypted = true } }, or declare aws_ebs_encryption_by_default"
					if g.Format == model.Module {
						how = "drop use_custom_launch_template = false and set block_device_mappings with ebs = { encrypted = true }, or declare aws_ebs_encryption_by_default"
					}
					p.ReportSeverity(linter.Low, g, g.EKSTemplate.Range,
						"the node group uses the launch template EKS generates, whose volumes are encrypted only if the account's EBS encryption by default is on; %s", how)
				}
				continue
			}
			// An AMI of the template's own may come from encrypted
			// snapshots, which its volumes inherit when encrypted is left
			// out: only an explicit false is then known.
			if !t.VolumesKnown || (len(t.Volumes) == 0 && t.CustomAMI) {
				continue
			}
			if len(t.Volumes) == 0 {
				how := "add block_device_mappings with ebs { encrypted = true } for the root device, or declare aws_ebs_encryption_by_default"
				if g.Format == model.Module {
					how = `set block_device_mappings = { xvda = { device_name = "/dev/xvda", ebs = { encrypted = true } } }, or declare aws_ebs_encryption_by_default`
				}
				withGroup(p.Report(g, t.VolumesAt,
					"the launch template maps no EBS volume, so the AMI's root volume is encrypted only if the account's EBS encryption by default is on; %s", how), g)
				continue
			}
			for _, v := range t.Volumes {
				if !source.IsFalse(v.Encrypted) || (v.Encrypted.IsDefault() && t.CustomAMI) {
					continue
				}
				what := field(&g.Object, "ebs.encrypted", "volumeEncrypted")
				fix := field(&g.Object, "set encrypted = true (with kms_key_id for a key of your own)", "set volumeEncrypted: true (with volumeKmsKeyID for a key of your own)")
				if g.Format == model.Module {
					what = "block_device_mappings ebs.encrypted"
				}
				name := volumeName(v)
				said := name
				if said == "root volume" {
					said = "the root volume"
				}
				var r linter.Reported
				if v.Encrypted.IsSet() {
					r = p.ReportSeverity(linter.High, g, v.Encrypted.Range, "%s turns encryption off for %s: data at rest and snapshots are readable by whoever gets the volume; %s", what, said, fix)
				} else {
					r = p.Report(g, v.Encrypted.Range, "%s is not set for %s, so the volume is encrypted only if the account's EBS encryption by default is on; %s", what, said, fix)
				}
				if len(t.Volumes) > 1 {
					r.In(v.Name)
				}
				withGroup(r, g)
			}
		}
	},
}

func volumeName(v model.Volume) string {
	if v.Name == "" {
		return "a volume"
	}
	return v.Name
}
