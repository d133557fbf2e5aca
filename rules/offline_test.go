package rules

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ekslint/ekslint/linter"
)

// trapTransport fails and counts every HTTP request made through the
// default client.
type trapTransport struct{ calls *atomic.Int32 }

func (t trapTransport) RoundTrip(*http.Request) (*http.Response, error) {
	t.calls.Add(1)
	return nil, errors.New("ekslint must not use the network")
}

// TestOffline lints input that names remote things (registry and git
// module sources, kustomize remote bases, schema URLs) with the default
// HTTP transport, the default dialer's resolver and the DNS resolver
// replaced by traps: none of them may be used.
func TestOffline(t *testing.T) {
	var calls atomic.Int32
	oldTransport, oldResolver := http.DefaultTransport, net.DefaultResolver
	http.DefaultTransport = trapTransport{&calls}
	net.DefaultResolver = &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) {
		calls.Add(1)
		return nil, errors.New("ekslint must not resolve names")
	}}
	t.Cleanup(func() { http.DefaultTransport, net.DefaultResolver = oldTransport, oldResolver })

	dir := t.TempDir()
	files := map[string]string{
		"main.tf": `module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
module "vpc" {
  source = "git::https://github.com/terraform-aws-modules/terraform-aws-vpc.git?ref=v5.0.0"
}
module "s3" {
  source = "https://example.com/module.zip"
}
resource "aws_eks_cluster" "c" {
  name = "c"
}
`,
		"kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v3.3.1\n  - deploy.yaml\n",
		"deploy.yaml":        "# yaml-language-server: $schema=https://json.schemastore.org/kustomization.json\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n",
		"cluster.yaml":       "# yaml-language-server: $schema=https://raw.githubusercontent.com/eksctl-io/eksctl/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json\napiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c}\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := linter.Lint(linter.Options{Paths: []string{dir}, Rules: All()})
	if len(res.Findings) == 0 {
		t.Fatal("nothing was linted")
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("%d network calls were attempted", n)
	}
	// The remote base is a located problem, and the local manifest is
	// still built.
	reported := false
	for _, p := range res.Problems {
		if filepath.Base(p.Range.Path()) == "kustomization.yaml" && p.Range.Start.Line == 4 && strings.Contains(p.Message, "not fetched") {
			reported = true
		}
	}
	if !reported {
		t.Errorf("the remote kustomize base is not reported at its line: %v", res.Problems)
	}
}
