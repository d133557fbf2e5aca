//go:build unix

package linter

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
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
