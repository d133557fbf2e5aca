package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func clusterAt(t *testing.T, m *model.Model, address string) *model.Cluster {
	t.Helper()
	for _, c := range m.Clusters {
		if c.Address == address {
			return c
		}
	}
	t.Fatalf("no cluster %s", address)
	return nil
}

func TestWorkloadIdentityLinks(t *testing.T) {
	m, _, probs := load(t, map[string]string{"main.tf": `
resource "aws_eks_cluster" "c" {
  count = 2
  name  = "c-${count.index}"
}
resource "aws_iam_openid_connect_provider" "p" {
  count = 1
  url   = aws_eks_cluster.c[count.index].identity[0].oidc[0].issuer
}
resource "aws_eks_cluster" "named" {
  name = "named"
}
resource "aws_eks_pod_identity_association" "a" {
  cluster_name = "named"
}
`}, Options{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if c := clusterAt(t, m, "aws_eks_cluster.c[0]"); !source.IsTrue(c.WorkloadIdentity) || pos(c.WorkloadIdentity.Range)[0] != 6 {
		t.Errorf("c[0]: %+v", c.WorkloadIdentity)
	}
	if c := clusterAt(t, m, "aws_eks_cluster.c[1]"); !source.IsFalse(c.WorkloadIdentity) || !c.WorkloadIdentity.IsDefault() || pos(c.WorkloadIdentity.Range)[0] != 2 {
		t.Errorf("c[1]: %+v", c.WorkloadIdentity)
	}
	if c := clusterAt(t, m, "aws_eks_cluster.named"); !source.IsTrue(c.WorkloadIdentity) {
		t.Errorf("named: %+v", c.WorkloadIdentity)
	}
}

// TestWorkloadIdentityUnresolved: a provider or association that cannot
// be tied to a cluster may be for any of them.
func TestWorkloadIdentityUnresolved(t *testing.T) {
	for name, extra := range map[string]string{
		"issuer from a variable":          "variable \"issuer\" { type = string }\nresource \"aws_iam_openid_connect_provider\" \"p\" { url = var.issuer }\n",
		"issuer from a data source":       "resource \"aws_iam_openid_connect_provider\" \"p\" { url = data.aws_eks_cluster.x.identity[0].oidc[0].issuer }\n",
		"association for an unknown name": "variable \"cluster\" { type = string }\nresource \"aws_eks_pod_identity_association\" \"a\" { cluster_name = var.cluster }\n",
		"add-on with an unknown name":     "variable \"addon\" { type = string }\nresource \"aws_eks_addon\" \"a\" {\n  cluster_name = aws_eks_cluster.c.name\n  addon_name = var.addon\n}\n",
	} {
		t.Run(name, func(t *testing.T) {
			m, _, _ := load(t, map[string]string{"main.tf": "resource \"aws_eks_cluster\" \"c\" { name = \"c\" }\n" + extra}, Options{})
			if c := onlyCluster(t, m); c.WorkloadIdentity.Known() {
				t.Errorf("want unknown, got %+v", c.WorkloadIdentity)
			}
		})
	}
}

func TestWorkloadIdentityJSON(t *testing.T) {
	m, _, probs := load(t, map[string]string{"main.tf.json": `{
  "resource": {
    "aws_eks_cluster": {"c": {"name": "c"}},
    "aws_iam_openid_connect_provider": {"p": {"url": "${aws_eks_cluster.c.identity[0].oidc[0].issuer}"}}
  }
}`}, Options{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if c := onlyCluster(t, m); !source.IsTrue(c.WorkloadIdentity) {
		t.Errorf("got %+v", c.WorkloadIdentity)
	}
}

func TestAccessConfig(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
resource "aws_eks_cluster" "omitted" {}
resource "aws_eks_cluster" "written" {
  access_config {
    authentication_mode = "API"
  }
}
variable "mode" { type = string }
resource "aws_eks_cluster" "unknown" {
  access_config {
    authentication_mode                         = var.mode
    bootstrap_cluster_creator_admin_permissions = false
  }
}
`}, Options{})
	c := clusterAt(t, m, "aws_eks_cluster.omitted")
	if !c.AuthenticationMode.IsDefault() || c.AuthenticationMode.Val != "CONFIG_MAP" || !c.CreatorAdmin.IsDefault() || !c.CreatorAdmin.Val || pos(c.CreatorAdmin.Range)[0] != 2 {
		t.Errorf("omitted: %+v %+v", c.AuthenticationMode, c.CreatorAdmin)
	}
	c = clusterAt(t, m, "aws_eks_cluster.written")
	if !c.AuthenticationMode.IsSet() || c.AuthenticationMode.Val != "API" || !source.IsTrue(c.CreatorAdmin) || pos(c.CreatorAdmin.Range) != [4]int{4, 3, 4, 16} {
		t.Errorf("written: %+v %+v", c.AuthenticationMode, c.CreatorAdmin)
	}
	c = clusterAt(t, m, "aws_eks_cluster.unknown")
	if c.AuthenticationMode.Known() || !source.IsFalse(c.CreatorAdmin) || !c.CreatorAdmin.IsSet() {
		t.Errorf("unknown: %+v %+v", c.AuthenticationMode, c.CreatorAdmin)
	}
}

func TestAccessPolicyAssociations(t *testing.T) {
	m, _, probs := load(t, map[string]string{"main.tf": `
resource "aws_eks_cluster" "c" { name = "c" }
resource "aws_eks_access_policy_association" "a" {
  for_each      = toset(["x", "y"])
  cluster_name  = aws_eks_cluster.c.id
  principal_arn = "arn:aws:iam::1:role/${each.key}"
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}
variable "cluster" { type = string }
resource "aws_eks_access_policy_association" "elsewhere" {
  cluster_name = var.cluster
  policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
}
`}, Options{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	c := onlyCluster(t, m)
	if len(c.AccessEntries) != 2 {
		t.Fatalf("want 2 entries, got %d", len(c.AccessEntries))
	}
	e := c.AccessEntries[0]
	if e.Address != `aws_eks_access_policy_association.a["x"]` || e.PrincipalARN.Val != "arn:aws:iam::1:role/x" || len(e.Policies) != 1 {
		t.Fatalf("entry %+v", e)
	}
	if p := e.Policies[0]; p.ScopeType.Val != "cluster" || pos(p.PolicyARN.Range)[0] != 7 {
		t.Errorf("policy %+v", p)
	}
}

func TestEncryptionDetails(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
resource "aws_eks_cluster" "c" {
  encryption_config {
    resources = ["configmaps"]
  }
}
`}, Options{})
	c := onlyCluster(t, m)
	if !c.SecretsResources.IsSet() || len(c.SecretsResources.Val) != 1 || c.SecretsResources.Val[0].Val != "configmaps" {
		t.Errorf("resources %+v", c.SecretsResources)
	}
	if !c.SecretsKeyARN.IsDefault() || c.SecretsKeyARN.Val != "" || pos(c.SecretsKeyARN.Range)[0] != 3 {
		t.Errorf("key %+v", c.SecretsKeyARN)
	}
}

func TestModuleIdentity(t *testing.T) {
	m, _, probs := load(t, map[string]string{"main.tf": `
module "v19" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 19.0"
}
module "v20" {
  source      = "terraform-aws-modules/eks/aws"
  version     = "~> 20.0"
  enable_irsa = false
  access_entries = {
    ops = {
      principal_arn = "arn:aws:iam::1:role/ops"
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }
}
variable "cluster" { type = string }
resource "aws_eks_pod_identity_association" "a" {
  cluster_name = var.cluster
}
`}, Options{})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	v19 := clusterAt(t, m, "module.v19")
	if v19.AuthenticationMode.Val != "CONFIG_MAP" || !source.IsTrue(v19.CreatorAdmin) || v19.CreatorAdminEntry || !source.IsTrue(v19.WorkloadIdentity) {
		t.Errorf("v19: %+v %+v %+v", v19.AuthenticationMode, v19.CreatorAdmin, v19.WorkloadIdentity)
	}
	v20 := clusterAt(t, m, "module.v20")
	if v20.AuthenticationMode.Val != "API_AND_CONFIG_MAP" || !source.IsFalse(v20.CreatorAdmin) || !v20.CreatorAdminEntry {
		t.Errorf("v20: %+v %+v", v20.AuthenticationMode, v20.CreatorAdmin)
	}
	if v20.WorkloadIdentity.Known() {
		t.Errorf("v20: an association for an unknown cluster may be this one's: %+v", v20.WorkloadIdentity)
	}
	if len(v20.AccessEntries) != 1 || len(v20.AccessEntries[0].Policies) != 1 {
		t.Fatalf("entries %+v", v20.AccessEntries)
	}
	p := v20.AccessEntries[0].Policies[0]
	if p.Path != `policy_associations["admin"]` || p.ScopeType.Val != "cluster" || pos(p.PolicyARN.Range)[0] != 15 || pos(p.ScopeType.Range)[0] != 16 {
		t.Errorf("policy %+v", p)
	}
}

func TestWorkloadIdentityModules(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `
resource "aws_eks_cluster" "a" { name = "a" }
resource "aws_eks_cluster" "b" { name = "b" }
resource "aws_eks_cluster" "c" { name = "c" }
module "oidc" {
  source = "example.com/oidc-provider"
  url    = aws_eks_cluster.a.identity[0].oidc[0].issuer
}
module "pods" {
  source       = "terraform-aws-modules/eks-pod-identity/aws"
  cluster_name = aws_eks_cluster.b.name
}
`}, Options{})
	for addr, want := range map[string]bool{"aws_eks_cluster.a": true, "aws_eks_cluster.b": true, "aws_eks_cluster.c": false} {
		if c := clusterAt(t, m, addr); !c.WorkloadIdentity.Known() || c.WorkloadIdentity.Val != want {
			t.Errorf("%s: %+v", addr, c.WorkloadIdentity)
		}
	}
}
