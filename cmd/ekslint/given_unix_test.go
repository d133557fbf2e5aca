//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The files only a flag names are read as the user gives them, pipes
// included (--baseline <(git show main:baseline.json)), and up to a bound:
// a device that never ends, or a file of gigabytes, is a clear error with
// exit 2, not a run that fills the memory.
func TestFlagFilesAreBounded(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	huge := filepath.Join(dir, "huge.json")
	write(t, dir, map[string]string{"huge.json": ""})
	if err := os.Truncate(huge, 1<<40); err != nil {
		t.Skip("no sparse files here:", err)
	}
	for _, c := range []struct{ flag, file, want string }{
		{"--baseline", huge, "the file is larger than 64 MiB, the most ekslint reads"},
		{"--eks-versions-file", huge, "the file is larger than 1 MiB, the most ekslint reads"},
		{"--baseline", "/dev/zero", "the file is larger than 64 MiB"},
		{"--eks-versions-file", "/dev/zero", "the file is larger than 1 MiB"},
	} {
		if c.file == "/dev/zero" {
			if _, err := os.Stat(c.file); err != nil {
				continue
			}
		}
		code, _, errOut := ekslint(t, dir, c.flag, c.file, "main.tf")
		if code != 2 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, c.file) {
			t.Errorf("%s %s: exit %d, stderr %q; want 2 and %q", c.flag, c.file, code, errOut, c.want)
		}
	}

	// A baseline through a pipe is read as a file would be.
	if code, _, errOut := ekslint(t, dir, append(only("EKS-CP-001"), "--write-baseline", "baseline.json", "main.tf")...); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "baseline.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			_, _ = w.Write(b)
			_ = w.Close()
		}
	}()
	code, out, errOut := ekslint(t, dir, append(only("EKS-CP-001"), "--baseline", fifo, "main.tf")...)
	if code != 0 || strings.Contains(out, "EKS-CP-001") || !strings.Contains(errOut, "already in the baseline") {
		t.Errorf("--baseline through a pipe: exit %d\n%s\n%s", code, out, errOut)
	}
}
