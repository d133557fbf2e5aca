package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ekslint/ekslint/linter/source"
)

// tokenSamples are texts where hcl's scanner makes the most tokens of the
// fewest bytes, or where a count could be fooled: numbers running into
// names, strings, templates, heredocs, comments, bytes beyond ASCII.
var tokenSamples = []string{
	"",
	"a = [1,1,1,1]\n",
	"a = 1a 2b 3c\n",
	"a = 1.5e+3 0x1F 1..2 a.0.b\n",
	"a = \"${b}${c}%{if d}e%{endif}\\n\\t\\\"\"\n",
	"a = <<EOT\nx ${y}\n  z\nEOT\nb = <<-X\n  q\n  X\n",
	"# c\n// d\n/* e */ a = 1\n",
	"a = \"€€€\" b = é c = \xff\xfe\x00\x01\n",
	"a = é€\n# → x\nb = \"€ ${c} é\" // ü\n€ = <<E\n  ü ${x}\nE\n",
	"a = !!!!-1 == 2 && b || c ? d : e...\n",
	"a = [for k, v in x : k => v...]\n",
	"\"\"\"\"\"\"\"\"${}${}${}\"\n",
	"a=\"unterminated\nb=1\n",
	"resource \"aws_eks_cluster\" \"c\" {\n  name = \"x\"\n}\n",
}

// TestTokenBoundCountsNoFewerThanHCL: the count is an upper bound of the
// tokens hcl's native scanner makes, so that a file it lets through holds
// no more than maxTokens. Checked on the samples and on every native
// syntax file of the fixtures.
func TestTokenBoundCountsNoFewerThanHCL(t *testing.T) {
	texts := map[string]string{}
	for i, s := range tokenSamples {
		texts[string(rune('a'+i))] = s
	}
	err := filepath.WalkDir("../../fixtures", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			texts[p] = string(src)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < len(tokenSamples)+50 {
		t.Fatalf("only %d texts: the fixtures were not found", len(texts))
	}
	for name, text := range texts {
		checkTokenBound(t, name, []byte(text))
	}
}

func checkTokenBound(t *testing.T, name string, src []byte) {
	t.Helper()
	toks, _ := hclsyntax.LexConfig(src, "f.tf", hcl.InitialPos)
	n := len(toks)
	if n > len(src)+1 {
		t.Fatalf("%s: %d tokens of %d bytes: the count's shortcut (no more tokens than bytes) is wrong", name, n, len(src))
	}
	if n > 1 && tokenBound(src, n-1) < 0 {
		t.Errorf("%s: the count stays within %d, but hcl makes %d tokens", name, n-1, n)
	}
	if n > 1 && bytesBound(src, n-1) < 0 {
		t.Errorf("%s: the count byte by byte stays within %d, but hcl makes %d tokens", name, n-1, n)
	}
	// A template for templatefile() is counted byte by byte too.
	toks, _ = hclsyntax.LexTemplate(src, "f.tpl", hcl.InitialPos)
	if n := len(toks); n > len(src)+1 || n > 1 && bytesBound(src, n-1) < 0 {
		t.Errorf("%s: the count byte by byte stays under the %d tokens of the template", name, n)
	}
}

func FuzzTokenBound(f *testing.F) {
	for _, s := range tokenSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { checkTokenBound(t, "input", src) })
}

func TestTokenBoundSaysWhere(t *testing.T) {
	src := []byte("[1,1,1]   \n") // the end, seven tokens, no blanks and a newline
	if at := tokenBound(src, 8); at != 10 {
		t.Errorf("the ninth token past a limit of 8 at %d, want 10 (the newline)", at)
	}
	if at := tokenBound(src, 9); at != -1 {
		t.Errorf("nine tokens past a limit of 9 at %d", at)
	}
	// A file of fewer bytes than the limit is not counted, and cannot pass it.
	if at := tokenBound([]byte("[1,1,1]"), 8); at != -1 {
		t.Errorf("7 bytes past a limit of 8 at %d", at)
	}
}

func TestJSONTokenBound(t *testing.T) {
	// { "a" : [ 1 , 2 ] , "b\"c" : true } and the end: 14 tokens.
	src := []byte(`{"a": [1, 2], "b\"c" : true}` + "\n")
	if at := jsonTokenBound(src, 13); at != len(src)-2 {
		t.Errorf("the 14th token past a limit of 13 at %d, want %d (the last brace)", at, len(src)-2)
	}
	if at := jsonTokenBound(src, 14); at != -1 {
		t.Errorf("14 tokens past a limit of 14 at %d", at)
	}
	// A string that does not end is one token, and where it starts is
	// where the count passes.
	src = []byte(`[1, "abc\`)
	if at := jsonTokenBound(src, 4); at != 4 {
		t.Errorf("the unterminated string past a limit of 4 at %d, want 4", at)
	}
}

// TestModuleTokens: a module folder's files share one bound, whether the
// folder is a root's or a called module's read once for the run: the
// file past which they hold too many together is refused, and the ones
// after it, each under the bound alone.
func TestModuleTokens(t *testing.T) {
	defer func(n int) { maxModuleTokens = n }(maxModuleTokens)
	maxModuleTokens = 2500
	// a.tf: 1,002 tokens (the end, the list's 999 and the locals block's
	// 2 lines, "locals", "{", "a", "=", newlines); b.tf as many, c.tf past.
	list := func(name string) string {
		return "locals {\n  " + name + " = [" + strings.Repeat("1,", 495) + "1]\n}\n"
	}
	files := map[string]string{"a.tf": list("a"), "b.tf": list("b"), "c.tf": list("c"), "d.tf": list("d")}
	check := func(t *testing.T, problems []source.Problem) {
		t.Helper()
		var refused []string
		for _, p := range problems {
			if strings.Contains(p.Message, "the files of this module hold more than 2500 tokens together") {
				refused = append(refused, p.Range.Path())
			}
		}
		if strings.Join(refused, " ") != "c.tf d.tf" && strings.Join(refused, " ") != "m/c.tf m/d.tf" {
			t.Errorf("refused %v, want c.tf and d.tf; problems %v", refused, problems)
		}
	}
	t.Run("root", func(t *testing.T) {
		_, problems := loadWithin(t, files, "reading the module is not bounded")
		check(t, problems)
	})
	t.Run("shared", func(t *testing.T) {
		dir := t.TempDir()
		for name, src := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		f := readFolder(filepath.ToSlash(dir))
		var problems []source.Problem
		for _, p := range f.parsed {
			if p.refused != nil {
				pr := *p.refused
				pr.Range.File = source.FileOf("m/" + filepath.Base(pr.Range.Path()))
				problems = append(problems, pr)
			}
		}
		sort.Slice(problems, func(i, j int) bool { return problems[i].Range.Path() < problems[j].Range.Path() })
		check(t, problems)
	})
}

// TestRootTokens: the files one root module reads share a bound, its own
// and each called folder's once: the call whose folder would pass it is
// not read, with a warning at it, and a second call of a folder already
// read costs nothing.
func TestRootTokens(t *testing.T) {
	defer func(n int) { maxRootTokens = n }(maxRootTokens)
	maxRootTokens = 2600
	dir := t.TempDir()
	write := func(name, text string) { mustWrite(t, filepath.Join(dir, name), text) }
	for _, m := range []string{"a", "b", "c"} {
		// 1,002 tokens, as in TestModuleTokens.
		write(m+"/main.tf", "locals {\n  x = ["+strings.Repeat("1,", 495)+"1]\n}\n")
	}
	write("root/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nmodule \"a2\" {\n  source = \"../a\"\n}\nmodule \"b\" {\n  source = \"../b\"\n}\nmodule \"c\" {\n  source = \"../c\"\n}\nmodule \"c2\" {\n  source = \"../c\"\n}\n")
	t.Chdir(dir)
	files, _ := moduleFiles("root")
	l := LoadModule("root", files, Options{Modules: NewModules(), RootModules: 1})
	var warned []string
	for _, p := range l.Problems {
		if strings.Contains(p.Message, "more than 2600 tokens together") {
			warned = append(warned, fmt.Sprintf("%s:%d", p.Range.Path(), p.Range.Start.Line))
		}
	}
	if strings.Join(warned, " ") != "root/main.tf:11 root/main.tf:14" {
		t.Errorf("warned at %v, want root/main.tf:11 and 14 (modules c's and c2's source); problems %v", warned, l.Problems)
	}
	if got := strings.Join(l.Modules, " "); got != "a a b" {
		t.Errorf("modules read %q, want a twice and b", got)
	}
}
