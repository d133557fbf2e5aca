package emit

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendFindingMatchesEncoder holds the hand-written finding encoder to
// what encoding/json writes for the same value, indented as inside the
// report, for strings that need every kind of escape.
func TestAppendFindingMatchesEncoder(t *testing.T) {
	texts := []string{"", "plain", `quo"te`, `back\slash`, "tab\there", "new\nline", "\r\b\f\x00\x1f\x7f",
		"<html> & more", "arrow → ünïcode", "line\u2028sep\u2029", "bad \xff\xfe utf-8", "emoji 🙂"}
	for _, s := range texts {
		for _, suppressed := range []bool{false, true} {
			jf := jsonFinding{RuleID: "EKS-X-" + s, RuleName: s, Severity: "high", Message: s, File: s + ".tf",
				StartLine: 1, StartColumn: 22, EndLine: 333, EndColumn: 0, Object: s, Format: s}
			if suppressed {
				jf.Suppressed = &jsonSuppressed{Reason: s}
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("    ", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(jf); err != nil {
				t.Fatal(err)
			}
			got, err := appendFinding(nil, &jf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%q (suppressed %v):\n got %s\nwant %s", s, suppressed, got, want.Bytes())
			}
		}
	}
}
