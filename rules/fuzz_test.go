package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ekslint/ekslint/linter"
)

// FuzzPipeline runs every rule over a fuzzed Terraform file and a fuzzed
// YAML file: the whole pipeline must finish without a panic and report a
// bad file as a problem, not as an internal error.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte("resource \"aws_eks_cluster\" \"c\" {}\n"), []byte("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n"))
	f.Add([]byte("resource \"aws_eks_node_group\" \"n\" { remote_access { ec2_ssh_key = \"k\" } }\n"),
		[]byte("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a}]}\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, tf, yml []byte) {
		for name, src := range map[string][]byte{"main.tf": tf, "k.yaml": yml} {
			if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := linter.Lint(linter.Options{Paths: []string{dir}, Rules: All(), Jobs: 2})
		for _, p := range res.Problems {
			if len(p.Message) >= 14 && p.Message[:14] == "internal error" {
				t.Fatalf("%s", p)
			}
		}
	})
}
