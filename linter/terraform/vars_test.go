package terraform

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

const typedVars = `variable "public" {
  type = bool
}
variable "cidrs" {
  type = list(string)
}
variable "anything" {
  type = any
}
variable "untyped" {}
variable "name" {
  type = string
}
variable "obj" {
  type = object({ public = optional(bool, true), cidr = string })
}
resource "aws_eks_cluster" "a" {
  name                      = var.name
  enabled_cluster_log_types = var.anything
  vpc_config {
    endpoint_public_access  = var.public
    public_access_cidrs     = var.cidrs
    endpoint_private_access = var.untyped
  }
}
resource "aws_eks_cluster" "b" {
  vpc_config {
    endpoint_public_access = var.obj.public
    public_access_cidrs    = [var.obj.cidr]
  }
}
`

func TestTypedFlagValues(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": typedVars}, Options{Vars: map[string]string{
		"public":   "true",
		"cidrs":    `["10.0.0.0/8"]`,
		"anything": `["api"]`,
		"untyped":  "true", // a string, which converts to bool like Terraform does
		"name":     `["not", "a", "list"]`,
		"obj":      `{ cidr = "1.2.3.4/32" }`,
	}})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	a, b := m.Clusters[0], m.Clusters[1]
	if !source.IsTrue(a.PublicEndpoint) || a.PublicEndpoint.Range.Start.Line != 21 {
		t.Errorf("bool --var: %+v", a.PublicEndpoint)
	}
	if len(a.PublicCIDRs.Val) != 1 || a.PublicCIDRs.Val[0].Val != "10.0.0.0/8" {
		t.Errorf("list --var: %+v", a.PublicCIDRs)
	}
	if len(a.LogTypes.Val) != 1 || a.LogTypes.Val[0].Val != "api" {
		t.Errorf("`any` parses as HCL: %+v", a.LogTypes)
	}
	if !source.IsTrue(a.PrivateEndpoint) {
		t.Errorf("untyped: %+v", a.PrivateEndpoint)
	}
	if a.Name.Val != `["not", "a", "list"]` {
		t.Errorf("a string variable takes the raw text: %+v", a.Name)
	}
	if !source.IsTrue(b.PublicEndpoint) || b.PublicCIDRs.Val[0].Val != "1.2.3.4/32" {
		t.Errorf("optional attribute defaults: %+v %+v", b.PublicEndpoint, b.PublicCIDRs)
	}
}

func TestBadVariableValues(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		want  string // problem: file:line: level: message fragment
	}{
		{"missing var-file", nil, Options{VarFiles: []string{"m/nope.tfvars"}}, "m/nope.tfvars:0: error: cannot read variables file: no such file"},
		{"unparsable var-file", map[string]string{"bad.tfvars": "public = \n"}, Options{VarFiles: []string{"m/bad.tfvars"}}, "m/bad.tfvars:1: error: invalid HCL:"},
		{"wrong type in tfvars", map[string]string{"terraform.tfvars": "name = \"x\"\npublic = \"maybe\"\n"}, Options{}, "m/terraform.tfvars:2: warning: the value of variable \"public\" is not a valid bool"},
		{"references in tfvars", map[string]string{"x.auto.tfvars": "public = var.other\n"}, Options{}, "m/x.auto.tfvars:1: error: invalid HCL: Variables not allowed"},
		{"unparsable --var", nil, Options{Vars: map[string]string{"cidrs": "[unterminated"}}, "m:0: warning: --var cidrs=[unterminated is not a valid list of string value"},
		{"wrong type --var", nil, Options{Vars: map[string]string{"public": `"maybe"`}}, "m:0: warning: the value of variable \"public\" is not a valid bool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"main.tf": typedVars}
			for k, v := range tt.files {
				files[k] = v
			}
			m, _, problems := load(t, files, tt.opts)
			if len(problems) != 1 {
				t.Fatalf("want one problem, got %v", problems)
			}
			p := problems[0]
			got := p.Range.Path() + ":" + strconv.Itoa(int(p.Range.Start.Line)) + ": " + p.Level.String() + ": " + p.Message
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got  %s\nwant %s…", got, tt.want)
			}
			if m.Clusters[0].PublicEndpoint.Known() {
				t.Errorf("a variable with a bad value is unknown: %+v", m.Clusters[0].PublicEndpoint)
			}
		})
	}
}

func TestAutoVarFilesInLexicalOrder(t *testing.T) {
	m, _, problems := load(t, map[string]string{
		"main.tf":            "variable \"name\" {}\nresource \"aws_eks_cluster\" \"c\" {\n  name = var.name\n}\n",
		"terraform.tfvars":   "name = \"tfvars\"\n",
		"b.auto.tfvars.json": `{"name": "b-json"}`,
		"a.auto.tfvars":      "name = \"a\"\n",
	}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if got := m.Clusters[0].Name.Val; got != "b-json" {
		t.Errorf("name %q: the last auto file in lexical order wins", got)
	}
}
