package terraform

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
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
			p := parseShared("main.tf", src, nil)
			body = p.file.Body.(*hclsyntax.Body)
		} else {
			f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			body = f.Body.(*hclsyntax.Body)
		}
		// As sets: VisitAll walks a body's attributes in map order.
		before := map[hclsyntax.Expression]bool{}
		for _, e := range slots(body) {
			before[e] = true
		}
		prepareAll(body)
		after := slots(body)
		same := len(before) == len(after)
		for _, e := range after {
			same = same && before[e]
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
	write := func(name, text string) { mustWrite(t, filepath.Join(dir, name), text) }
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

// TestModulesKeepABoundedSource: a folder whose syntax does not fit in
// what the run's Modules may still keep is read by each root for itself,
// with the same result.
func TestModulesKeepABoundedSource(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, text := range map[string]string{
		"small/main.tf": "variable \"v\" {}\n",
		"big/main.tf":   "resource \"aws_eks_cluster\" \"c\" {\n  name     = \"big-${var.n}\"\n  role_arn = \"arn\"\n}\nvariable \"n\" {}\n",
		"root/main.tf":  "module \"s\" {\n  source = \"../small\"\n  v      = 1\n}\nmodule \"b\" {\n  source = \"../big\"\n  n      = 2\n}\n",
	} {
		mustWrite(t, name, text)
	}
	small := parseShared("small/main.tf", []byte("variable \"v\" {}\n"), nil).nodes
	mods := newModules(small + 10) // room for small/, not for big/ too
	files, _ := moduleFiles("root")
	for i := 0; i < 2; i++ {
		l := LoadModule("root", files, Options{Modules: mods})
		if len(l.Model.Clusters) != 1 || l.Model.Clusters[0].Name.Val != "big-2" {
			t.Fatalf("read %d: clusters %v, problems %v", i, l.Model.Clusters, l.Problems)
		}
	}
	keptSmall, _ := mods.folder("small")
	keptBig, _ := mods.folder("big")
	if keptSmall == nil || keptBig != nil || mods.room != 10 {
		t.Errorf("kept small/ %v, big/ %v, room left %d; want small/ only, 10 nodes left", keptSmall != nil, keptBig != nil, mods.room)
	}
}

// TestDecodeOncePerRoot: the decode functions decode each text once for a
// root module and the modules it calls, and give the same value and type
// as a call of their own.
func TestDecodeOncePerRoot(t *testing.T) {
	calls := 0
	counting := function.New(&function.Spec{
		Params: stdlib.JSONDecodeFunc.Params(),
		Type: func(args []cty.Value) (cty.Type, error) {
			calls++
			return stdlib.JSONDecodeFunc.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) { return stdlib.JSONDecodeFunc.Call(args) },
	})
	root := newModule(".")
	child := newModule("m")
	child.calls = root.calls
	text := []cty.Value{cty.StringVal(`{"items": [1, "two", {"three": 3}]}`)}
	want, _ := stdlib.JSONDecodeFunc.Call(text)
	for _, m := range []*module{root, child, root} {
		d, ok := m.decode("jsondecode", counting, text)
		if !ok || d.tyErr != nil || d.valErr != nil || !d.val.RawEquals(want) || !d.ty.Equals(want.Type()) {
			t.Fatalf("decode: %v %#v", ok, d)
		}
	}
	// ReturnTypeForValues, then Call (which asks for the type again): once.
	if calls != 2 {
		t.Errorf("the text was decoded by %d calls for its type, want 2 (one decode)", calls)
	}
	if _, ok := root.decode("jsondecode", counting, []cty.Value{cty.UnknownVal(cty.String)}); ok {
		t.Error("an unknown text is not decoded ahead")
	}
	if _, ok := root.decode("upper", counting, text); ok {
		t.Error("upper is not a decode function")
	}
}
