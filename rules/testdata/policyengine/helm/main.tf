# Cilium, chained with the VPC CNI, enforces the NetworkPolicies.
resource "aws_eks_addon" "vpc_cni" {
  cluster_name = "prod"
  addon_name   = "vpc-cni"
}

resource "helm_release" "cilium" {
  name       = "cilium"
  repository = "https://helm.cilium.io/"
  chart      = "cilium"
  namespace  = "kube-system"
}
