//go:build unix

package linter

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter/source"
)

// A named pipe, or a device, among the files (named *.yaml, or listed by
// a kustomization) is refused by its type: opening a pipe would block
// until something writes to it, and /dev/zero never ends.
func TestPipesAndDevicesAreNotRead(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"good/main.tf":         cluster,
		"k/kustomization.yaml": "resources: [pipe.yaml, zero.yaml]\n",
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "k", "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "k", "zero.yaml")); err != nil {
		t.Skip(err)
	}
	res := lintWithin(t, 30*time.Second, Options{})
	for _, f := range []string{"pipe.yaml", "k/pipe.yaml", "k/zero.yaml"} {
		if !hasProblem(res, f, "not a regular file") {
			t.Errorf("no problem about %s: %v", f, res.Problems)
		}
	}
	if len(res.Findings) != 1 {
		t.Errorf("findings %v", res.Findings)
	}
}

// readSource checks the type of what it opened, and the open itself does
// not wait for a pipe's writer: a path that was a regular file when the
// walk listed it and is a pipe when it is read is refused, not waited on.
func TestReadSourceRefusesWhatItOpened(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "swapped.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip(err)
	}
	for p, want := range map[string]string{
		pipe:        "not a regular file (a named pipe)",
		dir:         "not a regular file (type d---------)",
		"/dev/zero": "not a regular file (a device)",
	} {
		done := make(chan *source.Problem, 1)
		go func() { _, _, pr := readSource(p); done <- pr }()
		select {
		case pr := <-done:
			if pr == nil || !strings.Contains(pr.Message, want) {
				t.Errorf("readSource(%s) = %v, want a problem saying %q", p, pr, want)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("readSource(%s) blocked", p)
		}
	}
}

// Wherever a reader looks for a file by itself, a named pipe or a device
// under the expected name is refused with a located problem, never waited
// on nor read without end: variables files, a called module's files, the
// module manifest `terraform init` writes, a file function's file and a
// kustomization. (Each of these waited forever once.)
func TestPipesWhereverTheReadersLook(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": cluster + `module "m" {
  source = "./m"
}
module "eks" {
  source = "terraform-aws-modules/eks/aws"
}
resource "aws_eks_cluster" "from_pipe" {
  name = file("pipe.txt")
}
`,
		"m/main.tf":                cluster,
		".terraform/modules/.keep": "",
		"k/pod.yaml":               "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
	})
	for _, p := range []string{"x.auto.tfvars", "pipe.txt", "m/y.tf", ".terraform/modules/modules.json", "k/kustomization.yaml"} {
		if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			t.Skip(err)
		}
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "terraform.tfvars")); err != nil {
		t.Skip(err)
	}
	res := lintWithin(t, 30*time.Second, Options{})
	for file, want := range map[string]string{
		"x.auto.tfvars":        "cannot read variables file: not a regular file (a named pipe)",
		"terraform.tfvars":     "cannot read variables file: not a regular file (a device)",
		"m/y.tf":               "not a regular file (a named pipe)",
		"k/kustomization.yaml": "not a regular file (a named pipe)",
	} {
		if !hasProblem(res, file, want) {
			t.Errorf("no problem %q at %s: %v", want, file, res.Problems)
		}
	}
	if !hasProblem(res, "main.tf", "pipe.txt is not a regular file (a named pipe)") {
		t.Errorf("file() of a named pipe: no problem at the call: %v", res.Problems)
	}
	if len(res.Findings) < 2 {
		t.Errorf("the clusters of main.tf and m/main.tf must still be linted: %v", res.Findings)
	}
}
