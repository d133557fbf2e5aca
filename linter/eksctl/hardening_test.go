package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestHardeningDefaults(t *testing.T) {
	m := adaptClean(t, doc(
		"managedNodeGroups:",
		"  - name: mng",
	))
	g := m.NodeGroups[0]
	item := span(5, 5, 5, 9)
	lt := g.LaunchTemplate
	if lt == nil || lt.Shared || lt.Range != item {
		t.Fatalf("template %+v", lt)
	}
	if lt.HTTPTokens.Val != "required" || !lt.HTTPTokens.IsDefault() || lt.HTTPTokens.Range != item {
		t.Errorf("tokens %+v", lt.HTTPTokens)
	}
	if lt.HopLimit.Val != 2 || !lt.HopLimit.IsDefault() || lt.HopLimit.Range != item {
		t.Errorf("hop limit %+v", lt.HopLimit)
	}
	checkBool(t, "monitoring", lt.Monitoring, source.Default, false, item)
	checkBool(t, "public IP", g.PublicIP, source.Default, true, item)
	if len(lt.Volumes) != 1 {
		t.Fatalf("volumes %+v", lt.Volumes)
	}
	checkBool(t, "root volume", lt.Volumes[0].Encrypted, source.Default, false, item)
}

func TestHardeningSettings(t *testing.T) {
	m, problems := adapt(t, doc(
		"nodeGroups:",
		"  - name: ng",
		"    disableIMDSv1: false",
		"    disablePodIMDS: true",
		"    enableDetailedMonitoring: true",
		"    privateNetworking: true",
		"    volumeEncrypted: true",
		"    additionalVolumes:",
		"      - volumeName: /dev/xvdb",
		"        volumeEncrypted: false",
		"      - not a mapping",
		"managedNodeGroups:",
		"  - name: own",
		"    launchTemplate: {id: lt-1}",
	))
	onlyWarning(t, problems, span(14, 9, 14, 22), "additionalVolumes[1]", "mapping")
	g := m.NodeGroups[0]
	lt := g.LaunchTemplate
	// disablePodIMDS requires tokens whatever disableIMDSv1 says.
	if lt.HTTPTokens.Val != "required" || !lt.HTTPTokens.IsSet() || lt.HTTPTokens.Range != span(7, 5, 7, 25) {
		t.Errorf("tokens %+v", lt.HTTPTokens)
	}
	if lt.HopLimit.Val != 1 || !lt.HopLimit.IsSet() {
		t.Errorf("hop limit %+v", lt.HopLimit)
	}
	checkBool(t, "monitoring", lt.Monitoring, source.Set, true, span(8, 5, 8, 35))
	checkBool(t, "public IP", g.PublicIP, source.Set, false, span(9, 5, 9, 28))
	if len(lt.Volumes) != 2 || lt.VolumesKnown {
		t.Fatalf("volumes %+v known %v", lt.Volumes, lt.VolumesKnown)
	}
	checkBool(t, "root volume", lt.Volumes[0].Encrypted, source.Set, true, span(10, 5, 10, 26))
	checkBool(t, "additional volume", lt.Volumes[1].Encrypted, source.Set, false, span(13, 9, 13, 31))
	if lt.Volumes[1].Name != "additional volume /dev/xvdb" {
		t.Errorf("name %q", lt.Volumes[1].Name)
	}
	own := m.NodeGroups[1]
	if own.LaunchTemplate != nil || !source.IsFalse(own.EKSTemplate) || !own.EKSTemplate.IsSet() {
		t.Errorf("a launch template of the user's: %+v %+v", own.LaunchTemplate, own.EKSTemplate)
	}
}
