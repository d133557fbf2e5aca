package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/regular"
)

// File functions read only below the roots they are given: a path with
// ../ or a link that leaves them gives an unknown value and a warning, as
// the walk does not follow links out of the tree.
func TestFileFunctionsStayInsideTheRoots(t *testing.T) {
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	if err := os.MkdirAll(filepath.Join(repo, "policies"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"secret.txt": "outside", "repo/policies/in.txt": "inside"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(repo, "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	real, err := regular.RealPath(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		src, want string // want "" is unknown, with the warning
	}{
		{`file("policies/in.txt")`, "inside"},
		{`file("../secret.txt")`, ""},
		{`file("link.txt")`, ""},
		{`templatefile("../secret.txt", {})`, ""},
		{`fileexists("../secret.txt") ? "yes" : "no"`, ""},
	} {
		m := moduleIn(repo)
		m.roots = []string{real}
		v := m.eval(parseExpr(t, c.src))
		switch {
		case c.want != "" && (!v.IsKnown() || v.AsString() != c.want):
			t.Errorf("%s = %#v, want %q", c.src, v, c.want)
		case c.want == "" && v.IsKnown():
			t.Errorf("%s = %#v, want unknown", c.src, v)
		case c.want == "" && !strings.HasPrefix(c.src, "fileexists") && (len(m.problems) != 1 || !strings.Contains(m.problems[0].Message, "lies outside the folders being linted")):
			t.Errorf("%s: problems %v, want the warning", c.src, m.problems)
		}
	}
	// Without roots (a library caller that sets none) nothing is refused.
	if v, _ := evalIn(t, repo, `file("../secret.txt")`); !v.IsKnown() || v.AsString() != "outside" {
		t.Errorf("without roots: %#v", v)
	}
}
