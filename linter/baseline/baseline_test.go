package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLoadCountsWhatWriteRecords: a finding recorded twice absorbs two.
func TestLoadCountsWhatWriteRecords(t *testing.T) {
	f := linter.Finding{RuleID: "EKS-CP-001", Message: "m", Object: "o",
		Range: source.Range{File: source.FileOf("main.tf"), Start: source.PosAt(1, 1), End: source.PosAt(1, 2)}}
	var buf bytes.Buffer
	if err := Write(&buf, []linter.Finding{f, f}); err != nil {
		t.Fatal(err)
	}
	b, err := Load(writeFile(t, buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	fresh, known := b.Filter([]linter.Finding{f, f, f})
	if known != 2 || len(fresh) != 1 {
		t.Errorf("known %d, fresh %d; want 2 and 1", known, len(fresh))
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"not an object", `[]`, "is not an ekslint baseline"},
		{"findings not a list", `{"version": "1", "findings": {}}`, "is not an ekslint baseline"},
		{"an entry not an object", `{"version": "1", "findings": [1]}`, "is not an ekslint baseline"},
		{"two values", `{"version": "1"} {}`, "is not an ekslint baseline"},
		{"cut short", `{"version": "1", "findings": [{}`, "is not an ekslint baseline"},
		{"another version", `{"version": "2", "findings": []}`, `has version "2"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeFile(t, tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
	// What Unmarshal took: unknown keys, findings null.
	if _, err := Load(writeFile(t, `{"tool": {"name": "x"}, "findings": null, "version": "1"}`)); err != nil {
		t.Error(err)
	}
}

// TestLoadBoundsEntries: entries are counted as they are decoded, never
// held together, and past MaxEntries the file is refused.
func TestLoadBoundsEntries(t *testing.T) {
	text := `{"version": "1", "findings": [` + strings.Repeat("{},", MaxEntries) + "{}]}"
	p := writeFile(t, text)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Load(p)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "more than 1000000 findings") {
		t.Errorf("error %v, want one about more than %d findings", err, MaxEntries)
	}
	// The file's bytes (3 MB) and the decoder's garbage came to 82 MB;
	// decoded whole into a File, the same text took 397 MB.
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 160 {
		t.Errorf("Load allocated %d MB: the entries were held together", mb)
	}
}
