# The same areas through a terraform-aws-modules/eks call inside the module.
module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name                         = "${var.name}-mod"
  cluster_version                      = "1.29"
  cluster_endpoint_public_access       = true
  cluster_endpoint_public_access_cidrs = ["0.0.0.0/0"]
  cluster_enabled_log_types            = []
  create_kms_key                       = false
  cluster_encryption_config            = {}
  enable_irsa                          = false

  vpc_id     = "vpc-1"
  subnet_ids = ["subnet-a", "subnet-b"]

  cluster_addons = {
    vpc-cni = {}
  }

  node_security_group_additional_rules = {
    ssh = {
      type        = "ingress"
      protocol    = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  eks_managed_node_groups = {
    default = {
      subnet_ids = ["subnet-a"]
      metadata_options = {
        http_tokens = "optional"
      }
    }
  }

  access_entries = {
    admin = {
      principal_arn = "arn:aws:iam::111122223333:role/admin"
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }

  iam_role_additional_policies = {
    admin = "arn:aws:iam::aws:policy/AdministratorAccess"
  }
}
