package terraform

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// jsonValue gives what the json package's own evaluation gives, value and
// whether it fails, for every kind of JSON expression.
func TestJSONValueIsTheJSONPackages(t *testing.T) {
	vars := map[string]cty.Value{
		"var":   cty.ObjectVal(map[string]cty.Value{"x": cty.StringVal("X"), "n": cty.NumberIntVal(3), "none": cty.NullVal(cty.String), "later": cty.UnknownVal(cty.String)}),
		"local": cty.ObjectVal(map[string]cty.Value{"r": cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)})}),
	}
	raw := map[string]function.Function{}
	for name, f := range stdFunctions {
		raw[name] = f
	}
	for _, src := range []string{
		`"plain"`, `""`, `"${var.x}"`, `"a-${var.x}-b"`, `"${var.n}"`, `"${var.n + 1}"`, `3`, `1.5`, `true`, `null`,
		`"%{ if var.n > 2 }big%{ else }small%{ endif }"`, `"%{ for i in local.r }${i},%{ endfor }"`,
		`"${[for i in local.r : i * 2]}"`, `"${{for i in local.r : \"k${i}\" => i}}"`, `"${upper(var.x)}"`,
		`"tab\there \"quoted\" \u00e9"`, `"$${literal}"`, `"${"`, `"${var.missing}"`,
		`[]`, `["a", "${var.x}", 2, [true, null]]`, `{}`, `{"a": 1, "b": "${var.x}"}`, `{"${var.x}": "v", "k": ["${var.n}"]}`,
		`{"a": 1, "a": 2}`, `{"${var.none}": 1}`, `{"${var.later}": 1, "b": 2}`, `{"${local.r}": 1}`,
		`{"nested": {"deep": ["${var.x}-${var.n}"]}}`,
	} {
		file, diags := json.Parse([]byte(`{"a": `+src+`}`), "test.tf.json")
		if diags.HasErrors() {
			t.Fatalf("%s: %v", src, diags)
		}
		attrs, _ := file.Body.JustAttributes()
		expr := attrs["a"].Expr
		want, wantDiags := expr.Value(&hcl.EvalContext{Variables: vars, Functions: raw})
		m := newModule(".")
		je, ok := asJSON(expr)
		if !ok {
			t.Fatalf("%s: not a JSON expression", src)
		}
		got, gotDiags := m.jsonValue(je, &hcl.EvalContext{Variables: vars, Functions: m.functions()})
		if !got.RawEquals(want) || gotDiags.HasErrors() != wantDiags.HasErrors() {
			t.Errorf("%s: jsonValue = %#v (errors %v), the json package gives %#v (errors %v)", src, got, gotDiags.HasErrors(), want, wantDiags.HasErrors())
		}
	}
}

// A for expression over a local, three levels deep, in a .tf.json file:
// the json package parsed and evaluated the template without the bounds'
// hooks, a billion iterations.
func TestJSONTemplatesAreBounded(t *testing.T) {
	src := `{"locals": {"r": "${range(1000)}"}, "resource": {"aws_eks_cluster": {"c": {"enabled_cluster_log_types": "${[for i in local.r : [for j in local.r : [for k in local.r : \"api\"]]]}"}}}}`
	m, _, problems := load(t, map[string]string{"main.tf.json": src}, Options{})
	if lt := m.Clusters[0].LogTypes; lt.Known() {
		t.Errorf("log types %+v, want unknown", lt)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "at most 25000 iterations") {
		t.Errorf("want one warning about the iterations, got %v", problems)
	}
}
