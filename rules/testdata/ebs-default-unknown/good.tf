# enabled is not known offline: the account may encrypt every volume.
variable "ebs_default" {}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_eks_node_group" "generated" {
  cluster_name    = "main"
  node_group_name = "generated"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = ["subnet-a", "subnet-b"]
}
