resource "aws_cloudwatch_log_group" "short" {
  name              = "/app/short"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "enough" {
  name              = "/app/enough"
  retention_in_days = 90
}
