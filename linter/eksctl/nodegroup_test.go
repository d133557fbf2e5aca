package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func TestNodeGroupObjectsAndDefaults(t *testing.T) {
	m := adaptClean(t, doc(
		"nodeGroups:",
		"  - name: ng-a",
		"    instanceType: m5.large",
		"  - instanceType: m5.large",
		"managedNodeGroups:",
		"- name: mng",
	))
	if len(m.NodeGroups) != 3 {
		t.Fatalf("want three node groups, got %d", len(m.NodeGroups))
	}
	want := []model.Object{
		{Kind: "nodeGroup", Address: "ClusterConfig/c/nodeGroups/ng-a", Range: span(5, 5, 5, 9), Format: model.Eksctl},
		{Kind: "nodeGroup", Address: "ClusterConfig/c/nodeGroups/1", Range: span(7, 5, 7, 17), Format: model.Eksctl},
		{Kind: "managedNodeGroup", Address: "ClusterConfig/c/managedNodeGroups/mng", Range: span(9, 3, 9, 7), Format: model.Eksctl},
	}
	for i, g := range m.NodeGroups {
		if g.Object != want[i] {
			t.Errorf("node group %d: %+v, want %+v", i, g.Object, want[i])
		}
		if g.Cluster != m.Clusters[0] {
			t.Errorf("%s does not point at its cluster", g.Address)
		}
		item := want[i].Range
		checkBool(t, g.Address+" ssh", g.SSH, source.Default, false, item)
		checkBool(t, g.Address+" world", g.SSHOpenToWorldWithoutSources, source.Default, true, item)
		for j, l := range []source.Strings{g.SSHSourceSecurityGroups, g.AvailabilityZones, g.Subnets, g.SubnetZones} {
			if !l.IsDefault() || l.Range != item || len(l.Val) != 0 {
				t.Errorf("%s list %d: %+v, want empty at the item", g.Address, j, l)
			}
		}
	}
}

func TestNodeGroupOfUnnamedCluster(t *testing.T) {
	m := adaptClean(t, lines("apiVersion: eksctl.io/v1alpha5", "kind: ClusterConfig", "managedNodeGroups:", "  - {}"))
	g := m.NodeGroups[0]
	if g.Address != "ClusterConfig/managedNodeGroups/0" || g.Range != span(4, 5, 4, 7) {
		t.Errorf("%+v", g.Object)
	}
	checkBool(t, "ssh of an empty item", g.SSH, source.Default, false, span(4, 5, 4, 7))
}

// TestSSH covers setSSHDefaults: allow decides when written; otherwise a
// non-empty key turns SSH on; otherwise it is off. The group's item is on
// line 5 and its ssh key on line 6.
func TestSSH(t *testing.T) {
	item, sshKey := span(5, 5, 5, 9), span(6, 5, 6, 8)
	tests := []struct {
		name   string
		ssh    []string
		origin source.Origin
		val    bool
		at     source.Range
	}{
		{"no ssh", nil, source.Default, false, item},
		{"empty ssh", []string{"    ssh: {}"}, source.Default, false, sshKey},
		{"null ssh", []string{"    ssh:"}, source.Default, false, sshKey},
		{"allow", []string{"    ssh:", "      allow: true"}, source.Set, true, span(7, 7, 7, 18)},
		{"allow false", []string{"    ssh:", "      allow: false"}, source.Set, false, span(7, 7, 7, 19)},
		{"key path", []string{"    ssh:", "      publicKeyPath: ~/.ssh/id.pub"}, source.Set, true, span(7, 7, 7, 35)},
		{"key name", []string{"    ssh:", "      publicKeyName: ec2_dev_key"}, source.Set, true, span(7, 7, 7, 33)},
		{"inline key", []string{"    ssh:", `      publicKey: "ssh-rsa AAAA"`}, source.Set, true, span(7, 7, 7, 32)},
		{"key but allow false", []string{"    ssh:", "      allow: false", "      publicKeyName: k"}, source.Set, false, span(7, 7, 7, 19)},
		{"key and allow", []string{"    ssh:", "      publicKeyName: k", "      allow: true"}, source.Set, true, span(8, 7, 8, 18)},
		{"empty key", []string{"    ssh:", `      publicKeyName: ""`}, source.Default, false, sshKey},
		{"ssm only", []string{"    ssh:", "      enableSsm: true"}, source.Default, false, sshKey},
		{"first key written wins", []string{"    ssh:", "      publicKeyName: b", "      publicKeyPath: a"}, source.Set, true, span(7, 7, 7, 23)},
		{"YAML 1.1 yes", []string{"    ssh:", "      allow: yes"}, source.Set, true, span(7, 7, 7, 17)},
		{"YAML 1.1 off", []string{"    ssh:", "      allow: off"}, source.Set, false, span(7, 7, 7, 17)},
	}
	for _, tt := range tests {
		for _, list := range []string{"nodeGroups", "managedNodeGroups"} {
			t.Run(list+"/"+tt.name, func(t *testing.T) {
				m := adaptClean(t, doc(append([]string{list + ":", "  - name: ng"}, tt.ssh...)...))
				checkBool(t, "ssh", m.NodeGroups[0].SSH, tt.origin, tt.val, tt.at)
			})
		}
	}
}

func TestSSHSources(t *testing.T) {
	g := adaptClean(t, doc("managedNodeGroups:", "  - name: ng", "    ssh:", "      sourceSecurityGroupIds: [sg-1, sg-2]")).NodeGroups[0]
	if !g.SSHSourceSecurityGroups.IsSet() || g.SSHSourceSecurityGroups.Range != span(7, 7, 7, 43) || values(g.SSHSourceSecurityGroups) != "sg-1@7:32 sg-2@7:38" {
		t.Errorf("sources %+v", g.SSHSourceSecurityGroups)
	}
	g = adaptClean(t, doc("managedNodeGroups:", "  - name: ng", "    ssh: {allow: true}")).NodeGroups[0]
	if !g.SSHSourceSecurityGroups.IsDefault() || g.SSHSourceSecurityGroups.Range != span(6, 5, 6, 8) {
		t.Errorf("sources default at the ssh key: %+v", g.SSHSourceSecurityGroups)
	}
}

// TestPrivateNetworking: without source groups eksctl opens port 22 to the
// world unless the group uses private networking.
func TestPrivateNetworking(t *testing.T) {
	tests := []struct {
		line   string
		origin source.Origin
		world  bool
		at     source.Range
	}{
		{"", source.Default, true, span(5, 5, 5, 9)},
		{"    privateNetworking: true", source.Set, false, span(6, 5, 6, 28)},
		{"    privateNetworking: false", source.Set, true, span(6, 5, 6, 29)},
		{"    privateNetworking:", source.Default, true, span(6, 5, 6, 22)},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			more := []string{"nodeGroups:", "  - name: ng"}
			if tt.line != "" {
				more = append(more, tt.line)
			}
			g := adaptClean(t, doc(more...)).NodeGroups[0]
			checkBool(t, "world", g.SSHOpenToWorldWithoutSources, tt.origin, tt.world, tt.at)
		})
	}
}

// TestZonesAndSubnets: subnets named (or identified) in vpc.subnets with an
// az resolve to it, located at that az; others are Unknown at the entry.
func TestZonesAndSubnets(t *testing.T) {
	m := adaptClean(t, doc(
		"vpc:",
		"  subnets:",
		"    private:",
		"      a: {id: subnet-1, az: eu-west-1a}",
		"      b:",
		"        az: eu-west-1b",
		"      c: {id: subnet-3}",
		"    public:",
		"      p: {az: eu-west-1c}",
		"      b: {az: eu-west-1a}",
		"nodeGroups:",
		"  - name: one",
		"    availabilityZones: [eu-west-1a]",
		"  - name: two",
		"    subnets: [a, subnet-1, b, c, nowhere, p]",
	))
	one, two := m.NodeGroups[0], m.NodeGroups[1]
	if !one.AvailabilityZones.IsSet() || one.AvailabilityZones.Range != span(16, 5, 16, 36) || values(one.AvailabilityZones) != "eu-west-1a@16:25" {
		t.Errorf("zones %+v", one.AvailabilityZones)
	}
	if !one.SubnetZones.IsDefault() || one.SubnetZones.Range != span(15, 5, 15, 9) {
		t.Errorf("no subnets, no subnet zones: %+v", one.SubnetZones)
	}
	if values(two.Subnets) != "a@18:15 subnet-1@18:18 b@18:28 c@18:31 nowhere@18:34 p@18:43" || two.Subnets.Range != span(18, 5, 18, 45) {
		t.Errorf("subnets %+v", two.Subnets)
	}
	// b is declared twice with different zones: which eksctl uses is not
	// guessed. c has only an id, so its zone is the real subnet's.
	if got, want := values(two.SubnetZones), "eu-west-1a@7:25 eu-west-1a@7:25 ?@18:28 ?@18:31 ?@18:34 eu-west-1c@12:11"; got != want {
		t.Errorf("subnet zones\ngot  %s\nwant %s", got, want)
	}
	if z := two.SubnetZones.Val[0]; z != source.SetAt("eu-west-1a", span(7, 25, 7, 39)) {
		t.Errorf("a resolved zone is located at its az: %+v", z)
	}
	if !two.SubnetZones.IsSet() || two.SubnetZones.Range != two.Subnets.Range {
		t.Errorf("subnet zones follow the subnets: %+v", two.SubnetZones)
	}
}
