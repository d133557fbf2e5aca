resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_guardduty_detector" "d" {
  datasources {
    kubernetes {
      audit_logs {
        enable = true
      }
    }
  }
}
