//go:build unix

package terraform

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter/source"
)

// A variables file the user names may be a pipe (--var-file
// <(sops -d prod.tfvars)): it is read as Terraform reads it. One the module
// finds by itself is refused (TestPipesWhereverTheReadersLook).
func TestNamedVarFileMayBeAPipe(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("m", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("m", "main.tf"), []byte(typedVars), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("values.tfvars", 0o644); err != nil {
		t.Skip(err)
	}
	go func() {
		// Opening for writing waits for the reader, as a shell's pipe does.
		if f, err := os.OpenFile("values.tfvars", os.O_WRONLY, 0); err == nil {
			_, _ = f.WriteString("public = false\n")
			_ = f.Close()
		}
	}()
	done := make(chan Loaded, 1)
	go func() {
		done <- LoadModule("m", []File{{Path: "m/main.tf", Src: []byte(typedVars)}}, Options{VarFiles: []string{"values.tfvars"}})
	}()
	select {
	case l := <-done:
		if len(l.Problems) != 0 {
			t.Errorf("problems %v", l.Problems)
		}
		if c := l.Model.Clusters; len(c) != 2 || !source.IsFalse(c[0].PublicEndpoint) || !c[0].PublicEndpoint.IsSet() {
			t.Errorf("the value from the pipe was not applied: %+v", c)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("reading the named pipe did not end")
	}
}
