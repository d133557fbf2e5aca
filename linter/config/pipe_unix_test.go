//go:build unix

package config

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A configuration that Find finds is the repository's, whatever it is: a
// named pipe under the name is refused at once, not waited on.
func TestLoadRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	found, ok := Find(dir)
	if !ok || found != p {
		t.Fatalf("Find = %q, %v", found, ok)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(found, nil); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "cannot read: not a regular file (a named pipe)") {
			t.Errorf("Load of a named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load waited on a named pipe")
	}
}
