package terraform

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty/function"
)

// Every function whose parameters go-cty converts by unifying the
// elements' types gives through guard what it gives called directly, for
// tuples and objects of more elements than go-cty is left to unify.
func TestUnifiedArgumentsGiveWhatGoCtyGives(t *testing.T) {
	const xs = `[for i in range(100) : "s${i % 30}"]`
	const obj = `{for i in range(100) : "k${i}" => "v${i % 7}"}`
	const nums = `[for i in range(100) : i % 9]`
	const objs = `[for i in range(100) : {name = "n${i % 5}", size = i}]`
	raw := map[string]function.Function{}
	for name, f := range stdFunctions {
		raw[name] = f
	}
	for name, f := range terraformFunctions {
		raw[name] = f
	}
	for _, src := range []string{
		"distinct(" + xs + ")", "distinct(" + nums + ")", "distinct(" + objs + ")",
		"tolist(" + xs + ")", "toset(" + xs + ")", "toset(" + nums + ")", "tomap(" + obj + ")",
		"concat(" + xs + ", " + xs + ")", "slice(" + xs + ", 3, 50)", "reverse(" + xs + ")",
		"chunklist(" + xs + ", 7)", "compact(" + xs + ")", "coalescelist([], " + xs + ")",
		"length(" + xs + ")", "contains(" + xs + `, "s3")`, "element(" + xs + ", 42)", "setproduct(" + xs + `, ["a", "b"])`,
		"setunion(" + xs + `, ["x"])`, "setintersection(" + xs + ", " + xs + ")", "setsubtract(" + xs + `, ["s1"])`,
		"keys(" + obj + ")", "values(" + obj + ")", "lookup(" + obj + `, "k5", "d")`, "merge(" + obj + ", {a = 1})",
		"jsonencode(" + objs + ")", "zipmap(" + xs + ", " + nums + ")", "flatten([" + xs + ", " + xs + "])",
		"alltrue([for x in " + xs + ` : x != ""])`, "sum(" + nums + ")", "join(\",\", " + xs + ")", "sort(" + xs + ")",
		"one(slice(" + xs + ", 0, 1))", "max(" + nums + "...)",
		// Few elements, or of different types: converted as hcl converts them.
		`setunion(["a"], ["b"])`, `distinct([1, "1", true])`, `concat(["a"], [1])`, `tomap({a = 1, b = "x"})`,
		"distinct(concat(" + xs + ", [1]))", `coalescelist([], [{a = 1}, {a = 2, b = 3}])`, `toset(null)`,
	} {
		expr := parseExpr(t, src)
		want, diags := expr.Value(&hcl.EvalContext{Functions: raw})
		if diags.HasErrors() {
			t.Fatalf("%s, called directly: %v", src, diags)
		}
		got, m := evalIn(t, t.TempDir(), src)
		if len(m.problems) > 0 || !got.RawEquals(want) {
			t.Errorf("%s through guard = %#v (problems %v), want %#v", src, got, m.problems, want)
		}
	}
}

// A tuple of 20,000 strings is converted in one pass: go-cty compared the
// type of each element with every other, five minutes for distinct. Past
// maxUnify elements of different types, the value is unknown, with a
// warning.
func TestLargeTuplesAreUnifiedInLinearTime(t *testing.T) {
	start := time.Now()
	v, m := evalIn(t, t.TempDir(), `distinct(flatten([for i in range(1000) : [for j in range(20) : "${i}-${j}"]]))`)
	if !v.IsKnown() || v.LengthInt() != 20000 || len(m.problems) > 0 {
		t.Errorf("distinct of 20,000 strings: %d elements, problems %v", v.LengthInt(), m.problems)
	}
	for _, src := range []string{
		`tolist(flatten([for i in range(1000) : [for j in range(20) : "${i}-${j}"]]))`,
		`toset(flatten([for i in range(1000) : [for j in range(20) : "${i}-${j}"]]))`,
		`tomap(merge([for i in range(1000) : {for j in range(20) : "${i}-${j}" => j}]...))`,
		`setproduct(flatten([for i in range(1000) : [for j in range(5) : "${i}-${j}"]]), ["a"])`,
		`length(concat([for i in range(1000) : [for j in range(20) : "${i}-${j}"]]...))`,
	} {
		if v, m := evalIn(t, t.TempDir(), src); !v.IsKnown() || len(m.problems) > 0 {
			t.Errorf("%s: %#v, problems %v", src, v, m.problems)
		}
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %s", d)
	}
	v, m = evalIn(t, t.TempDir(), `toset(flatten([for i in range(1000) : [i, "s${i}", true]]))`)
	if v.IsKnown() || len(m.problems) != 1 || !strings.Contains(m.problems[0].Message, "toset(...) is given 3000 values of different types; ekslint converts at most 2000") {
		t.Errorf("toset of 3,000 values of three types: %#v, problems %v", v, m.problems)
	}
}
