package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestAddonsAndUpgradePolicy(t *testing.T) {
	m := adaptClean(t, doc(
		"iam: {withOIDC: true}",         // 4
		"upgradePolicy:",                // 5
		"  supportType: STANDARD",       // 6
		"addons:",                       // 7
		"- name: coredns",               // 8
		"  version: v1.11.4-eksbuild.2", // 9
		"- name: kube-proxy",            // 10
		"  version: latest",             // 11
		"- name: vpc-cni",               // 12
		`  configurationValues: '{"enableNetworkPolicy": "true"}'`,                        // 13
		"- name: aws-ebs-csi-driver",                                                      // 14
		"  serviceAccountRoleARN: arn:aws:iam::1:role/ebs",                                // 15
		"- name: metrics-server",                                                          // 16
		"  podIdentityAssociations:",                                                      // 17
		"  - {serviceAccountName: ms, permissionPolicyARNs: [arn:aws:iam::aws:policy/X]}", // 18
		"- name: eks-pod-identity-agent",                                                  // 19
	))
	c := m.Clusters[0]
	if c.UpgradeSupportType.Val != "STANDARD" || !c.UpgradeSupportType.IsSet() || c.UpgradeSupportType.Range.Start.Line != 6 {
		t.Errorf("support type: %+v", c.UpgradeSupportType)
	}
	if len(c.Addons) != 6 || len(m.Addons) != 6 {
		t.Fatalf("%d add-ons", len(c.Addons))
	}
	dns, proxy, cni, ebs, ms, agent := c.Addons[0], c.Addons[1], c.Addons[2], c.Addons[3], c.Addons[4], c.Addons[5]
	if dns.Name != "coredns" || dns.Version.Val != "v1.11.4-eksbuild.2" || !dns.Version.IsSet() || dns.Cluster != c || dns.Address != "ClusterConfig/c/addons/coredns" {
		t.Errorf("coredns: %+v", dns)
	}
	if !source.IsTrue(proxy.MostRecent) || !proxy.Version.IsDefault() {
		t.Errorf("latest: %+v %+v", proxy.MostRecent, proxy.Version)
	}
	if cni.Configuration.Val != `{"enableNetworkPolicy": "true"}` || !cni.Role.IsDefault() || cni.Role.Val == "" || cni.Role.Range.Start.Line != 4 {
		t.Errorf("vpc-cni: %+v %+v", cni.Configuration, cni.Role)
	}
	if ebs.Role.Val != "arn:aws:iam::1:role/ebs" || !ebs.Role.IsSet() {
		t.Errorf("ebs: %+v", ebs.Role)
	}
	if !ms.Role.IsSet() || ms.Role.Range.Start.Line != 17 {
		t.Errorf("pod identity: %+v", ms.Role)
	}
	if !agent.Role.IsDefault() || agent.Role.Val != "" || agent.Range.Start.Line != 19 || !agent.Version.IsDefault() {
		t.Errorf("agent: %+v", agent)
	}
}

func TestVersionDefaults(t *testing.T) {
	m := adaptClean(t, doc("managedNodeGroups:", "- name: a"))
	c := m.Clusters[0]
	if !c.UpgradeSupportType.IsDefault() || c.UpgradeSupportType.Val != "EXTENDED" || c.UpgradeSupportType.Range != firstKey {
		t.Errorf("support type: %+v", c.UpgradeSupportType)
	}
	if !c.Version.IsDefault() || c.Version.Val != "" {
		t.Errorf("version: %+v", c.Version)
	}
	if g := m.NodeGroups[0]; !g.Version.IsDefault() || g.Version.Val != "" {
		t.Errorf("node group version: %+v", g.Version)
	}
	// vpc-cni without OIDC runs with the node role.
	m = adaptClean(t, doc("addons: [{name: vpc-cni}]"))
	if r := m.Clusters[0].Addons[0].Role; !r.IsDefault() || r.Val != "" {
		t.Errorf("vpc-cni role: %+v", r)
	}
}
