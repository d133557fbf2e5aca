//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Read refuses a named pipe at once, with no writer; ReadGiven reads one,
// as a shell's redirection would, and stops a device that never ends at
// the bound.
func TestPipesAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(fifo, 1<<20); done <- err }()
	select {
	case err := <-done:
		var nr NotRegularError
		if !errors.As(err, &nr) || Describe(nr.Mode) != "a named pipe" {
			t.Errorf("Read of a named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Read waited for a named pipe's writer")
	}

	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			_, _ = w.WriteString("region = \"eu-west-1\"\n")
			_ = w.Close()
		}
	}()
	if b, err := ReadGiven(fifo, 1<<20); err != nil || string(b) != "region = \"eu-west-1\"\n" {
		t.Errorf("ReadGiven of a pipe: %q, %v", b, err)
	}

	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	var tl TooLargeError
	if _, err := ReadGiven("/dev/zero", 1<<16); !errors.As(err, &tl) || tl.Max != 1<<16 {
		t.Errorf("ReadGiven of /dev/zero: %v", err)
	}
	if _, err := Read("/dev/zero", 1<<16); !errors.As(err, new(NotRegularError)) {
		t.Errorf("Read of /dev/zero: %v", err)
	}
}
