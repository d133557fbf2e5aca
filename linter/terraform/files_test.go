package terraform

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestJSONExactPositions(t *testing.T) {
	m, files, problems := load(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_eks_cluster": {
      "main": {
        "vpc_config": {
          "public_access_cidrs": ["10.0.0.0/8", "0.0.0.0/0"]
        }
      }
    },
    "aws_subnet": {"a": {"availability_zone": "eu-west-1a"}},
    "aws_eks_node_group": {
      "ng": {
        "cluster_name": "${aws_eks_cluster.main.name}",
        "subnet_ids": ["${aws_subnet.a.id}"]
      }
    }
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := onlyCluster(t, m)
	// JSON has no header: a block is located at its object's opening brace.
	if pos(c.Range) != [4]int{4, 15, 4, 16} {
		t.Errorf("cluster header %v", pos(c.Range))
	}
	cidrs := c.PublicCIDRs.Val
	if len(cidrs) != 2 || cidrs[1].Val != "0.0.0.0/0" || pos(cidrs[1].Range) != [4]int{6, 49, 6, 60} {
		t.Errorf("cidrs %+v", cidrs)
	}
	if !source.IsTrue(c.PublicEndpoint) || !c.PublicEndpoint.IsDefault() || pos(c.PublicEndpoint.Range) != [4]int{5, 23, 5, 24} {
		t.Errorf("public default at the vpc_config key: %+v", c.PublicEndpoint)
	}
	g := m.NodeGroups[0]
	if g.Cluster != c {
		t.Errorf("JSON link: %v", g.Cluster)
	}
	if z := g.SubnetZones.Val; len(z) != 1 || z[0].Val != "eu-west-1a" || z[0].Range.Start.Line != 10 {
		t.Errorf("zones %+v", z)
	}
	if len(files) != 1 || files[0].Path != "m/main.tf.json" || len(files[0].Comments) != 0 {
		t.Errorf("files %+v", files)
	}
}

func TestCommentsAndNestedScopes(t *testing.T) {
	_, files, _ := load(t, map[string]string{"main.tf": `/* ekslint:ignore EKS-CP-001 -- block */
resource "aws_eks_cluster" "c" {
  // ekslint:ignore EKS-CP-002 -- slashes
  vpc_config {
    dynamic "x" {
      for_each = []
      content {}
    }
  }
}
`}, Options{})
	f := files[0]
	var texts []string
	for _, c := range f.Comments {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, "|") != " ekslint:ignore EKS-CP-001 -- block | ekslint:ignore EKS-CP-002 -- slashes" {
		t.Errorf("comments %q", texts)
	}
	if pos(f.Comments[0].Range) != [4]int{1, 1, 1, 41} || pos(f.Comments[1].Range) != [4]int{3, 3, 3, 42} {
		t.Errorf("comment ranges %v %v", pos(f.Comments[0].Range), pos(f.Comments[1].Range))
	}
	var scopes [][4]int
	for _, s := range f.Scopes {
		scopes = append(scopes, pos(s))
	}
	want := [][4]int{{2, 1, 10, 2}, {4, 3, 9, 4}, {5, 5, 8, 6}, {7, 7, 7, 17}}
	if len(scopes) != len(want) {
		t.Fatalf("scopes %v", scopes)
	}
	for i := range want {
		if scopes[i] != want[i] {
			t.Errorf("scope %d: %v, want %v", i, scopes[i], want[i])
		}
	}
}

func TestProblemsAreLocatedAndPlain(t *testing.T) {
	_, _, problems := load(t, map[string]string{
		"a.tf": "locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\nresource \"aws_eks_cluster\" \"c\" {\n  name = local.a\n}\n",
		"b.tf": "resource \"aws_eks_cluster\" \"d\" {\n  name = \"x\"\n  vpc_config {\n",
	}, Options{})
	if len(problems) != 2 {
		t.Fatalf("problems %v", problems)
	}
	cycle, syntax := problems[1], problems[0]
	if cycle.Range.Path() != "m/a.tf" || cycle.Range.Start.Line != 2 || cycle.Level != source.LevelWarning ||
		!strings.Contains(cycle.Message, "local.a → local.b → local.c → local.a") {
		t.Errorf("cycle: %s", cycle)
	}
	if syntax.Range.Path() != "m/b.tf" || syntax.Range.Start.Line == 0 || syntax.Level != source.LevelError ||
		!strings.HasPrefix(syntax.Message, "invalid HCL: ") {
		t.Errorf("syntax: %s", syntax)
	}
}
