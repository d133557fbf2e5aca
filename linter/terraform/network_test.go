package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func ingressOf(t *testing.T, m *model.Model, address, path string) *model.IngressRule {
	t.Helper()
	for _, r := range m.Network.Ingress {
		if r.Address == address && r.Path == path {
			return r
		}
	}
	t.Fatalf("no ingress rule %s %s among %d", address, path, len(m.Network.Ingress))
	return nil
}

// valsOf lists the values of a list, "?" for an element that is not known.
func valsOf(l []source.Value[string]) []string {
	var out []string
	for _, c := range l {
		if c.Known() {
			out = append(out, c.Val)
		} else {
			out = append(out, "?")
		}
	}
	return out
}

func TestInlineAndDynamicIngress(t *testing.T) {
	src := `resource "aws_security_group" "g" {
  ingress {
    protocol    = "TCP"
    from_port   = 22
    to_port     = "22"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
  dynamic "ingress" {
    for_each = { web = 80, alt = 8080 }
    iterator = rule
    content {
      protocol         = "tcp"
      from_port        = rule.value
      to_port          = rule.value
      ipv6_cidr_blocks = ["::/0"]
    }
  }
  ingress {
    protocol = -1
  }
}
`
	m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(m.Network.SecurityGroups) != 1 || len(m.Network.SecurityGroups[0].Ingress) != 4 || len(m.Network.Ingress) != 4 {
		t.Fatalf("groups %d, ingress %d", len(m.Network.SecurityGroups), len(m.Network.Ingress))
	}
	g := m.Network.SecurityGroups[0]
	first := ingressOf(t, m, "aws_security_group.g", "ingress[0]")
	if first.Group != g || first.Protocol.Val != "tcp" || first.FromPort.Val != 22 || first.ToPort.Val != 22 || !first.ToPort.IsSet() {
		t.Errorf("first rule %+v", first)
	}
	if got := valsOf(first.IPv4CIDRs.Val); len(got) != 2 || got[1] != "0.0.0.0/0" || pos(first.IPv4CIDRs.Val[1].Range) != [4]int{6, 34, 6, 45} {
		t.Errorf("cidrs %v at %v", got, first.IPv4CIDRs.Val)
	}
	if !first.IPv6CIDRs.IsDefault() || len(first.IPv6CIDRs.Val) != 0 {
		t.Errorf("omitted IPv6 CIDRs %+v", first.IPv6CIDRs)
	}
	// Map elements come in key order: alt before web.
	alt := ingressOf(t, m, "aws_security_group.g", `ingress["alt"]`)
	web := ingressOf(t, m, "aws_security_group.g", `ingress["web"]`)
	if alt.FromPort.Val != 8080 || web.FromPort.Val != 80 || valsOf(web.IPv6CIDRs.Val)[0] != "::/0" || pos(web.Range) != [4]int{8, 3, 8, 20} {
		t.Errorf("dynamic rules alt %+v web %+v", alt, web)
	}
	last := ingressOf(t, m, "aws_security_group.g", "ingress[3]")
	if last.Protocol.Val != "-1" || last.FromPort.Known() || last.ToPort.Known() {
		t.Errorf("protocol -1 as a number, ports omitted: %+v", last)
	}
}

func TestDynamicIngressUnknownForEach(t *testing.T) {
	src := `variable "rules" {}
resource "aws_security_group" "g" {
  dynamic "ingress" {
    for_each = var.rules
    content {
      protocol    = ingress.value.protocol
      from_port   = 0
      to_port     = 0
      cidr_blocks = ["0.0.0.0/0", ingress.value.cidr]
    }
  }
}
`
	m, _, _ := load(t, map[string]string{"main.tf": src}, Options{})
	r := ingressOf(t, m, "aws_security_group.g", "ingress[0]")
	if r.Protocol.Known() || !r.FromPort.IsSet() {
		t.Errorf("protocol from an unknown element must be unknown: %+v", r)
	}
	if got := valsOf(r.IPv4CIDRs.Val); len(got) != 2 || got[0] != "0.0.0.0/0" || got[1] != "?" {
		t.Errorf("cidrs %v", got)
	}
}

func TestRuleResourcesAndAttachments(t *testing.T) {
	src := `resource "aws_security_group" "cluster" {}
resource "aws_security_group" "nodes" {}
resource "aws_security_group" "loose" {}
resource "aws_eks_cluster" "c" {
  vpc_config {
    security_group_ids = [aws_security_group.cluster.id, "sg-123"]
  }
}
resource "aws_launch_template" "lt" {
  vpc_security_group_ids = [aws_security_group.nodes.id]
}
resource "aws_eks_node_group" "ng" {
  launch_template {
    id = aws_launch_template.lt.id
  }
}
resource "aws_security_group_rule" "to_cluster_sg" {
  type              = "ingress"
  security_group_id = aws_eks_cluster.c.vpc_config[0].cluster_security_group_id
  protocol          = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "egress" {
  type              = "egress"
  security_group_id = aws_security_group.nodes.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_security_group_rule" "by_id" {
  type              = "ingress"
  security_group_id = "sg-456"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_vpc_security_group_ingress_rule" "nodes" {
  security_group_id = aws_security_group.nodes.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}
resource "aws_vpc_security_group_ingress_rule" "loose" {
  security_group_id = aws_security_group.loose.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}
`
	m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	groups := map[string]*model.SecurityGroup{}
	for _, g := range m.Network.SecurityGroups {
		groups[g.Address] = g
	}
	if len(m.Network.Ingress) != 4 {
		t.Fatalf("egress must not be read as ingress: %d rules", len(m.Network.Ingress))
	}
	if a := groups["aws_security_group.cluster"].Attachments; len(a) != 1 || a[0].What != "vpc_config.security_group_ids of aws_eks_cluster.c" || pos(a[0].Range) != [4]int{6, 27, 6, 56} {
		t.Errorf("cluster group attachments %+v", a)
	}
	if a := groups["aws_security_group.nodes"].Attachments; len(a) != 1 || a[0].What != "vpc_security_group_ids of aws_launch_template.lt, the launch template of aws_eks_node_group.ng" {
		t.Errorf("node group attachments %+v", a)
	}
	if groups["aws_security_group.loose"].AttachedToEKS() {
		t.Errorf("a group nothing attaches is not attached")
	}
	sg := ingressOf(t, m, "aws_security_group_rule.to_cluster_sg", "")
	if sg.Group == nil || sg.Group.Address != "aws_eks_cluster.c.vpc_config[0].cluster_security_group_id" || !sg.Group.AttachedToEKS() {
		t.Errorf("cluster security group %+v", sg.Group)
	}
	if r := ingressOf(t, m, "aws_security_group_rule.by_id", ""); r.Group != nil {
		t.Errorf("a group given by an ID nothing else names is unresolved: %+v", r.Group)
	}
	v := ingressOf(t, m, "aws_vpc_security_group_ingress_rule.nodes", "")
	if v.Group != groups["aws_security_group.nodes"] || v.Protocol.Val != "-1" || valsOf(v.IPv6CIDRs.Val)[0] != "::/0" || !v.IPv4CIDRs.IsDefault() || v.Name("cidr_blocks") != "cidr_ipv4" {
		t.Errorf("vpc ingress rule %+v", v)
	}
	if l := ingressOf(t, m, "aws_vpc_security_group_ingress_rule.loose", ""); len(l.IPv4CIDRs.Val) != 0 || len(l.IPv6CIDRs.Val) != 0 {
		t.Errorf("no CIDR: %+v", l)
	}
}

func TestModuleAdditionalRules(t *testing.T) {
	src := `module "v20" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
  cluster_security_group_additional_rules = {
    no_defaults = { from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"] }
    full = { type = "ingress", protocol = "TCP", from_port = 80, to_port = 81, cidr_blocks = ["0.0.0.0/0"] }
  }
}
module "v21" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 21.0"
  security_group_additional_rules = {
    defaults = { from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"] }
    egress = { type = "egress", from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"] }
  }
  create_node_security_group = false
  node_security_group_additional_rules = {
    ignored = { from_port = 80, to_port = 80, cidr_blocks = ["0.0.0.0/0"] }
  }
}
`
	m, _, _ := load(t, map[string]string{"main.tf": src}, Options{})
	if len(m.Network.Ingress) != 2 {
		t.Fatalf("want the v20 entry with a type and the v21 ingress entry, got %d rules", len(m.Network.Ingress))
	}
	full := ingressOf(t, m, "module.v20", `cluster_security_group_additional_rules["full"]`)
	if full.Protocol.Val != "tcp" || !full.Protocol.IsSet() || full.ToPort.Val != 81 || !full.Group.AttachedToEKS() ||
		full.Name("cidr_blocks") != `cluster_security_group_additional_rules["full"].cidr_blocks` || pos(full.IPv4CIDRs.Val[0].Range) != [4]int{6, 95, 6, 106} {
		t.Errorf("v20 rule %+v", full)
	}
	def := ingressOf(t, m, "module.v21", `security_group_additional_rules["defaults"]`)
	if def.Protocol.Val != "tcp" || !def.Protocol.IsDefault() || pos(def.Protocol.Range) != [4]int{13, 16, 13, 77} || def.Format != model.Module {
		t.Errorf("v21 protocol default %+v", def.Protocol)
	}
}

func TestPlanSecurityGroup(t *testing.T) {
	const plan = `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_security_group.web", "mode": "managed", "type": "aws_security_group", "name": "web",
   "values": {"ingress": [
     {"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}
   ]}}
]}}}`
	l := LoadPlan("plan.json", []byte(plan))
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	r := ingressOf(t, l.Model, "aws_security_group.web", "ingress[0]")
	if r.Protocol.Val != "-1" || valsOf(r.IPv4CIDRs.Val)[0] != "0.0.0.0/0" || r.IPv4CIDRs.Val[0].Range.Start.Line != 4 {
		t.Errorf("plan rule %+v", r)
	}
}

func TestChildModuleGroupsArePrefixed(t *testing.T) {
	t.Chdir(t.TempDir())
	files := map[string]string{
		"env/main.tf": `module "net" {
  source = "../modules/net"
  cidr   = "0.0.0.0/0"
}
`,
		"modules/net/main.tf": `variable "cidr" {}
resource "aws_security_group" "web" {
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.cidr]
  }
}
resource "aws_security_group_rule" "all" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = [var.cidr]
}
`,
	}
	for name, content := range files {
		mustWrite(t, name, content)
	}
	l := LoadModule("env", []File{{Path: "env/main.tf", Src: []byte(files["env/main.tf"])}}, Options{})
	if len(l.Model.Network.SecurityGroups) != 1 || len(l.Model.Network.Ingress) != 2 {
		t.Fatalf("network %+v", l.Model.Network)
	}
	if g := l.Model.Network.SecurityGroups[0]; g.Address != "module.net.aws_security_group.web" || len(g.Ingress) != 2 {
		t.Errorf("group %s with %d rules", g.Address, len(g.Ingress))
	}
	r := ingressOf(t, l.Model, "module.net.aws_security_group_rule.all", "")
	if valsOf(r.IPv4CIDRs.Val)[0] != "0.0.0.0/0" || r.IPv4CIDRs.Val[0].Range.Path() != "modules/net/main.tf" {
		t.Errorf("the caller's CIDR reaches the rule: %+v", r.IPv4CIDRs)
	}
}

func TestPlanLinksByID(t *testing.T) {
	const plan = `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_eks_cluster.main", "mode": "managed", "type": "aws_eks_cluster", "name": "main",
   "values": {"name": "main", "vpc_config": [{"cluster_security_group_id": "sg-0c1", "security_group_ids": ["sg-0e1"]}]}},
  {"address": "aws_security_group.extra", "mode": "managed", "type": "aws_security_group", "name": "extra",
   "values": {"id": "sg-0e1", "ingress": []}},
  {"address": "aws_security_group_rule.to_cluster_sg", "mode": "managed", "type": "aws_security_group_rule", "name": "to_cluster_sg",
   "values": {"type": "ingress", "security_group_id": "sg-0c1", "protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}},
  {"address": "aws_vpc_security_group_ingress_rule.to_extra", "mode": "managed", "type": "aws_vpc_security_group_ingress_rule", "name": "to_extra",
   "values": {"security_group_id": "sg-0e1", "ip_protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_ipv4": "0.0.0.0/0"}}
]}}}`
	l := LoadPlan("plan.json", []byte(plan))
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	toCluster := ingressOf(t, l.Model, "aws_security_group_rule.to_cluster_sg", "")
	if !toCluster.Group.AttachedToEKS() || toCluster.Group.Address != "aws_eks_cluster.main.vpc_config[0].cluster_security_group_id" {
		t.Errorf("rule on the cluster security group: %+v", toCluster.Group)
	}
	toExtra := ingressOf(t, l.Model, "aws_vpc_security_group_ingress_rule.to_extra", "")
	if toExtra.Group == nil || toExtra.Group.Address != "aws_security_group.extra" || !toExtra.Group.AttachedToEKS() {
		t.Errorf("rule on the extra group: %+v", toExtra.Group)
	}
}
