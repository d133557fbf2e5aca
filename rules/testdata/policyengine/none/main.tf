# A Helm release of something else, and a chart that cannot be known: the
# VPC CNI's agent is the only engine that could enforce the policies.
variable "chart" {
  type = string
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name = "prod"
  addon_name   = "vpc-cni"
}

resource "helm_release" "ingress" {
  name  = "ingress-nginx"
  chart = "ingress-nginx"
}

resource "helm_release" "unknown" {
  name  = "unknown"
  chart = var.chart
}
