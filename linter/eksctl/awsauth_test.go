package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
)

func TestIAMIdentityMappings(t *testing.T) {
	m, problems := adapt(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: eu-west-1}
iamIdentityMappings:
  - arn: arn:aws:iam::1:role/admin
    username: admin
    groups: [system:masters]
  - arn: arn:aws:iam::1:user/alice
  - account: "444455556666"
  - serviceName: emr-containers
    namespace: spark
  - groups: 3
  - just a string
`)
	if len(problems) != 2 {
		t.Errorf("want 2 problems (groups: 3, a string item), got %v", problems)
	}
	if len(m.Access.AuthMaps) != 1 {
		t.Fatalf("want one map, got %d", len(m.Access.AuthMaps))
	}
	am := m.Access.AuthMaps[0]
	if am.Cluster != m.Clusters[0] || am.Namespace.Val != "kube-system" || am.Format != model.Eksctl || len(am.Entries) != 5 {
		t.Fatalf("map: %+v", am)
	}
	want := []string{model.MapRoles, model.MapUsers, model.MapAccounts, model.IdentityMappings, model.IdentityMappings}
	for i, e := range am.Entries {
		if e.From != want[i] || e.List != "iamIdentityMappings" || e.Index != i {
			t.Errorf("entry %d: from %s, list %s, index %d", i, e.From, e.List, e.Index)
		}
	}
	if g := am.Entries[0].Groups.Val[0]; g.Val != "system:masters" || g.Range.Start.Line != 7 || g.Range.Start.Col != 14 {
		t.Errorf("group %+v", g)
	}
	if a := am.Entries[2].Account; a.Val != "444455556666" || a.Range.Start.Line != 9 {
		t.Errorf("account %+v", a)
	}
	if am.Entries[1].Account.Known() || am.Entries[4].Groups.Known() {
		t.Errorf("no account, unknown groups: %+v %+v", am.Entries[1].Account, am.Entries[4].Groups)
	}
	if m := adaptClean(t, "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n"); len(m.Access.AuthMaps) != 0 {
		t.Errorf("no mappings, no map")
	}
}
