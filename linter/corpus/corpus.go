// Package corpus generates a deterministic set of realistic Terraform,
// eksctl and Kubernetes files with a known mix of findings, for benchmarks
// and scale tests. The same n always gives the same bytes.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
)

// Stats says what Generate wrote.
type Stats struct {
	Files, Bytes int
	// Bad counts the generated objects that are misconfigured on purpose:
	// public clusters, open SSH, single-AZ groups, containers without
	// resources or probes.
	Bad int
}

// Generate writes n files under dir: a third Terraform modules (one folder,
// one main.tf each), a third eksctl ClusterConfigs, a third Kubernetes
// manifests. Every other object is misconfigured.
func Generate(dir string, n int) (Stats, error) {
	var st Stats
	for i := 0; i < n; i++ {
		bad := i%2 == 0
		var name, content string
		switch i % 3 {
		case 0:
			name, content = filepath.Join(fmt.Sprintf("tf%05d", i), "main.tf"), terraform(i, bad)
		case 1:
			name, content = fmt.Sprintf("eksctl%05d.yaml", i), eksctl(i, bad)
		default:
			name, content = fmt.Sprintf("k8s%05d.yaml", i), kubernetes(i, bad)
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return st, err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return st, err
		}
		st.Files++
		st.Bytes += len(content)
		if bad {
			st.Bad++
		}
	}
	return st, nil
}

func terraform(i int, bad bool) string {
	public, ssh, subnets := "false", "", `[aws_subnet.a.id, aws_subnet.b.id]`
	if bad {
		public, ssh, subnets = "true", "\n  remote_access {\n    ec2_ssh_key = var.key_name\n  }", `[aws_subnet.a.id]`
	}
	return fmt.Sprintf(`variable "name" {
  type    = string
  default = "cluster-%[1]d"
}

variable "key_name" {
  type    = string
  default = "ops"
}

locals {
  tags = { team = "platform", index = "%[1]d" }
  logs = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}

resource "aws_subnet" "a" {
  vpc_id            = "vpc-%[1]d"
  cidr_block        = "10.%[2]d.1.0/24"
  availability_zone = "eu-west-1a"
  tags              = local.tags
}

resource "aws_subnet" "b" {
  vpc_id            = "vpc-%[1]d"
  cidr_block        = "10.%[2]d.2.0/24"
  availability_zone = "eu-west-1b"
  tags              = local.tags
}

resource "aws_eks_cluster" "main" {
  name                      = var.name
  role_arn                  = "arn:aws:iam::123456789012:role/eks-%[1]d"
  version                   = "1.33"
  enabled_cluster_log_types = local.logs

  vpc_config {
    subnet_ids              = [aws_subnet.a.id, aws_subnet.b.id]
    endpoint_public_access  = %[3]s
    endpoint_private_access = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/%[1]d"
    }
  }
  tags = local.tags
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "workers-%[1]d"
  node_role_arn   = "arn:aws:iam::123456789012:role/node-%[1]d"
  subnet_ids      = %[4]s
  instance_types  = ["m6i.large"]

  scaling_config {
    desired_size = 3
    max_size     = 6
    min_size     = 3
  }%[5]s
}
`, i, i%250, public, subnets, ssh)
}

func eksctl(i int, bad bool) string {
	endpoints, ssh := "    publicAccess: false\n    privateAccess: true\n", ""
	if bad {
		endpoints, ssh = "    publicAccess: true\n", "\n    ssh:\n      allow: true"
	}
	return fmt.Sprintf(`apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: cluster-%[1]d
  region: eu-west-1
  version: "1.33"
vpc:
  clusterEndpoints:
%[2]s
cloudWatch:
  clusterLogging:
    enableTypes: ["*"]
    logRetentionInDays: 90
secretsEncryption:
  keyARN: arn:aws:kms:eu-west-1:123456789012:key/%[1]d
iam:
  withOIDC: true
managedNodeGroups:
  - name: workers-%[1]d
    instanceType: m6i.large
    desiredCapacity: 3
    privateNetworking: true
    availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"]%[3]s
`, i, endpoints, ssh)
}

func kubernetes(i int, bad bool) string {
	probes := `          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {cpu: "1", memory: 256Mi}`
	if bad {
		probes = `          resources:
            requests: {memory: 256Mi}`
	}
	return fmt.Sprintf(`apiVersion: v1
kind: Service
metadata:
  name: web-%[1]d
  namespace: team-%[2]d
spec:
  selector: {app: web-%[1]d}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-%[1]d
  namespace: team-%[2]d
  labels: {app: web-%[1]d}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web-%[1]d}
  template:
    metadata:
      labels: {app: web-%[1]d}
    spec:
      containers:
        - name: web
          image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.%[1]d.0
          ports:
            - containerPort: 8080
%[3]s
`, i, i%20, probes)
}
