package terraform

import "testing"

func TestEKSSubmodule(t *testing.T) {
	for src, want := range map[string]string{
		"terraform-aws-modules/eks/aws//modules/eks-managed-node-group":                                     "eks-managed-node-group",
		"terraform-aws-modules/eks/aws//modules/self-managed-node-group/":                                   "self-managed-node-group",
		"git::https://github.com/terraform-aws-modules/terraform-aws-eks.git//modules/aws-auth?ref=v20.8.5": "aws-auth",
		"registry.terraform.io/terraform-aws-modules/eks/aws//modules/karpenter":                            "karpenter",
		"terraform-aws-modules/eks/aws":                                                                     "",
		"terraform-aws-modules/vpc/aws//modules/vpc-endpoints":                                              "",
		"./modules/eks-managed-node-group":                                                                  "",
	} {
		if got := eksSubmodule(src); got != want {
			t.Errorf("eksSubmodule(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestEKSSubmoduleCall(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `
module "workers" {
  source       = "terraform-aws-modules/eks/aws//modules/eks-managed-node-group"
  version      = "~> 19.0"
  name         = "w"
  cluster_name = module.eks.cluster_name
  subnet_ids   = ["a"]
}
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 19.0"
  cluster_name = "prod"
}
module "karpenter" {
  source = "terraform-aws-modules/eks/aws//modules/karpenter"
}
`}, Options{})
	if len(m.NodeGroups) != 1 {
		t.Fatalf("node groups: %d", len(m.NodeGroups))
	}
	g := m.NodeGroups[0]
	if g.Address != "module.workers" || g.Cluster == nil || g.Cluster.Address != "module.eks" {
		t.Errorf("address %q, cluster %+v", g.Address, g.Cluster)
	}
	if !g.Subnets.IsSet() || len(g.Subnets.Val) != 1 || g.Subnets.Range.Start.Line != 7 {
		t.Errorf("subnets %+v", g.Subnets)
	}
	if len(problems) != 1 || problems[0].Range.Start.Line != 14 {
		t.Errorf("want one note about the karpenter submodule: %v", problems)
	}
}
