package terraform

import (
	"os"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestIsPlan(t *testing.T) {
	src, err := os.ReadFile("testdata/plan/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	if !IsPlan(src) {
		t.Error("a plan is not recognised")
	}
	for _, s := range []string{`{"apiVersion": "v1", "kind": "Pod"}`, `{"format_version": "1.0", "values": {}}`, `[]`, ``} {
		if IsPlan([]byte(s)) {
			t.Errorf("%s is taken for a plan", s)
		}
	}
}

func TestLoadPlan(t *testing.T) {
	const p = "testdata/plan/plan.json"
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	l := LoadPlan(p, src)
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	m := l.Model
	if len(m.Clusters) != 2 || len(m.NodeGroups) != 1 {
		t.Fatalf("clusters %d, node groups %d", len(m.Clusters), len(m.NodeGroups))
	}
	main, mod := m.Clusters[0], m.Clusters[1]
	if main.Address != "aws_eks_cluster.main" || mod.Address != "module.eks.aws_eks_cluster.this[0]" {
		t.Errorf("addresses %q %q", main.Address, mod.Address)
	}
	// Values are located at their line in the plan.
	if !source.IsTrue(main.PublicEndpoint) || main.PublicEndpoint.Range.Start.Line != 22 || main.Range.Start.Line != 8 {
		t.Errorf("public endpoint %+v, header %v", main.PublicEndpoint, main.Range)
	}
	// Values known only after apply are unknown, never the default.
	if mod.PublicEndpoint.Known() || mod.PublicCIDRs.Known() || mod.PrivateEndpoint.Known() || mod.SecretsEncryption.Known() {
		t.Errorf("after_unknown values: public %+v cidrs %+v private %+v secrets %+v", mod.PublicEndpoint, mod.PublicCIDRs, mod.PrivateEndpoint, mod.SecretsEncryption)
	}
	// An empty list of blocks is no block: the default applies.
	if !main.SecretsEncryption.IsDefault() || main.SecretsEncryption.Val {
		t.Errorf("encryption_config = []: %+v", main.SecretsEncryption)
	}
	g := m.NodeGroups[0]
	if g.Address != `aws_eks_node_group.workers["gpu"]` || g.Cluster != main || !source.IsTrue(g.SSH) {
		t.Errorf("node group %q cluster %v ssh %+v", g.Address, g.Cluster, g.SSH)
	}
}

func TestLoadPlanBroken(t *testing.T) {
	l := LoadPlan("p.json", []byte("{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {\n    \"root_module\": [\n"))
	if len(l.Problems) == 0 || !strings.HasPrefix(l.Problems[0].Range.Path(), "p.json") || l.Problems[0].Range.Start.Line == 0 {
		t.Errorf("a broken plan gives a located problem: %v", l.Problems)
	}
	if l.Model == nil {
		t.Error("nil model")
	}
}
