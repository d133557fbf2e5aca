# Cilium installed through an add-ons module's helm_releases input, the
# module itself not fetched.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name    = "prod"
  cluster_version = "1.33"
  cluster_addons = {
    vpc-cni = {}
  }
}

module "addons" {
  source  = "aws-ia/eks-blueprints-addons/aws"
  version = "~> 1.16"

  cluster_name = module.eks.cluster_name
  helm_releases = {
    cilium = {
      chart      = "cilium"
      repository = "https://helm.cilium.io/"
    }
  }
}
