package eksdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestBuiltinStatus(t *testing.T) {
	d := Builtin()
	asOf := day("2026-08-21")
	for _, tt := range []struct {
		minor int
		want  Status
	}{
		{35, Standard}, {34, Standard}, {33, Extended}, {31, Extended},
		{30, EndOfLife}, {27, EndOfLife}, {26, EndOfLife}, {10, EndOfLife}, {36, Unknown}, {99, Unknown},
	} {
		if _, got := d.Lookup(tt.minor, asOf); got != tt.want {
			t.Errorf("1.%d: %s, want %s", tt.minor, got, tt.want)
		}
	}
	// The boundaries: extended billing starts on the end-of-standard day.
	if _, s := d.Lookup(31, day("2025-11-25")); s != Standard {
		t.Errorf("the day before: %s", s)
	}
	if _, s := d.Lookup(31, day("2025-11-26")); s != Extended {
		t.Errorf("the day itself: %s", s)
	}
	if _, s := d.Lookup(35, day("2025-12-01")); s != Unknown {
		t.Errorf("before its EKS release: %s", s)
	}
	if v := d.OldestStandard(asOf); v == nil || v.Version != "1.34" {
		t.Errorf("oldest standard: %+v", v)
	}
	if v, ok := d.CoreDNS(29); !ok || !strings.HasPrefix(v, "v1.11.") {
		t.Errorf("coredns: %q", v)
	}
	if d.Stale(day("2026-09-01")) || !d.Stale(day("2027-01-01")) {
		t.Error("staleness")
	}
}

func TestParseVersions(t *testing.T) {
	for in, want := range map[string]int{"1.31": 31, "v1.31": 31, "1.31.2": 31, "\t1.9\n": 9, "1.30-eks-58": 30} {
		if got, ok := Minor(in); !ok || got != want {
			t.Errorf("Minor(%q) = %d, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "1", "latest", "2.1", "1.x", "1.+3", "v1."} {
		if got, ok := Minor(in); ok {
			t.Errorf("Minor(%q) = %d", in, got)
		}
	}
	if maj, min, ok := Line("v1.11.4-eksbuild.2"); !ok || maj != 1 || min != 11 {
		t.Errorf("Line: %d %d %v", maj, min, ok)
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"syntax.json":  `{`,
		"unknown.json": `{"generatedAt": "2026-01-01", "versions": [], "extra": 1}`,
		"empty.json":   `{"generatedAt": "2026-01-01", "versions": []}`,
		"date.json":    `{"generatedAt": "2026-01-01", "versions": [{"version": "1.31", "eksRelease": "26/09/2024", "endOfStandard": "2025-11-26", "endOfExtended": "2026-11-26"}]}`,
		"order.json":   `{"generatedAt": "2026-01-01", "versions": [{"version": "1.31", "eksRelease": "2026-09-26", "endOfStandard": "2025-11-26", "endOfExtended": "2026-11-26"}]}`,
		"dup.json":     `{"generatedAt": "2026-01-01", "versions": [{"version": "1.31", "eksRelease": "2024-09-26", "endOfStandard": "2025-11-26", "endOfExtended": "2026-11-26"}, {"version": "1.31", "eksRelease": "2024-09-26", "endOfStandard": "2025-11-26", "endOfExtended": "2026-11-26"}]}`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing: %v", err)
	}
	p := filepath.Join(dir, "ok.json")
	if err := os.WriteFile(p, []byte(`{"generatedAt": "2027-01-01", "sources": ["test"], "versions": [{"version": "1.36", "eksRelease": "2026-06-01", "endOfStandard": "2027-08-01", "endOfExtended": "2028-08-01"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, s := d.Lookup(35, day("2027-01-01")); s != EndOfLife {
		t.Errorf("older than the oldest row: %s", s)
	}
	if _, ok := d.CoreDNS(33); !ok || d.Name != p {
		t.Error("the built-in add-on data is kept")
	}
}
