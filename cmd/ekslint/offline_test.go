package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMain lets the test binary act as ekslint itself when asked to, so
// that a test can trace the real program's system calls without building it.
func TestMain(m *testing.M) {
	if os.Getenv("EKSLINT_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, false))
	}
	os.Exit(m.Run())
}

// TestNoSocketIsEverOpened runs ekslint under strace over input that names
// every remote thing it could be tempted to fetch: registry and git module
// sources, a module archive URL, kustomize remote bases and remote
// resources, schema URLs. Not one socket may be opened, nor any connection
// tried, whatever library would have done it (the in-process test in
// rules/offline_test.go only sees the default HTTP transport and
// resolver). .ci/run installs strace; without it, or without the right to
// trace, the test is skipped.
func TestNoSocketIsEverOpened(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"tf/main.tf": `module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
module "vpc" {
  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.0.0"
}
module "zip" {
  source = "https://example.com/module.zip"
}
module "s3" {
  source = "s3::https://s3-eu-west-1.amazonaws.com/bucket/module.zip"
}
resource "aws_eks_cluster" "c" {
  name = "c"
}
`,
		"k/kustomization.yaml": "resources:\n  - github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1\n" +
			"  - https://raw.githubusercontent.com/example/repo/main/deploy.yaml\n  - git@github.com:example/repo.git//base\n  - deploy.yaml\n",
		"k/deploy.yaml": "# yaml-language-server: $schema=https://json.schemastore.org/kustomization.json\n" +
			"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n",
		"cluster.yaml": "# yaml-language-server: $schema=https://raw.githubusercontent.com/eksctl-io/eksctl/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json\n" +
			"apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n",
	})
	trace := filepath.Join(t.TempDir(), "trace")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(strace, "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o", trace, self, dir)
	cmd.Env = append(os.Environ(), "EKSLINT_TEST_AS_MAIN=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "PTRACE") || strings.Contains(string(out), "Operation not permitted") {
		t.Skipf("this machine does not allow tracing: %s", out)
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(string(out), "EKS-CP-001") {
		t.Fatalf("ekslint did not lint the input (exit %d):\n%s", code, out)
	}
	b, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	// AF_UNIX sockets are local; anything else could reach a network.
	network := regexp.MustCompile(`(socket\((AF_INET|AF_INET6|AF_NETLINK|AF_PACKET)|connect\(|sendto\(|sendmsg\()`)
	for _, line := range strings.Split(string(b), "\n") {
		if network.MatchString(line) {
			t.Errorf("a network system call was made: %s", line)
		}
	}
}
