package terraform

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func onlyCluster(t *testing.T, m *model.Model) *model.Cluster {
	t.Helper()
	if len(m.Clusters) != 1 {
		t.Fatalf("want one cluster, got %d", len(m.Clusters))
	}
	return m.Clusters[0]
}

func TestClusterDefaultsAndRanges(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, c *model.Cluster)
	}{
		{"version omitted", `resource "aws_eks_cluster" "c" {}`, func(t *testing.T, c *model.Cluster) {
			if !c.Version.IsDefault() || c.Version.Val != "" || pos(c.Version.Range) != [4]int{1, 1, 1, 31} {
				t.Errorf("version %+v", c.Version)
			}
		}},
		{"empty vpc_config: defaults at its header", "resource \"aws_eks_cluster\" \"c\" {\n  vpc_config {\n  }\n}\n", func(t *testing.T, c *model.Cluster) {
			at := [4]int{2, 3, 2, 13}
			if !source.IsTrue(c.PublicEndpoint) || !c.PublicEndpoint.IsDefault() || pos(c.PublicEndpoint.Range) != at {
				t.Errorf("public %+v", c.PublicEndpoint)
			}
			if !source.IsFalse(c.PrivateEndpoint) || pos(c.PrivateEndpoint.Range) != at {
				t.Errorf("private %+v", c.PrivateEndpoint)
			}
			if !c.PublicCIDRs.IsDefault() || pos(c.PublicCIDRs.Val[0].Range) != at {
				t.Errorf("cidrs %+v", c.PublicCIDRs)
			}
			if !c.SecretsEncryption.IsDefault() || pos(c.SecretsEncryption.Range) != [4]int{1, 1, 1, 31} {
				t.Errorf("secrets default at the resource header: %+v", c.SecretsEncryption)
			}
		}},
		{"explicit empty CIDR list means the world", "resource \"aws_eks_cluster\" \"c\" {\n  vpc_config {\n    public_access_cidrs = []\n  }\n}\n", func(t *testing.T, c *model.Cluster) {
			cidrs := c.PublicCIDRs
			if !cidrs.IsSet() || len(cidrs.Val) != 1 || cidrs.Val[0].Val != "0.0.0.0/0" || !cidrs.Val[0].IsSet() || pos(cidrs.Val[0].Range) != [4]int{3, 5, 3, 29} {
				t.Errorf("cidrs %+v", cidrs)
			}
		}},
		{"explicit values point at the attribute", "resource \"aws_eks_cluster\" \"c\" {\n  name    = \"prod\"\n  version = \"1.31\"\n  enabled_cluster_log_types = [\"api\", \"audit\"]\n}\n", func(t *testing.T, c *model.Cluster) {
			if c.Name.Val != "prod" || pos(c.Name.Range) != [4]int{2, 3, 2, 19} {
				t.Errorf("name %+v", c.Name)
			}
			if c.Version.Val != "1.31" || !c.Version.IsSet() || pos(c.Version.Range) != [4]int{3, 3, 3, 19} {
				t.Errorf("version %+v", c.Version)
			}
			if len(c.LogTypes.Val) != 2 || pos(c.LogTypes.Val[1].Range) != [4]int{4, 39, 4, 46} {
				t.Errorf("log types %+v", c.LogTypes)
			}
		}},
		{"a list from a variable: elements at the attribute", "variable \"t\" {\n  default = [\"api\"]\n}\nresource \"aws_eks_cluster\" \"c\" {\n  enabled_cluster_log_types = var.t\n}\n", func(t *testing.T, c *model.Cluster) {
			if len(c.LogTypes.Val) != 1 || pos(c.LogTypes.Val[0].Range) != [4]int{5, 3, 5, 36} {
				t.Errorf("log types %+v", c.LogTypes)
			}
		}},
		{"a literal null means the default", "resource \"aws_eks_cluster\" \"c\" {\n  vpc_config {\n    endpoint_public_access = null\n  }\n}\n", func(t *testing.T, c *model.Cluster) {
			if !source.IsTrue(c.PublicEndpoint) || !c.PublicEndpoint.IsDefault() || c.PublicEndpoint.Range.Start.Line != 3 {
				t.Errorf("public %+v", c.PublicEndpoint)
			}
		}},
		{"dynamic encryption_config", "variable \"k\" {}\nresource \"aws_eks_cluster\" \"c\" {\n  dynamic \"encryption_config\" {\n    for_each = [1]\n    content {}\n  }\n}\n", func(t *testing.T, c *model.Cluster) {
			if !source.IsTrue(c.SecretsEncryption) || pos(c.SecretsEncryption.Range) != [4]int{3, 3, 3, 30} {
				t.Errorf("secrets %+v", c.SecretsEncryption)
			}
		}},
		{"path (the root module is dot) and workspace", "resource \"aws_eks_cluster\" \"c\" {\n  name = \"${path.module}/${terraform.workspace}\"\n}\n", func(t *testing.T, c *model.Cluster) {
			if c.Name.Val != "./default" {
				t.Errorf("name %+v", c.Name)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, problems := load(t, map[string]string{"main.tf": tt.src}, Options{})
			if len(problems) != 0 {
				t.Fatal(problems)
			}
			tt.check(t, onlyCluster(t, m))
		})
	}
}

func TestNodeGroupSSH(t *testing.T) {
	tests := []struct {
		name   string
		access string
		want   source.Origin
		on     bool
		line   int
	}{
		{"no remote_access", "", source.Default, false, 4},
		{"a literal key", `remote_access { ec2_ssh_key = "k" }`, source.Set, true, 5},
		{"a required variable is a key", `remote_access { ec2_ssh_key = var.required }`, source.Set, true, 5},
		{"a required typed variable in a template", `remote_access { ec2_ssh_key = "${var.typed}-x" }`, source.Set, true, 5},
		{"a required untyped variable in a template", `remote_access { ec2_ssh_key = "${var.required}" }`, source.Set, true, 5},
		{"a variable defaulting to null", `remote_access { ec2_ssh_key = var.nullable }`, source.Default, false, 5},
		{"a literal null", `remote_access { ec2_ssh_key = null }`, source.Default, false, 5},
		{"a resource attribute may be null", `remote_access { ec2_ssh_key = aws_key_pair.k.key_name }`, source.Unknown, false, 5},
		{"remote_access without a key", `remote_access { source_security_group_ids = ["sg-1"] }`, source.Default, false, 5},
		{"dynamic with an unknown for_each", "dynamic \"remote_access\" {\n    for_each = var.required\n    content {}\n  }", source.Unknown, false, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "variable \"required\" {}\nvariable \"typed\" { type = string }\nvariable \"nullable\" { default = null }\nresource \"aws_eks_node_group\" \"ng\" {\n  " + tt.access + "\n}\n"
			m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
			if len(problems) != 0 {
				t.Fatal(problems)
			}
			ssh := m.NodeGroups[0].SSH
			if ssh.Origin != tt.want || ssh.Val != tt.on || int(ssh.Range.Start.Line) != tt.line {
				t.Errorf("ssh %+v, want %v %v at line %d", ssh, tt.want, tt.on, tt.line)
			}
		})
	}
}

func TestNodeGroupSourcesAndOpenToWorld(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `resource "aws_eks_node_group" "a" {
  remote_access {
    ec2_ssh_key               = "k"
    source_security_group_ids = ["sg-1"]
  }
}
`}, Options{})
	g := m.NodeGroups[0]
	if !g.SSHSourceSecurityGroups.IsSet() || g.SSHSourceSecurityGroups.Val[0].Val != "sg-1" || pos(g.SSHSourceSecurityGroups.Val[0].Range) != [4]int{4, 34, 4, 40} {
		t.Errorf("sources %+v", g.SSHSourceSecurityGroups)
	}
	if !source.IsTrue(g.SSHOpenToWorldWithoutSources) || !g.SSHOpenToWorldWithoutSources.IsDefault() || pos(g.SSHOpenToWorldWithoutSources.Range) != [4]int{1, 1, 1, 34} {
		t.Errorf("open to world %+v", g.SSHOpenToWorldWithoutSources)
	}
	if !g.AvailabilityZones.IsDefault() || len(g.AvailabilityZones.Val) != 0 {
		t.Errorf("zones %+v", g.AvailabilityZones)
	}
}

func TestNodeGroupClusterLinks(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "one" {}
resource "aws_eks_cluster" "many" {
  count = 2
}
resource "aws_eks_cluster" "keyed" {
  for_each = toset(["x", "y"])
}
resource "aws_eks_node_group" "by_id" {
  cluster_name = aws_eks_cluster.one.id
}
resource "aws_eks_node_group" "by_index" {
  cluster_name = aws_eks_cluster.many[1].name
}
resource "aws_eks_node_group" "by_count" {
  count        = 2
  cluster_name = aws_eks_cluster.many[count.index].name
}
resource "aws_eks_node_group" "by_key" {
  cluster_name = "${aws_eks_cluster.keyed["y"].name}"
}
resource "aws_eks_node_group" "computed_name" {
  cluster_name = "${aws_eks_cluster.one.name}-suffix"
}
resource "aws_eks_node_group" "arn" {
  cluster_name = aws_eks_cluster.one.arn
}
resource "aws_eks_node_group" "missing" {
  cluster_name = aws_eks_cluster.nowhere.name
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	links := map[string]string{}
	for _, g := range m.NodeGroups {
		links[g.Address] = ""
		if g.Cluster != nil {
			links[g.Address] = g.Cluster.Address
		}
	}
	want := map[string]string{
		"aws_eks_node_group.by_id":         "aws_eks_cluster.one",
		"aws_eks_node_group.by_index":      "aws_eks_cluster.many[1]",
		"aws_eks_node_group.by_count[0]":   "aws_eks_cluster.many[0]",
		"aws_eks_node_group.by_count[1]":   "aws_eks_cluster.many[1]",
		"aws_eks_node_group.by_key":        `aws_eks_cluster.keyed["y"]`,
		"aws_eks_node_group.computed_name": "",
		"aws_eks_node_group.arn":           "",
		"aws_eks_node_group.missing":       "",
	}
	for addr, w := range want {
		if got, ok := links[addr]; !ok || got != w {
			t.Errorf("%s → %q, want %q", addr, got, w)
		}
	}
}

func TestSubnets(t *testing.T) {
	tests := []struct {
		name    string
		subnets string
		known   bool
		values  []string
		zones   []string // "" for unknown
		ranges  [][4]int
	}{
		{"literal references", "[\n    aws_subnet.a.id,\n    aws_subnet.b.id,\n    \"subnet-x\",\n    aws_subnet.counted[1].id]", true,
			[]string{"", "", "subnet-x", ""}, []string{"eu-west-1a", "", "", "eu-west-1c"},
			[][4]int{{3, 5, 3, 20}, {4, 5, 4, 20}, {5, 5, 5, 15}, {6, 5, 6, 29}}},
		{"not a subnet id", "[\n    aws_subnet.a.arn]", true, []string{""}, []string{""}, [][4]int{{3, 5, 3, 21}}},
		{"a known list from a local", `local.ids`, true, []string{"s-1", "s-2"}, []string{"", ""}, [][4]int{{2, 3, 2, 25}, {2, 3, 2, 25}}},
		{"unknown", `data.aws_subnets.all.ids`, false, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "resource \"aws_eks_node_group\" \"ng\" {\n  subnet_ids = " + tt.subnets + `
}
locals {
  ids = ["s-1", "s-2"]
}
resource "aws_subnet" "a" {
  availability_zone = "eu-west-1a"
}
resource "aws_subnet" "b" {
  availability_zone = data.aws_availability_zones.all.names[0]
}
resource "aws_subnet" "counted" {
  count             = 2
  availability_zone = ["eu-west-1b", "eu-west-1c"][count.index]
}
`
			m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
			if len(problems) != 0 {
				t.Fatal(problems)
			}
			g := m.NodeGroups[0]
			if g.Subnets.Known() != tt.known || g.SubnetZones.Known() != tt.known {
				t.Fatalf("known: subnets %+v zones %+v", g.Subnets, g.SubnetZones)
			}
			if len(g.Subnets.Val) != len(tt.values) || len(g.SubnetZones.Val) != len(tt.values) {
				t.Fatalf("lengths: subnets %+v zones %+v", g.Subnets.Val, g.SubnetZones.Val)
			}
			for i := range tt.values {
				s, z := g.Subnets.Val[i], g.SubnetZones.Val[i]
				if s.Val != tt.values[i] || s.Known() != (tt.values[i] != "") || pos(s.Range) != tt.ranges[i] {
					t.Errorf("subnet %d: %+v %v", i, s, pos(s.Range))
				}
				if z.Val != tt.zones[i] || z.Known() != (tt.zones[i] != "") {
					t.Errorf("zone %d: %+v, want %q", i, z, tt.zones[i])
				}
			}
		})
	}
}

func TestDuplicatesAreReported(t *testing.T) {
	m, _, problems := load(t, map[string]string{
		"a.tf": "resource \"aws_eks_cluster\" \"c\" {\n  name = \"first-${local.x}\"\n}\nlocals {\n  x = 1\n}\n",
		"b.tf": "resource \"aws_eks_cluster\" \"c\" {\n  name = \"second-${local.x}\"\n}\nlocals {\n  x = 2\n}\n",
	}, Options{})
	if len(m.Clusters) != 2 || m.Clusters[0].Name.Val != "first-1" || m.Clusters[1].Name.Val != "second-1" {
		t.Fatalf("both resources are checked, and the first local is used: %+v", m.Clusters)
	}
	if len(problems) != 2 || problems[0].Level != source.LevelNote || problems[0].Range.Path() != "m/b.tf" || !strings.Contains(problems[0].Message, "declared twice (first at m/a.tf:1:1)") {
		t.Errorf("problems %v", problems)
	}
}
