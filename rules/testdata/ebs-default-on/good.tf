# The account encrypts every new volume: nothing to say about the nodes'.
resource "aws_ebs_encryption_by_default" "this" {
}

resource "aws_eks_node_group" "generated" {
  cluster_name    = "main"
  node_group_name = "generated"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = ["subnet-a", "subnet-b"]
}
