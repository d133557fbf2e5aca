package terraform

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestAddonsLinkAndRoles(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "role" {}
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn"
  version  = 1.31
  upgrade_policy {
    support_type = "STANDARD"
  }
}
resource "aws_eks_addon" "cni" {
  cluster_name             = aws_eks_cluster.main.name
  addon_name               = "vpc-cni"
  service_account_role_arn = aws_iam_role.cni.arn
  configuration_values     = jsonencode({ enableNetworkPolicy = "true" })
}
resource "aws_eks_addon" "dns" {
  cluster_name  = "main"
  addon_name    = "coredns"
  addon_version = "v1.11.4-eksbuild.2"
  pod_identity_association {
    role_arn        = var.role
    service_account = "coredns"
  }
}
resource "aws_eks_addon" "other" {
  cluster_name = var.role
  addon_name   = "kube-proxy"
}
resource "aws_iam_role" "cni" {
  name = "cni"
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := m.Clusters[0]
	if c.Version.Val != "1.31" || c.UpgradeSupportType.Val != "STANDARD" || !c.UpgradeSupportType.IsSet() || c.UpgradeSupportType.Range.Start.Line != 7 {
		t.Errorf("cluster: %+v %+v", c.Version, c.UpgradeSupportType)
	}
	if len(m.Addons) != 3 || len(c.Addons) != 2 {
		t.Fatalf("%d add-ons, %d on the cluster", len(m.Addons), len(c.Addons))
	}
	cni, dns, other := m.Addons[0], m.Addons[1], m.Addons[2]
	if cni.Cluster != c || cni.Name != "vpc-cni" || cni.Role.Val != "aws_iam_role.cni.arn" || !cni.Role.IsSet() || !cni.Version.IsDefault() {
		t.Errorf("cni: %+v", cni)
	}
	if !strings.Contains(cni.Configuration.Val, `"enableNetworkPolicy":"true"`) {
		t.Errorf("configuration: %q", cni.Configuration.Val)
	}
	if dns.Cluster != c || dns.Version.Val != "v1.11.4-eksbuild.2" || dns.Role.Val != "var.role" || dns.Role.Range.Start.Line != 21 {
		t.Errorf("dns: %+v", dns)
	}
	if other.Cluster != nil || !other.Role.IsDefault() || other.Role.Val != "" || !source.IsFalse(other.MostRecent) {
		t.Errorf("other: %+v", other)
	}
}

func TestNumberVersionsAndDefaults(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "a" {
  name    = "a"
  version = 1.30
}
resource "aws_eks_node_group" "g" {
  cluster_name = aws_eks_cluster.a.name
}
resource "aws_eks_node_group" "h" {
  cluster_name = aws_eks_cluster.a.name
  version      = "1.29"
}
`}, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, `"1.3"`) {
		t.Fatalf("problems: %v", problems)
	}
	c := m.Clusters[0]
	if c.Version.Known() || !c.UpgradeSupportType.IsDefault() || c.UpgradeSupportType.Val != "EXTENDED" {
		t.Errorf("cluster: %+v %+v", c.Version, c.UpgradeSupportType)
	}
	if g := m.NodeGroups[0]; !g.Version.IsDefault() || g.Version.Val != "" {
		t.Errorf("g: %+v", g.Version)
	}
	if h := m.NodeGroups[1]; h.Version.Val != "1.29" || !h.Version.IsSet() {
		t.Errorf("h: %+v", h.Version)
	}
}

func TestModuleAddonsAndPolicy(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `module "v20" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "v20"
  cluster_version = "1.30"
  cluster_upgrade_policy = {
    support_type = "STANDARD"
  }
  cluster_addons = {
    coredns = { most_recent = true }
    vpc-cni = {
      addon_version            = "v1.19.0-eksbuild.1"
      service_account_role_arn = module.irsa.iam_role_arn
    }
  }
  eks_managed_node_groups = {
    a = { cluster_version = "1.29" }
    b = {}
  }
}
module "v21" {
  source             = "terraform-aws-modules/eks/aws"
  version            = "~> 21.0"
  name               = "v21"
  kubernetes_version = "1.33"
  addons = {
    proxy = { name = "kube-proxy", addon_version = "v1.33.0-eksbuild.2" }
  }
  eks_managed_node_groups = {
    a = { kubernetes_version = "1.32" }
  }
}
module "v19" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 19.0"
}
resource "aws_eks_addon" "x" {
  cluster_name = module.v19.cluster_name
  addon_name   = "coredns"
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	byAddr := map[string]int{}
	for i, c := range m.Clusters {
		byAddr[c.Address] = i
	}
	v20, v21, v19 := m.Clusters[byAddr["module.v20"]], m.Clusters[byAddr["module.v21"]], m.Clusters[byAddr["module.v19"]]
	if v20.UpgradeSupportType.Val != "STANDARD" || !v20.UpgradeSupportType.IsSet() || v20.UpgradeSupportType.Range.Start.Line != 7 {
		t.Errorf("v20 policy: %+v", v20.UpgradeSupportType)
	}
	if !v21.UpgradeSupportType.IsDefault() || !v19.UpgradeSupportType.IsDefault() || v19.UpgradeSupportType.Val != "EXTENDED" {
		t.Errorf("defaults: %+v %+v", v21.UpgradeSupportType, v19.UpgradeSupportType)
	}
	if len(v20.Addons) != 2 || len(v21.Addons) != 1 || len(v19.Addons) != 1 || len(m.Addons) != 4 {
		t.Fatalf("add-ons: %d %d %d %d", len(v20.Addons), len(v21.Addons), len(v19.Addons), len(m.Addons))
	}
	for _, a := range v20.Addons {
		switch a.Name {
		case "coredns":
			if !source.IsTrue(a.MostRecent) || !a.Version.IsDefault() {
				t.Errorf("coredns: %+v", a)
			}
		case "vpc-cni":
			if a.Version.Val != "v1.19.0-eksbuild.1" || a.Role.Val != "module.irsa.iam_role_arn" || a.Role.Range.Start.Line != 13 {
				t.Errorf("vpc-cni: %+v", a)
			}
		default:
			t.Errorf("unexpected %q", a.Name)
		}
	}
	if p := v21.Addons[0]; p.Name != "kube-proxy" || p.Version.Val != "v1.33.0-eksbuild.2" || p.Address != `module.v21.addons["proxy"]` {
		t.Errorf("v21: %+v", p)
	}
	versions := map[string]source.Value[string]{}
	for _, g := range m.NodeGroups {
		versions[g.Address] = g.Version
	}
	if v := versions[`module.v20.eks_managed_node_groups["a"]`]; v.Val != "1.29" || !v.IsSet() {
		t.Errorf("v20 a: %+v", v)
	}
	if v := versions[`module.v20.eks_managed_node_groups["b"]`]; !v.IsDefault() || v.Val != "" {
		t.Errorf("v20 b: %+v", v)
	}
	if v := versions[`module.v21.eks_managed_node_groups["a"]`]; v.Val != "1.32" {
		t.Errorf("v21 a: %+v", v)
	}
}

func TestAddonInstancesAndDynamicPolicy(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "policy" {}
resource "aws_eks_cluster" "main" {
  name    = "main"
  version = "1.33"
  dynamic "upgrade_policy" {
    for_each = [var.policy]
    content {
      support_type = upgrade_policy.value
    }
  }
}
resource "aws_eks_cluster" "fixed" {
  name = "fixed"
  dynamic "upgrade_policy" {
    for_each = ["STANDARD"]
    content {
      support_type = upgrade_policy.value
    }
  }
}
resource "aws_eks_addon" "this" {
  for_each      = { coredns = "v1.13.2-eksbuild.4", kube-proxy = "v1.33.0-eksbuild.2" }
  cluster_name  = aws_eks_cluster.main.name
  addon_name    = each.key
  addon_version = each.value
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	main, fixed := m.Clusters[0], m.Clusters[1]
	if main.UpgradeSupportType.Known() {
		t.Errorf("unknown policy: %+v", main.UpgradeSupportType)
	}
	if fixed.UpgradeSupportType.Val != "STANDARD" || !fixed.UpgradeSupportType.IsSet() {
		t.Errorf("dynamic policy: %+v", fixed.UpgradeSupportType)
	}
	if len(main.Addons) != 2 {
		t.Fatalf("%d add-ons", len(main.Addons))
	}
	got := map[string]string{}
	for _, a := range main.Addons {
		got[a.Name] = a.Version.Val
		if !strings.HasPrefix(a.Address, `aws_eks_addon.this["`) {
			t.Errorf("address %q", a.Address)
		}
	}
	if got["coredns"] != "v1.13.2-eksbuild.4" || got["kube-proxy"] != "v1.33.0-eksbuild.2" {
		t.Errorf("versions: %v", got)
	}
}
