package eksctl

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Node hardening: volumes, the metadata service, monitoring and private networking.

// groupHardening reads the launch template eksctl builds for a node group
// (pkg/cfn/builder: makeMetadataOptions, makeBlockDeviceMappings, the
// Monitoring of the launch template data; the same for managed and
// unmanaged groups), with the defaults of setNodeGroupBaseDefaults:
//
//   - volumeEncrypted unset: Encrypted is left out of the mapping, so the
//     account's EBS encryption by default decides;
//   - disableIMDSv1 defaults to true (eksctl #6631); http_tokens is required
//     when it or disablePodIMDS is true, optional otherwise;
//   - disablePodIMDS defaults to false: hop limit 2, 1 when true;
//   - enableDetailedMonitoring unset: no Monitoring, so basic monitoring;
//   - privateNetworking defaults to false: public subnets, public IPs.
//
// A managed group given launchTemplate uses that template: its settings are
// not in the file.
func (a *adapter) groupHardening(parts *groupParts, ng *scope, kind string) {
	g := &parts.group
	g.EKSTemplate = source.DefaultAt(false, ng.at)
	// Public subnets exactly when SSH would be open to the world: both
	// follow privateNetworking.
	g.PublicIP = g.SSHOpenToWorldWithoutSources
	if kind == "managedNodeGroup" {
		if p, ok, bad := ng.field("launchTemplate"); ok || bad {
			if !bad {
				g.EKSTemplate = source.SetAt(false, a.keyValue(p))
			}
			return
		}
	}
	t := &parts.template
	*t = model.LaunchTemplate{Address: g.Address, Range: ng.at, VolumesAt: ng.at, VolumesKnown: true, Volumes: parts.volumes[:0]}
	g.LaunchTemplate = t
	// ami is an AMI ID, or auto, auto-ssm or static for eksctl's choice.
	if ami := ng.str("ami", ""); !ami.Known() || strings.HasPrefix(ami.Val, "ami-") {
		t.CustomAMI = true
	}
	t.Volumes = append(t.Volumes, model.Volume{Name: "root volume", Range: ng.at, Encrypted: ng.boolean("volumeEncrypted", false)})
	for i, raw := range ng.items("additionalVolumes") {
		path := fmt.Sprintf("%s.additionalVolumes[%d]", ng.name(), i)
		v := a.item(path, raw)
		if v == nil {
			a.warn(raw, "%s must be a mapping, not %s", path, describe(raw))
			t.VolumesKnown = false
			continue
		}
		name := v.str("volumeName", "")
		label := fmt.Sprintf("additional volume %d", i+1)
		if name.IsSet() && name.Val != "" {
			label = "additional volume " + name.Val
		}
		t.Volumes = append(t.Volumes, model.Volume{Name: label, Range: v.at, Encrypted: v.boolean("volumeEncrypted", false)})
	}

	v1 := ng.boolean("disableIMDSv1", true)
	pod := ng.boolean("disablePodIMDS", false)
	switch {
	case source.IsTrue(pod):
		t.HTTPTokens = source.Value[string]{Val: "required", Origin: pod.Origin, Range: pod.Range}
	case !pod.Known() && !source.IsTrue(v1):
		t.HTTPTokens = source.UnknownAt[string](pod.Range)
	case !v1.Known():
		t.HTTPTokens = source.UnknownAt[string](v1.Range)
	default:
		tokens := "optional"
		if v1.Val {
			tokens = "required"
		}
		t.HTTPTokens = source.Value[string]{Val: tokens, Origin: v1.Origin, Range: v1.Range}
	}
	if pod.Known() {
		hop := 2
		if pod.Val {
			hop = 1
		}
		t.HopLimit = source.Value[int]{Val: hop, Origin: pod.Origin, Range: pod.Range}
	} else {
		t.HopLimit = source.UnknownAt[int](pod.Range)
	}
	t.HTTPEndpoint = source.DefaultAt("enabled", ng.at)
	t.Monitoring = ng.boolean("enableDetailedMonitoring", false)
	t.KeyName = source.DefaultAt("", ng.at)
	t.PublicIP = source.DefaultAt(false, ng.at)
}
