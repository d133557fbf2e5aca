package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// evalIn evaluates src as an expression of a root module in dir.
func evalIn(t *testing.T, dir, src string) (cty.Value, *module) {
	t.Helper()
	m := moduleIn(dir)
	return m.eval(parseExpr(t, src)), m
}

// moduleIn is a root module in dir, with nothing read.
func moduleIn(dir string) *module {
	m := newModule(filepath.ToSlash(dir))
	m.root = m.dir
	return m
}

// parseExpr parses src as an expression of test.tf.
func parseExpr(t *testing.T, src string) hclsyntax.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", src, diags)
	}
	return expr
}

func TestTerraformFunctions(t *testing.T) {
	for src, want := range map[string]string{
		`cidrsubnet("10.0.0.0/16", 8, 2)`:                   "10.0.2.0/24",
		`cidrsubnet("10.0.0.0/8", 8, 255)`:                  "10.255.0.0/16",
		`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`:   "fd00:fd12:3456:7800:a200::/72",
		`cidrhost("10.12.112.0/20", 16)`:                    "10.12.112.16",
		`cidrhost("10.12.112.0/20", -2)`:                    "10.12.127.254",
		`cidrnetmask("172.16.0.0/12")`:                      "255.240.0.0",
		`join(",", cidrsubnets("10.1.0.0/16", 4, 4, 8, 4))`: "10.1.0.0/20,10.1.16.0/20,10.1.32.0/24,10.1.48.0/20",
		`base64encode("hello")`:                             "aGVsbG8=",
		`base64decode("aGVsbG8=")`:                          "hello",
		`md5("hello")`:                                      "5d41402abc4b2a76b9719d911017c592",
		`sha256("hello")`:                                   "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
		`base64sha256("hello")`:                             "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=",
		`basename("a/b/c.txt")`:                             "c.txt",
		`dirname("a/b/c.txt")`:                              "a/b",
		`yamlencode({a = "b"})`:                             "\"a\": \"b\"\n",
		`yamldecode("groups: [system:masters]").groups[0]`:  "system:masters",
		`tostring(one(["x"]))`:                              "x",
		`tostring(alltrue([true, true]))`:                   "true",
		`tostring(anytrue([false, false]))`:                 "false",
		`tostring(sum([1, 2, 3.5]))`:                        "6.5",
		`nonsensitive(sensitive("s"))`:                      "s",
		`urlencode("a b&c")`:                                "a+b%26c",
	} {
		v, _ := evalIn(t, t.TempDir(), src)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String || v.AsString() != want {
			t.Errorf("%s = %#v, want %q", src, v, want)
		}
	}
	// Wrong arguments are unknown, never a panic.
	for _, src := range []string{`cidrsubnet("10.0.0.0/30", 8, 1)`, `cidrhost("nonsense", 1)`, `one([1, 2])`,
		`sum([])`, `cidrsubnets("10.0.0.0/30", 1, 1, 1)`, `base64decode("!!")`, `cidrnetmask("fd00::/8")`} {
		if v, _ := evalIn(t, t.TempDir(), src); v.IsKnown() {
			t.Errorf("%s = %#v, want unknown", src, v)
		}
	}
}

func TestFileFunctions(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, filepath.Join(dir, "policy.json"), `{"Action": "*"}`)
	mustWrite(t, filepath.Join(dir, "tpl", "roles.tpl"), "%{ for r in roles ~}\n- ${r}\n%{ endfor ~}\n")
	mustWrite(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", MaxFileSize+1))
	for src, want := range map[string]string{
		`file("policy.json")`:                                 `{"Action": "*"}`,
		`file("${path.module}/policy.json")`:                  `{"Action": "*"}`,
		`jsondecode(file("policy.json")).Action`:              "*",
		`filebase64("policy.json")`:                           "eyJBY3Rpb24iOiAiKiJ9",
		`tostring(fileexists("policy.json"))`:                 "true",
		`tostring(fileexists("missing.json"))`:                "false",
		`templatefile("tpl/roles.tpl", {roles = ["a", "b"]})`: "- a\n- b\n",
	} {
		v, _ := evalIn(t, dir, src)
		if !v.IsKnown() || v.Type() != cty.String || v.AsString() != want {
			t.Errorf("%s = %#v, want %q", src, v, want)
		}
	}
	// Unknowable: a missing file, an absolute or home path, a template
	// with unknown variables. None is a problem.
	for _, src := range []string{`file("missing.json")`, `file("/etc/hostname")`, `file("~/.ssh/id_rsa.pub")`,
		`templatefile("tpl/roles.tpl", {roles = var.roles})`} {
		v, m := evalIn(t, dir, src)
		if v.IsKnown() || len(m.problems) != 0 {
			t.Errorf("%s = %#v, problems %v; want unknown and no problem", src, v, m.problems)
		}
	}
	// Over the size bound: unknown, with a located warning.
	v, m := evalIn(t, dir, `file("big.txt")`)
	if v.IsKnown() || len(m.problems) != 1 || !strings.Contains(m.problems[0].Message, "big.txt is larger than 1 MiB, the most ekslint reads through file functions") {
		t.Errorf("big file: %#v, problems %v", v, m.problems)
	}
}

func mustWrite(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestYAMLDecodeBounds: cty's YAML decoder has no bound of its own (a
// deep file ran for minutes, aliases copy their anchor at every use), so
// yamldecode first measures what it is given: too deep, too many values
// once aliases are followed, or refused by yaml.v3, and the value is
// unknown with a warning, in bounded time. Ordinary YAML still decodes,
// aliases included.
func TestYAMLDecodeBounds(t *testing.T) {
	dir := t.TempDir()
	var laughs strings.Builder
	laughs.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&laughs, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	mustWrite(t, filepath.Join(dir, "laughs.yaml"), laughs.String())
	mustWrite(t, filepath.Join(dir, "deep.yaml"), strings.Repeat("[", 400000)+strings.Repeat("]", 400000)+"\n")
	mustWrite(t, filepath.Join(dir, "nested.yaml"), strings.Repeat("- ", 300)+"x\n")
	mustWrite(t, filepath.Join(dir, "anchors.yaml"), "base: &b {team: a}\nprod: *b\n")
	for src, want := range map[string]string{
		`yamldecode(file("laughs.yaml")).a0[0]`: "aliases expand",
		`yamldecode(file("deep.yaml"))`:         "parser refuses",
		`yamldecode(file("nested.yaml"))`:       "nested more than",
	} {
		done := make(chan struct{})
		var v cty.Value
		var m *module
		go func() { v, m = evalIn(t, dir, src); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s did not end", src)
		}
		if v.IsKnown() || len(m.problems) != 1 || !strings.Contains(m.problems[0].Message, want) {
			t.Errorf("%s = %#v, problems %v; want unknown and one about %q", src, v, m.problems, want)
		}
	}
	if v, _ := evalIn(t, dir, `yamldecode(file("anchors.yaml")).prod.team`); !v.IsKnown() || v.AsString() != "a" {
		t.Errorf("an ordinary alias: %#v", v)
	}
}
