//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestReportIntoWhatTheFileIs: -o wrote a report beside its file and renamed
// it over it, whatever the file was: `ekslint -o /dev/null` (or
// /dev/stdout) run as root put a regular file in place of the device, for
// every program on the machine. A named pipe stands in for the device here:
// it is still a pipe afterwards, and its reader got the report. A link to a
// report stays a link, and a report keeps its permissions.
func TestReportIntoWhatTheFileIs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan []byte, 1)
	go func() {
		b, _ := os.ReadFile(pipe) // waits for the writer
		got <- b
	}()
	if code, _, errOut := ekslint(t, dir, "-f", "json", "-o", pipe, "main.tf"); code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	select {
	case b := <-got:
		if !strings.Contains(string(b), "EKS-CP-001") {
			t.Errorf("the pipe's reader got %q", b)
		}
	case <-time.After(10 * time.Second):
		t.Error("nothing was written to the pipe")
	}
	if st, err := os.Lstat(pipe); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe is no longer a pipe: %v %v", st.Mode(), err)
	}

	real := filepath.Join(dir, "reports", "real.sarif")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.sarif")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := ekslint(t, dir, "-f", "sarif", "-o", link, "main.tf"); code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v %v", st.Mode(), err)
	}
	b, err := os.ReadFile(real)
	if err != nil || !strings.Contains(string(b), `"2.1.0"`) {
		t.Errorf("the link's file holds %q (%v)", b, err)
	}
	if st, err := os.Stat(real); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("the report's permissions are %v (%v), want -rw-r--r--", st.Mode().Perm(), err)
	}

	if code, _, errOut := ekslint(t, dir, "-o", filepath.Join(dir, "reports"), "main.tf"); code != 2 || !strings.Contains(errOut, "it is a folder") {
		t.Errorf("-o a folder: exit %d, stderr %q", code, errOut)
	}
}
