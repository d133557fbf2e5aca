package terraform

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTooDeepToParse: every way of nesting hcl's parser recurses through
// is measured, and a file deeper than maxNesting is refused at the place
// it crosses the bound; what real configurations hold passes.
func TestTooDeepToParse(t *testing.T) {
	n := maxNesting + 1
	rep := strings.Repeat
	deep := map[string]string{
		"brackets":         "x = " + rep("[", n) + rep("]", n),
		"parentheses":      "x = " + rep("(", n) + "1" + rep(")", n),
		"objects":          "x = " + rep("{a = ", n) + "1" + rep("}", n),
		"unary operators":  "x = " + rep("!", n) + "true",
		"negations":        "x = " + rep("-", n) + "1",
		"subtractions":     "x = 1" + rep("-1", n),
		"additions":        "x = 1" + rep(" + 1", n),
		"conditionals":     "x = " + rep("a ? b : ", n) + "c",
		"over lines":       "x = (1" + rep(" +\n1", n) + ")",
		"templates":        "x = \"" + rep("${\"", n) + rep("\"}", n) + "\"",
		"directives":       "x = \"" + rep("%{ if a }", n) + rep("%{ endif }", n) + "\"",
		"heredoc":          "x = <<EOT\n" + rep("${[", n) + rep("]}", n) + "\nEOT\n",
		"blocks":           rep("a {\n", n) + rep("}\n", n),
		"levels and items": rep("[1 + 1 + ", n/3+1) + "1" + rep("]", n/3+1),
		"closers in text":  "x = [" + rep("[\"]]\" ", n) + rep("]", n) + "]", // the strings' ] close nothing
		"closers in notes": "x = [\n" + rep("[ # ]\n", n) + rep("]", n) + "]",
	}
	for name, src := range deep {
		if at := hclNesting([]byte(src)); at < 0 {
			t.Errorf("%s: not refused", name)
		} else if at > len(src) {
			t.Errorf("%s: offset %d past the end", name, at)
		}
	}
	shallow := map[string]string{
		"names with dashes": "x = [" + rep("aws_security_group.node-sg-a-b-c.id, ", 5000) + "]",
		"a long list":       "x = [" + rep("1 + 1, ", 5000) + "]",
		"a long map":        "x = {\n" + rep("  a = 1 + 2\n", 5000) + "}",
		"many blocks":       rep("resource \"a\" \"b\" {\n  x = !var.y\n}\n", 5000),
		"openers in text":   "x = \"" + rep("[({", 5000) + "\"\ny = \"" + rep("$${[", 5000) + "\"",
		"openers in notes":  rep("# [[[[({\n// ((((\n/* {{{{ */\n", 2000),
		"a heredoc of text": "x = <<-EOT\n" + rep("[[[[(((({{{{ - - - !!!!\n", 2000) + "  EOT\ny = 1\n",
		"a policy":          "x = jsonencode({ Statement = [{ Effect = \"Allow\", Condition = " + rep("{ a = ", 900) + "1" + rep(" }", 900) + " }] })",
	}
	for name, src := range shallow {
		if at := hclNesting([]byte(src)); at >= 0 {
			t.Errorf("%s: refused at byte %d (%q)", name, at, src[max(0, at-20):min(len(src), at+20)])
		}
	}
	if jsonNesting([]byte(`{"x": `+rep("[", n)+rep("]", n)+`}`)) < 0 ||
		jsonNesting([]byte(`{"x": "`+rep(`${\"`, n)+rep(`\"}`, n)+`"}`)) < 0 {
		t.Error("deep JSON, or a deep template in a JSON string, not refused")
	}
	if at := jsonNesting([]byte(`{"x": "` + rep("[{", 5000) + `", "y": [` + rep(`"]]", `, 5000) + `1]}`)); at >= 0 {
		t.Errorf("brackets in JSON strings refused at %d", at)
	}
	if templateNesting([]byte(rep("%{ for x in y }", n)+rep("%{ endfor }", n))) < 0 {
		t.Error("a deep template file not refused")
	}
}

// TestNestingOfRealFiles: no file of the fixtures or testdata, real
// configurations among them, comes near the bound.
func TestNestingOfRealFiles(t *testing.T) {
	n := 0
	for _, root := range []string{"../../fixtures", "testdata", "../../../shared/corpora"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			lower := strings.ToLower(p)
			deep := hclNesting
			switch {
			case strings.HasSuffix(lower, ".tf.json"):
				deep = jsonNesting
			case strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tfvars"):
			default:
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			n++
			if at := deep(src); at >= 0 {
				t.Errorf("%s: refused at byte %d", p, at)
			}
			return nil
		})
	}
	if n < 50 {
		t.Fatalf("only %d files found", n)
	}
}
