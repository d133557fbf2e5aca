package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func roleNamed(t *testing.T, m *model.Model, address string) *model.Role {
	t.Helper()
	for _, r := range m.IAM.Roles {
		if r.Address == address {
			return r
		}
	}
	t.Fatalf("no role %s among %d", address, len(m.IAM.Roles))
	return nil
}

func TestIAMRolesLinksAndAttachments(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `
data "aws_partition" "p" {}
resource "aws_iam_role" "node" {
  name = "node"
  managed_policy_arns = ["arn:aws-cn:iam::aws:policy/AmazonEKS_CNI_Policy"]
}
resource "aws_iam_role_policy_attachment" "worker" {
  role       = aws_iam_role.node.name
  policy_arn = "arn:${data.aws_partition.p.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy"
}
resource "aws_iam_policy_attachment" "ecr" {
  name       = "ecr"
  roles      = ["node"]
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
}
resource "aws_iam_policy" "custom" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
      { Effect = "Allow", Action = ["ec2:*"], Resource = "*" },
    ]
  })
}
resource "aws_iam_role_policy_attachment" "custom" {
  role       = aws_iam_role.node.id
  policy_arn = aws_iam_policy.custom.arn
}
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = "arn:aws:iam::111122223333:role/path/cluster"
  compute_config {
    enabled = true
  }
}
resource "aws_iam_role" "cluster" {
  name = "cluster"
}
resource "aws_eks_node_group" "g" {
  cluster_name  = aws_eks_cluster.c.name
  node_role_arn = aws_iam_role.node.arn
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	node := roleNamed(t, m, "aws_iam_role.node")
	want := []string{
		"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
		"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
		"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
		"aws_iam_policy.custom",
	}
	if got := valsOf(node.Policies); len(got) != len(want) {
		t.Fatalf("policies %v", got)
	} else {
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("policy %d: %q, want %q", i, got[i], want[i])
			}
		}
	}
	if !node.Complete || node.Use != model.NodeRole || len(node.Statements) != 2 {
		t.Errorf("complete %v use %v statements %+v", node.Complete, node.Use, node.Statements)
	}
	if !source.IsFalse(node.CNIElsewhere) {
		t.Errorf("CNIElsewhere %+v", node.CNIElsewhere)
	}
	// Each jsonencode statement is located at its own list element.
	if st := node.Statements[1]; pos(st.Range)[0] != 20 || st.Actions[0] != "ec2:*" || st.Policy != "aws_iam_policy.custom" {
		t.Errorf("statement %+v", st)
	}
	g := m.NodeGroups[0]
	if g.Role != node || pos(g.RoleAt)[0] != 40 {
		t.Errorf("node group role %v at %v", g.Role, g.RoleAt)
	}
	// A role ARN written out names the module's role of that name.
	c := m.Clusters[0]
	if c.Role == nil || c.Role.Address != "aws_iam_role.cluster" || !c.Role.Complete || c.Role.Use != model.ClusterRole || len(c.Role.Policies) != 0 {
		t.Errorf("cluster role %+v", c.Role)
	}
	if !c.AutoModeCompute.IsSet() || !c.AutoModeCompute.Val {
		t.Errorf("auto mode %+v", c.AutoModeCompute)
	}
}

func TestIAMIncompleteRoles(t *testing.T) {
	for name, src := range map[string]string{
		"attachment to a role from a variable": `
variable "role" { type = string }
resource "aws_iam_role_policy_attachment" "x" {
  role       = var.role
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"
}`,
		"policy from a variable": `
variable "arn" { type = string }
resource "aws_iam_role_policy_attachment" "x" {
  role       = aws_iam_role.r.name
  policy_arn = var.arn
}`,
		"unknown for_each": `
variable "arns" { type = set(string) }
resource "aws_iam_role_policy_attachment" "x" {
  for_each   = var.arns
  role       = aws_iam_role.r.name
  policy_arn = each.value
}`,
		"role passed to a module": `
module "irsa" {
  source    = "./irsa"
  role_name = aws_iam_role.r.name
}`,
		"unreadable inline policy": `
variable "doc" { type = string }
resource "aws_iam_role_policy" "x" {
  role   = aws_iam_role.r.id
  policy = var.doc
}`,
		"dynamic inline policy": `
resource "aws_iam_role" "other" {
  dynamic "inline_policy" {
    for_each = []
    content {}
  }
}`,
	} {
		t.Run(name, func(t *testing.T) {
			m, _, _ := load(t, map[string]string{"main.tf": `resource "aws_iam_role" "r" { name = "r" }` + "\n" + src}, Options{})
			if r := roleNamed(t, m, "aws_iam_role.r"); r.Complete && name != "dynamic inline policy" {
				t.Errorf("role is complete: %+v", r.Policies)
			}
			if name == "dynamic inline policy" {
				if o := roleNamed(t, m, "aws_iam_role.other"); o.Complete {
					t.Error("a role with a dynamic inline policy is complete")
				}
			}
		})
	}
}

func TestIAMPolicyDocumentData(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
data "aws_iam_policy_document" "d" {
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({ Statement = [{ Principal = { Federated = module.eks.oidc_provider_arn }, Condition = { StringEquals = { "${module.eks.oidc_provider}:sub" = "system:serviceaccount:default:app" } } }] })
  inline_policy {
    policy = data.aws_iam_policy_document.d.json
  }
}`}, Options{})
	r := roleNamed(t, m, "aws_iam_role.r")
	if r.Use != model.WorkloadRole || len(r.Statements) != 2 {
		t.Fatalf("use %v statements %+v", r.Use, r.Statements)
	}
	if st := r.Statements[0]; st.Effect != "Allow" || !st.NotAction || st.Actions[0] != "iam:*" || pos(st.Range)[0] != 3 {
		t.Errorf("statement %+v", st)
	}
	if st := r.Statements[1]; st.Effect != "Deny" {
		t.Errorf("statement %+v", st)
	}
}

func TestIAMModuleRoles(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
module "v18" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 18.0"
  iam_role_additional_policies = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  eks_managed_node_groups = {
    a = { iam_role_attach_cni_policy = false }
    b = { create_iam_role = false }
  }
}
module "v20" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
  create_iam_role = false
  iam_role_additional_policies = { a = "arn:aws:iam::aws:policy/AdministratorAccess" }
  node_iam_role_additional_policies = { a = "arn:aws:iam::aws:policy/AdministratorAccess" }
  cluster_ip_family = "ipv6"
  self_managed_node_groups = { c = {} }
}`}, Options{})
	v18 := roleNamed(t, m, "module.v18.iam_role")
	if v18.Complete || v18.Use != model.ClusterRole || len(v18.Policies) != 1 || pos(v18.Policies[0].Range)[0] != 5 {
		t.Errorf("v18 cluster role %+v", v18)
	}
	for _, name := range []string{"module.v20.iam_role", "module.v20.node_iam_role"} {
		for _, r := range m.IAM.Roles {
			if r.Address == name {
				t.Errorf("%s: the module creates no such role", name)
			}
		}
	}
	groups := map[string]*model.NodeGroup{}
	for _, g := range m.NodeGroups {
		groups[g.Address] = g
	}
	a := groups[`module.v18.eks_managed_node_groups["a"]`]
	if a == nil || a.Role == nil || len(a.Role.Policies) != 2 || a.Role.Complete {
		t.Fatalf("group a %+v", a)
	}
	if b := groups[`module.v18.eks_managed_node_groups["b"]`]; b == nil || b.Role != nil {
		t.Errorf("group b has a role: %+v", b)
	}
	c := groups[`module.v20.self_managed_node_groups["c"]`]
	if c == nil || c.Role == nil || valsOf(c.Role.Policies)[2] != "arn:aws:iam::aws:policy/AmazonEKS_CNI_IPv6_Policy" {
		t.Errorf("group c %+v", c)
	}
}

// TestIAMCNIRoleOfItsOwn: a Pod Identity association for aws-node may give
// the CNI a role of its own. (A vpc-cni add-on's role is the add-on
// adapter's: it is in Cluster.Addons and Model.Addons.)
func TestIAMCNIRoleOfItsOwn(t *testing.T) {
	for name, src := range map[string]string{
		"pod identity for aws-node": `resource "aws_eks_pod_identity_association" "cni" {
  service_account = "aws-node"
  namespace       = "kube-system"
}`,
	} {
		t.Run(name, func(t *testing.T) {
			m, _, _ := load(t, map[string]string{"main.tf": src + `
resource "aws_iam_role" "node" { name = "node" }
resource "aws_eks_node_group" "g" { node_role_arn = aws_iam_role.node.arn }`}, Options{})
			if r := roleNamed(t, m, "aws_iam_role.node"); !source.IsTrue(r.CNIElsewhere) || pos(r.CNIElsewhere.Range)[0] != 1 {
				t.Errorf("CNIElsewhere %+v", r.CNIElsewhere)
			}
		})
	}
}

func TestIAMInAPlan(t *testing.T) {
	src := `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
  {"address": "aws_iam_role.node", "mode": "managed", "type": "aws_iam_role", "name": "node",
   "values": {"name": "node", "assume_role_policy": "{}"}},
  {"address": "aws_iam_role_policy_attachment.worker", "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "worker",
   "values": {"role": "node", "policy_arn": "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"}},
  {"address": "aws_eks_node_group.g", "mode": "managed", "type": "aws_eks_node_group", "name": "g",
   "values": {"cluster_name": "prod", "node_role_arn": "arn:aws:iam::111122223333:role/node"}}
]}}}`
	l := LoadPlan("plan.json", []byte(src))
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	g := l.Model.NodeGroups[0]
	if g.Role == nil || g.Role.Address != "aws_iam_role.node" || !g.Role.Complete || len(g.Role.Policies) != 1 {
		t.Fatalf("role %+v", g.Role)
	}
}

// TestIAMPolicyDocumentOverrides: an override document replaces the
// statements whose sid it repeats, so those of the base are not read; the
// statements without a sid stay.
func TestIAMPolicyDocumentOverrides(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
data "aws_iam_policy_document" "narrow" {
  statement {
    sid       = "All"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/*"]
  }
}
data "aws_iam_policy_document" "d" {
  override_policy_documents = [data.aws_iam_policy_document.narrow.json]
  statement {
    sid       = "All"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    actions   = ["ec2:*"]
    resources = ["*"]
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = "{}"
  inline_policy {
    policy = data.aws_iam_policy_document.d.json
  }
}`}, Options{})
	r := roleNamed(t, m, "aws_iam_role.r")
	if len(r.Statements) != 1 || r.Statements[0].Actions[0] != "ec2:*" || r.Complete {
		t.Fatalf("complete %v, statements %+v; want only the one without a sid, incomplete", r.Complete, r.Statements)
	}
}
