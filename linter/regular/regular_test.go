package regular

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{16 << 20: "16 MiB", 64 << 10: "64 KiB", 1000: "1000 bytes", 0: "0 bytes", 1<<20 + 1: "1048577 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

// Both readers read a regular file whole and refuse one over the bound by
// its size, without reading it: the file below is sparse.
func TestBounds(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("twelve bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 1<<40); err != nil {
		t.Skip("no sparse files here:", err)
	}
	for name, read := range map[string]func(string, int64) ([]byte, error){"Read": Read, "ReadGiven": ReadGiven} {
		if b, err := read(small, 12); err != nil || string(b) != "twelve bytes" {
			t.Errorf("%s at the bound: %q, %v", name, b, err)
		}
		var tl TooLargeError
		if _, err := read(small, 11); !errors.As(err, &tl) || tl.Max != 11 {
			t.Errorf("%s over the bound: %v", name, err)
		}
		if _, err := read(huge, 1<<20); !errors.As(err, &tl) || err.Error() != "larger than 1 MiB, the most ekslint reads" {
			t.Errorf("%s of a 1 TiB file: %v", name, err)
		}
		if _, err := read(filepath.Join(dir, "missing"), 1); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s of a missing file: %v", name, err)
		}
	}
	var nr NotRegularError
	if _, err := Read(dir, 1<<20); !errors.As(err, &nr) || !strings.Contains(nr.Refusal(), "ekslint reads only regular files") {
		t.Errorf("Read of a folder: %v", err)
	}
}
