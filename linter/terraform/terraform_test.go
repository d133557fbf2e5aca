package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// load writes files into a temporary module folder and loads it. Paths in
// ranges are the files' names relative to the folder's parent ("m/main.tf").
func load(t *testing.T, files map[string]string, opts Options) (*model.Model, []*source.File, []source.Problem) {
	t.Helper()
	root := t.TempDir()
	t.Chdir(root)
	if err := os.Mkdir("m", 0o755); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names) // files in a stable order, as the engine gives them
	var fs []File
	for _, name := range names {
		content := files[name]
		if err := os.WriteFile(filepath.Join("m", name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") {
			fs = append(fs, File{Path: "m/" + name, Src: []byte(content)})
		}
	}
	return Load("m", fs, opts)
}

func pos(r source.Range) [4]int {
	return [4]int{int(r.Start.Line), int(r.Start.Col), int(r.End.Line), int(r.End.Col)}
}

func TestBareClusterDefaults(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn"
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := m.Clusters[0]
	header := [4]int{1, 1, 1, 34}
	for name, v := range map[string]source.Value[bool]{"public": c.PublicEndpoint, "private": c.PrivateEndpoint, "secrets": c.SecretsEncryption} {
		if !v.IsDefault() || pos(v.Range) != header {
			t.Errorf("%s: %+v, want a default at the header", name, v)
		}
	}
	if !c.PublicEndpoint.Val || c.PrivateEndpoint.Val || c.SecretsEncryption.Val {
		t.Error("wrong default values")
	}
	if !c.PublicCIDRs.IsDefault() || len(c.PublicCIDRs.Val) != 1 || c.PublicCIDRs.Val[0].Val != "0.0.0.0/0" {
		t.Errorf("CIDRs %+v", c.PublicCIDRs)
	}
	if !c.LogTypes.IsDefault() || len(c.LogTypes.Val) != 0 {
		t.Errorf("log types %+v", c.LogTypes)
	}
	if c.Address != "aws_eks_cluster.main" || c.Name.Val != "main" || c.Range.Path() != "m/main.tf" {
		t.Errorf("object %+v", c.Object)
	}
}

func TestExplicitValuesAndRanges(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "main" {
  name = "main"
  vpc_config {
    endpoint_public_access  = false
    endpoint_private_access = "true"
    public_access_cidrs     = ["10.0.0.0/8", "0.0.0.0/0"]
  }
  encryption_config {
    resources = ["secrets"]
  }
}
`}, Options{})
	c := m.Clusters[0]
	if !source.IsFalse(c.PublicEndpoint) || pos(c.PublicEndpoint.Range) != [4]int{4, 5, 4, 36} {
		t.Errorf("public %+v", c.PublicEndpoint)
	}
	if !source.IsTrue(c.PrivateEndpoint) {
		t.Errorf("a string \"true\" converts like Terraform does: %+v", c.PrivateEndpoint)
	}
	cidrs := c.PublicCIDRs.Val
	if len(cidrs) != 2 || cidrs[1].Val != "0.0.0.0/0" || pos(cidrs[1].Range) != [4]int{6, 46, 6, 57} {
		t.Errorf("cidrs %+v", cidrs)
	}
	if !source.IsTrue(c.SecretsEncryption) || c.SecretsEncryption.Range.Start.Line != 8 {
		t.Errorf("encryption %+v", c.SecretsEncryption)
	}
}

const varModule = `variable "public" {
  type    = bool
  default = false
}
variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
variable "nodefault" {}
resource "aws_eks_cluster" "main" {
  name = var.nodefault
  vpc_config {
    endpoint_public_access = var.public
    public_access_cidrs    = var.cidrs
  }
}
`

func TestVariablePrecedence(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		opts   Options
		public bool
		cidr   string
	}{
		{"default", nil, Options{}, false, "10.0.0.0/8"},
		{"terraform.tfvars", map[string]string{"terraform.tfvars": "public = true\n"}, Options{}, true, "10.0.0.0/8"},
		{"auto over terraform.tfvars", map[string]string{"terraform.tfvars": "public = true\n", "a.auto.tfvars": "public = false\n"}, Options{}, false, "10.0.0.0/8"},
		{"var-file over auto", map[string]string{"a.auto.tfvars": "public = false\n", "prod.tfvars": "public = true\ncidrs = [\"1.2.3.0/24\"]\n"},
			Options{VarFiles: []string{"m/prod.tfvars"}}, true, "1.2.3.0/24"},
		{"--var over var-file", map[string]string{"prod.tfvars": "public = true\n"},
			Options{VarFiles: []string{"m/prod.tfvars"}, Vars: map[string]string{"public": "false", "cidrs": `["0.0.0.0/0", "10.1.0.0/16"]`}}, false, "0.0.0.0/0"},
		{"tfvars.json", map[string]string{"terraform.tfvars.json": `{"public": true}`}, Options{}, true, "10.0.0.0/8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"main.tf": varModule}
			for k, v := range tt.files {
				files[k] = v
			}
			m, _, problems := load(t, files, tt.opts)
			if len(problems) != 0 {
				t.Fatal(problems)
			}
			c := m.Clusters[0]
			if !c.PublicEndpoint.IsSet() || c.PublicEndpoint.Val != tt.public {
				t.Errorf("public %+v, want %v", c.PublicEndpoint, tt.public)
			}
			if c.PublicCIDRs.Val[0].Val != tt.cidr {
				t.Errorf("cidrs %+v, want %s first", c.PublicCIDRs.Val, tt.cidr)
			}
			if c.Name.Known() {
				t.Errorf("a variable with no default and no value must be unknown: %+v", c.Name)
			}
		})
	}
}

func TestLocalsReferencesAndFunctions(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `locals {
  env   = "prod"
  types = concat(["api", "audit"], local.extra)
  extra = [upper("x") == "X" ? "authenticator" : "none"]
  loop1 = local.loop2
  loop2 = local.loop1
}
data "aws_vpc" "main" {}
resource "aws_eks_cluster" "a" {
  name                      = "${local.env}-a"
  enabled_cluster_log_types = local.types
  vpc_config {
    endpoint_public_access = local.loop1
    public_access_cidrs    = [data.aws_vpc.main.cidr_block]
  }
}
resource "aws_eks_cluster" "b" {
  name    = someunknownfunction("b")
  version = aws_eks_cluster.a.version
}
`}, Options{})
	a, b := m.Clusters[0], m.Clusters[1]
	if a.Name.Val != "prod-a" {
		t.Errorf("template with a local: %+v", a.Name)
	}
	if got := len(a.LogTypes.Val); got != 3 || a.LogTypes.Val[2].Val != "authenticator" {
		t.Errorf("locals chain: %+v", a.LogTypes)
	}
	if a.PublicEndpoint.Known() {
		t.Errorf("a locals cycle must be unknown: %+v", a.PublicEndpoint)
	}
	if !a.PublicCIDRs.Known() || a.PublicCIDRs.Val[0].Known() {
		t.Errorf("a data source attribute must be an unknown element of a known list: %+v", a.PublicCIDRs)
	}
	if b.Name.Known() || b.Version.Known() {
		t.Errorf("unknown function and resource reference must be unknown: %+v %+v", b.Name, b.Version)
	}
	var cycle bool
	for _, p := range problems {
		if strings.Contains(p.Message, "refers to itself") {
			cycle = true
		} else {
			t.Errorf("unexpected problem (an unknown function is not one): %s", p)
		}
	}
	if !cycle {
		t.Error("the locals cycle was not reported")
	}
}

func TestRangeIsBounded(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "a" {
  enabled_cluster_log_types = [for i in range(100000000) : "api"]
}
`}, Options{})
	if m.Clusters[0].LogTypes.Known() {
		t.Error("an over-large range must be unknown")
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "at most") || problems[0].Range.Start.Line != 2 {
		t.Errorf("want one located problem about the bound, got %v", problems)
	}
}

func TestJSONPositions(t *testing.T) {
	m, files, problems := load(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_eks_cluster": {
      "main": {
        "name": "main",
        "vpc_config": {
          "endpoint_public_access": true
        }
      }
    }
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := m.Clusters[0]
	if !source.IsTrue(c.PublicEndpoint) || c.PublicEndpoint.Range.Start.Line != 7 || c.PublicEndpoint.Range.Path() != "m/main.tf.json" {
		t.Errorf("public %+v", c.PublicEndpoint)
	}
	if len(files) != 1 || len(files[0].Comments) != 0 {
		t.Errorf("files %+v", files)
	}
}

func TestMalformedFileDoesNotStopTheModule(t *testing.T) {
	m, _, problems := load(t, map[string]string{
		"broken.tf": "resource \"aws_eks_cluster\" \"x\" {\n  name = \n}\n",
		"main.tf":   "resource \"aws_eks_cluster\" \"ok\" {\n}\n",
	}, Options{})
	var ok bool
	for _, c := range m.Clusters {
		ok = ok || c.Address == "aws_eks_cluster.ok"
	}
	if !ok {
		t.Errorf("the good file was not adapted: %+v", m.Clusters)
	}
	if len(problems) == 0 || problems[0].Level != source.LevelError || problems[0].Range.Path() != "m/broken.tf" || problems[0].Range.Start.Line != 2 {
		t.Errorf("want a located error in broken.tf, got %v", problems)
	}
}

func TestCRLFCommentsAndScopes(t *testing.T) {
	src := strings.ReplaceAll(`# ekslint:ignore EKS-CP-001 -- top comment
resource "aws_eks_cluster" "main" {
  vpc_config { // inner
    endpoint_public_access = true
  }
}
`, "\n", "\r\n")
	m, files, _ := load(t, map[string]string{"main.tf": src}, Options{})
	if got := m.Clusters[0].PublicEndpoint.Range.Start.Line; got != 4 {
		t.Errorf("CRLF shifted lines: %d", got)
	}
	f := files[0]
	if len(f.Comments) != 2 || f.Comments[0].Text != " ekslint:ignore EKS-CP-001 -- top comment" || f.Comments[1].Text != " inner" || f.Comments[1].Range.Start.Line != 3 {
		t.Errorf("comments %+v", f.Comments)
	}
	if len(f.Scopes) != 2 || f.Scopes[0].Start.Line != 2 || f.Scopes[0].End.Line != 6 || f.Scopes[1].Start.Line != 3 {
		t.Errorf("scopes %+v", f.Scopes)
	}
}

func TestNodeGroupLinksAndSSH(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "main" {}
resource "aws_subnet" "a" {
  availability_zone = "eu-west-1a"
}
resource "aws_eks_node_group" "ng" {
  cluster_name = aws_eks_cluster.main.name
  subnet_ids   = [aws_subnet.a.id, "subnet-literal"]
  remote_access {
    ec2_ssh_key = "key"
  }
}
resource "aws_eks_node_group" "plain" {
  cluster_name = "external"
}
`}, Options{})
	ng, plain := m.NodeGroups[0], m.NodeGroups[1]
	if ng.Cluster != m.Clusters[0] || plain.Cluster != nil {
		t.Errorf("cluster links: %v %v", ng.Cluster, plain.Cluster)
	}
	if !source.IsTrue(ng.SSH) || ng.SSH.Range.Start.Line != 9 || !ng.SSHSourceSecurityGroups.IsDefault() || !source.IsTrue(ng.SSHOpenToWorldWithoutSources) {
		t.Errorf("ssh %+v %+v", ng.SSH, ng.SSHSourceSecurityGroups)
	}
	z := ng.SubnetZones.Val
	if len(z) != 2 || z[0].Val != "eu-west-1a" || z[1].Known() {
		t.Errorf("zones %+v", z)
	}
	if !source.IsFalse(plain.SSH) || !plain.SSH.IsDefault() {
		t.Errorf("no remote_access: %+v", plain.SSH)
	}
}

func TestCommentsOnlyLexedWhenADirectiveCanBeThere(t *testing.T) {
	_, files, _ := load(t, map[string]string{"main.tf": "# just a note\nresource \"aws_eks_cluster\" \"c\" {}\n"}, Options{})
	if len(files[0].Comments) != 0 || len(files[0].Scopes) != 0 {
		t.Errorf("no directive: comments %+v scopes %+v", files[0].Comments, files[0].Scopes)
	}
	_, files, _ = load(t, map[string]string{"main.tf": "# ekslint:ignore EKS-CP-001 reason\nresource \"aws_eks_cluster\" \"c\" {\n  vpc_config {}\n}\n"}, Options{})
	if len(files[0].Comments) != 1 || len(files[0].Scopes) != 2 {
		t.Errorf("a directive: comments %+v scopes %+v", files[0].Comments, files[0].Scopes)
	}
}

func TestCountForEachAndDynamicBlocks(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "groups" {
  default = { a = "key-a", b = null }
}
variable "unknown" {}
resource "aws_eks_cluster" "counted" {
  count = 2
  name  = "c-${count.index}"
}
resource "aws_eks_cluster" "huge" {
  count = 100000000
}
resource "aws_eks_node_group" "byname" {
  for_each     = var.groups
  cluster_name = aws_eks_cluster.counted[0].name
  dynamic "remote_access" {
    for_each = each.value == null ? [] : [each.value]
    content {
      ec2_ssh_key = remote_access.value
    }
  }
}
resource "aws_eks_node_group" "set" {
  for_each = toset(["x"])
}
resource "aws_eks_node_group" "unknown" {
  for_each = var.unknown
  dynamic "remote_access" {
    for_each = var.unknown
    content {}
  }
}
`}, Options{})
	var addrs []string
	for _, c := range m.Clusters {
		addrs = append(addrs, c.Address+"="+c.Name.Val)
	}
	for _, g := range m.NodeGroups {
		addrs = append(addrs, g.Address)
	}
	want := `aws_eks_cluster.counted[0]=c-0 aws_eks_cluster.counted[1]=c-1 aws_eks_cluster.huge= aws_eks_node_group.byname["a"] aws_eks_node_group.byname["b"] aws_eks_node_group.set["x"] aws_eks_node_group.unknown`
	if got := strings.Join(addrs, " "); got != want {
		t.Errorf("instances:\n got %s\nwant %s", got, want)
	}
	a, b, unknown := m.NodeGroups[0], m.NodeGroups[1], m.NodeGroups[3]
	if !source.IsTrue(a.SSH) || a.SSH.Range.Start.Line != 18 || a.Cluster != m.Clusters[0] {
		t.Errorf("instance a: ssh %+v cluster %v", a.SSH, a.Cluster)
	}
	if !source.IsFalse(b.SSH) {
		t.Errorf("an empty dynamic for_each means no block: %+v", b.SSH)
	}
	if unknown.SSH.Known() {
		t.Errorf("an unknown dynamic for_each is unknown: %+v", unknown.SSH)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "at most 10000") || problems[0].Range.Start.Line != 10 {
		t.Errorf("want the count bound reported at its line, got %v", problems)
	}
}

func TestOverrideFiles(t *testing.T) {
	m, _, problems := load(t, map[string]string{
		"main.tf": `variable "public" {
  default = true
}
locals {
  types = ["api"]
}
resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = local.types
  vpc_config {
    endpoint_public_access  = var.public
    endpoint_private_access = false
  }
}
resource "aws_eks_node_group" "ng" {
  remote_access {
    ec2_ssh_key = "k"
  }
}
`,
		"main_override.tf": `variable "public" {
  default = false
}
locals {
  types = ["audit"]
}
resource "aws_eks_cluster" "main" {
  vpc_config {
    endpoint_private_access = true
  }
}
resource "aws_eks_node_group" "ng" {
  dynamic "remote_access" {
    for_each = []
    content {}
  }
}
resource "aws_eks_cluster" "ghost" {}
`,
	}, Options{})
	c, g := m.Clusters[0], m.NodeGroups[0]
	if c.Name.Val != "main" {
		t.Errorf("attributes the override does not write are kept: %+v", c.Name)
	}
	if !c.PublicEndpoint.IsDefault() || !source.IsTrue(c.PublicEndpoint) {
		t.Errorf("a nested block in the override replaces the original's (endpoint_public_access is gone): %+v", c.PublicEndpoint)
	}
	if !source.IsTrue(c.PrivateEndpoint) || c.PrivateEndpoint.Range.Path() != "m/main_override.tf" {
		t.Errorf("the override's value, located in the override file: %+v", c.PrivateEndpoint)
	}
	if c.LogTypes.Val[0].Val != "audit" {
		t.Errorf("an overridden local: %+v", c.LogTypes)
	}
	if !source.IsFalse(g.SSH) {
		t.Errorf("a dynamic block replaces the static block of its type: %+v", g.SSH)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "aws_eks_cluster.ghost") {
		t.Errorf("an override of nothing is reported: %v", problems)
	}
	if len(m.Clusters) != 1 {
		t.Errorf("an override never adds a resource: %d clusters", len(m.Clusters))
	}
}

func TestOverrideVariable(t *testing.T) {
	m, _, _ := load(t, map[string]string{
		"main.tf":     "variable \"public\" {\n  type = bool\n  default = true\n}\nresource \"aws_eks_cluster\" \"c\" {\n  vpc_config {\n    endpoint_public_access = var.public\n  }\n}\n",
		"override.tf": "variable \"public\" {\n  default = false\n}\n",
	}, Options{})
	if !source.IsFalse(m.Clusters[0].PublicEndpoint) {
		t.Errorf("the override's default wins: %+v", m.Clusters[0].PublicEndpoint)
	}
}

func TestLocalModules(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	files := map[string]string{
		"env/main.tf": `module "platform" {
  source = "../modules/eks"
  public = true
  name   = "prod"
}
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
module "loop" {
  source = "../modules/loop"
}
`,
		"modules/eks/main.tf": `variable "public" {
  type    = bool
  default = false
}
variable "name" {}
resource "aws_eks_cluster" "this" {
  name = var.name
  vpc_config {
    endpoint_public_access = var.public
  }
}
module "nodes" {
  source  = "./nodes"
  cluster = aws_eks_cluster.this.name
}
`,
		"modules/eks/nodes/main.tf": `variable "cluster" {}
resource "aws_eks_node_group" "ng" {
  cluster_name = var.cluster
  subnet_ids   = ["subnet-a"]
}
`,
		"modules/loop/main.tf": "module \"again\" {\n  source = \"../loop\"\n}\n",
	}
	for name, content := range files {
		mustWrite(t, name, content)
	}
	l := LoadModule("env", []File{{Path: "env/main.tf", Src: []byte(files["env/main.tf"])}}, Options{})
	if len(l.Model.Clusters) != 1 || len(l.Model.NodeGroups) != 1 {
		t.Fatalf("model %+v", l.Model)
	}
	c, g := l.Model.Clusters[0], l.Model.NodeGroups[0]
	if c.Address != "module.platform.aws_eks_cluster.this" || c.Name.Val != "prod" {
		t.Errorf("cluster %s %+v", c.Address, c.Name)
	}
	if !source.IsTrue(c.PublicEndpoint) || c.PublicEndpoint.Range.Path() != "modules/eks/main.tf" || c.PublicEndpoint.Range.Start.Line != 9 {
		t.Errorf("the caller's input reaches the module, located in the module: %+v", c.PublicEndpoint)
	}
	if g.Address != "module.platform.module.nodes.aws_eks_node_group.ng" || g.Range.Path() != "modules/eks/nodes/main.tf" {
		t.Errorf("nested module: %s %+v", g.Address, g.Range)
	}
	if strings.Join(l.Modules, " ") != "modules/eks modules/eks/nodes modules/loop" {
		t.Errorf("children %v", l.Modules)
	}
	var remote, loop bool
	for _, p := range l.Problems {
		remote = remote || strings.Contains(p.Message, "does not fetch")
		loop = loop || strings.Contains(p.Message, "already being read")
	}
	if !remote || !loop {
		t.Errorf("want a note for the remote module and a warning for the loop: %v", l.Problems)
	}
}

// TestInstalledModules: after terraform init, a registry module is read
// from the folder modules.json names, nested calls by their dotted key.
func TestInstalledModules(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	files := map[string]string{
		"main.tf": "module \"platform\" {\n  source  = \"example/platform/aws\"\n  version = \"1.0.0\"\n  public  = true\n}\nmodule \"missing\" {\n  source = \"example/missing/aws\"\n}\n",
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},` +
			`{"Key":"platform","Source":"registry.terraform.io/example/platform/aws","Version":"1.0.0","Dir":".terraform/modules/platform"},` +
			`{"Key":"platform.inner","Source":"registry.terraform.io/example/inner/aws","Version":"2.0.0","Dir":".terraform/modules/platform.inner"},` +
			`{"Key":"missing","Source":"registry.terraform.io/example/missing/aws","Dir":".terraform/modules/gone"}]}`,
		".terraform/modules/platform/main.tf":       "variable \"public\" {}\nresource \"aws_eks_cluster\" \"this\" {\n  vpc_config {\n    endpoint_public_access = var.public\n  }\n}\nmodule \"inner\" {\n  source = \"example/inner/aws\"\n}\n",
		".terraform/modules/platform.inner/main.tf": "resource \"aws_eks_node_group\" \"ng\" {}\n",
	}
	for name, content := range files {
		mustWrite(t, name, content)
	}
	l := LoadModule(".", []File{{Path: "main.tf", Src: []byte(files["main.tf"])}}, Options{})
	if len(l.Model.Clusters) != 1 || l.Model.Clusters[0].Address != "module.platform.aws_eks_cluster.this" || !source.IsTrue(l.Model.Clusters[0].PublicEndpoint) {
		t.Fatalf("clusters %+v", l.Model.Clusters)
	}
	if len(l.Model.NodeGroups) != 1 || l.Model.NodeGroups[0].Address != "module.platform.module.inner.aws_eks_node_group.ng" {
		t.Errorf("node groups %+v", l.Model.NodeGroups)
	}
	var missing bool
	for _, p := range l.Problems {
		missing = missing || strings.Contains(p.Message, "run terraform init")
	}
	if !missing {
		t.Errorf("a module whose folder is gone is a note: %v", l.Problems)
	}
}

// TestModuleCallsWithNoInstances: a module call with count = 0 or an empty
// for_each creates nothing, so nothing of it is read; unknown counts and
// non-empty for_each are read once, as before.
func TestModuleCallsWithNoInstances(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "n" {
  type = number
}
module "off" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
  count   = 0
}
module "none" {
  source   = "terraform-aws-modules/eks/aws"
  version  = "~> 20.0"
  for_each = toset([])
}
module "unknown" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
  count   = var.n
}
module "some" {
  source   = "terraform-aws-modules/eks/aws"
  version  = "~> 20.0"
  for_each = { a = 1 }
}
module "remote_off" {
  source = "terraform-aws-modules/vpc/aws"
  count  = 0
}
`}, Options{})
	var got []string
	for _, c := range m.Clusters {
		got = append(got, c.Address)
	}
	if strings.Join(got, " ") != "module.unknown module.some" {
		t.Errorf("clusters %v", got)
	}
	if len(problems) != 0 {
		t.Errorf("a call that creates nothing needs no note: %v", problems)
	}
}
