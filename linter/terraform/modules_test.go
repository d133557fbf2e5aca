package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestCallsPerRoot: each root follows up to MaxModuleCalls, less when many
// roots share the run's bound, never less than MinModuleCalls.
func TestCallsPerRoot(t *testing.T) {
	for roots, want := range map[int]int{0: 1000, 1: 1000, 10: 1000, 11: 909, 20: 500, 200: 50, 201: 50, 100000: 50} {
		if got := callsPerRoot(roots); got != want {
			t.Errorf("callsPerRoot(%d) = %d, want %d", roots, got, want)
		}
	}
}

// TestSharedSyntaxIsNotWrittenTo: the run's Modules share parsed files
// between roots read in parallel, so evaluating them must not write to them.
// prepare plants its hooks in an expression when it is first evaluated;
// in a shared file they are planted before (hookAll), and prepare then
// changes nothing. Without hookAll it would: the check can fail.
func TestSharedSyntaxIsNotWrittenTo(t *testing.T) {
	src := []byte(`locals {
  a = [for x in var.l : "${x}-y"]
  b = "p-${var.n}-${upper(var.n)}"
}
resource "aws_eks_node_group" "g" {
  tags = { for k, v in var.m : k => "${v}!" }
  dynamic "taint" {
    for_each = [for t in var.taints : t if t != ""]
    content {
      key = "k-${taint.value}"
    }
  }
}
`)
	// The slots prepare may write: every for expression's collection and
	// every template part.
	slots := func(body *hclsyntax.Body) []hclsyntax.Expression {
		var out []hclsyntax.Expression
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			switch e := n.(type) {
			case *hclsyntax.ForExpr:
				out = append(out, e.CollExpr)
			case *hclsyntax.TemplateExpr:
				out = append(out, e.Parts...)
			}
			return nil
		})
		return out
	}
	prepareAll := func(body *hclsyntax.Body) {
		m := newModule(".")
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			if a, ok := n.(*hclsyntax.Attribute); ok {
				m.prepare(a.Expr)
			}
			return nil
		})
	}
	for _, shared := range []bool{true, false} {
		var body *hclsyntax.Body
		if shared {
			p := parseShared("main.tf", src)
			body = p.file.Body.(*hclsyntax.Body)
		} else {
			f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			body = f.Body.(*hclsyntax.Body)
		}
		before := slots(body)
		prepareAll(body)
		after := slots(body)
		same := len(before) == len(after)
		for i := 0; same && i < len(before); i++ {
			same = before[i] == after[i]
		}
		if same != shared {
			t.Errorf("shared %v: prepare left the syntax unchanged: %v, want %v", shared, same, shared)
		}
	}
}

// TestModuleFolderIsReadOnceForTheRun: two roots call one module with
// different inputs; the run reads its folder once, and each root's
// instance sees its own inputs.
func TestModuleFolderIsReadOnceForTheRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mod/main.tf", `variable "public" {}
variable "zones" {}
resource "aws_eks_cluster" "c" {
  name     = "c-${var.public}-${join("", [for z in var.zones : upper(z)])}"
  role_arn = "arn"
  vpc_config {
    endpoint_public_access = var.public
  }
}
`)
	call := "module \"m\" {\n  source = \"../mod\"\n  public = %s\n  zones  = [\"a\", \"b\"]\n}\n"
	write("a/main.tf", fmt.Sprintf(call, "true"))
	write("b/main.tf", fmt.Sprintf(call, "false"))
	t.Chdir(dir)
	mods := NewModules()
	for root, want := range map[string]bool{"a": true, "b": false} {
		files, _ := moduleFiles(root)
		l := LoadModule(root, files, Options{Modules: mods, RootModules: 2})
		if len(l.Model.Clusters) != 1 {
			t.Fatalf("%s: %d clusters, problems %v", root, len(l.Model.Clusters), l.Problems)
		}
		c := l.Model.Clusters[0]
		if got := c.PublicEndpoint.Val; got != want || c.Name.Val != fmt.Sprintf("c-%v-AB", want) {
			t.Errorf("%s: cluster %q, public endpoint %v; want c-%v-AB and %v", root, c.Name.Val, got, want, want)
		}
	}
	if len(mods.folders) != 1 {
		t.Errorf("%d folders read, want mod only", len(mods.folders))
	}
}
