variable "cluster_name" {
  type = string
}

resource "aws_eks_cluster" "c" {
  name                      = var.cluster_name
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit"]
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

# The control-plane log group is declared in a module of its own.
module "logging" {
  source       = "./logging"
  cluster_name = var.cluster_name
}
