resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_eks_node_group" "generated" { # want: EKS-NG-010[low]
  cluster_name    = "main"
  node_group_name = "generated"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = ["subnet-a", "subnet-b"]
}
