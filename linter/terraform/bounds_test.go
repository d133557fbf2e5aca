package terraform

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// TestEvaluationIsBounded: expressions that ask for huge amounts of work
// finish quickly, are unknown, and are reported at the expression.
func TestEvaluationIsBounded(t *testing.T) {
	var doubling strings.Builder
	doubling.WriteString("locals {\n  d0 = \"xxxxxxxxxxxxxxxx\"\n  l0 = [\"x\"]\n")
	for i := 1; i <= 60; i++ {
		doubling.WriteString("  d" + itoa(i) + " = \"${local.d" + itoa(i-1) + "}${local.d" + itoa(i-1) + "}\"\n")
		doubling.WriteString("  l" + itoa(i) + " = [local.l" + itoa(i-1) + ", local.l" + itoa(i-1) + "]\n")
	}
	doubling.WriteString("}\n")
	tests := []struct {
		name, expr string
		extra      string
		line       int // where the problem is reported
	}{
		{"nested for loops", `[for i in range(1000) : [for j in range(1000) : "api"]]`, "", 2},
		{"nested loops over a local", `[for i in local.r : [for j in local.r : [for k in local.r : "api"]]]`, "locals {\n  r = range(500)\n}\n", 2},
		{"doubling text", `[local.d60]`, doubling.String(), 0},
		{"doubling lists", `flatten(local.l60)`, doubling.String(), 0},
		{"format width", `[format("%999999999d", 1)]`, "", 2},
		{"indent", `[indent(999999999, "a\nb")]`, "", 2},
		{"setproduct", `setproduct(range(1000), range(1000))`, "", 2},
		{"join", `[join(local.big, range(1000))]`, "locals {\n  big = join(\"\", [for i in range(1000) : \"${local.s}\"])\n  s   = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n}\n", 2},
		{"deep jsondecode", `jsondecode(local.j)`, "locals {\n  j = \"" + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + "\"\n}\n", 2},
		{"replace", `[replace(local.s, "", local.s)]`, "locals {\n  s = join(\"\", [for i in range(1000) : \"xxxxxxxxxx\"])\n}\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "resource \"aws_eks_cluster\" \"a\" {\n  enabled_cluster_log_types = " + tt.expr + "\n}\n" + tt.extra
			// The bound is the work budget the warning below proves was
			// spent; the clock only catches a hang, with room for a loaded
			// machine (speed is measured by the benchmarks, not here).
			start := time.Now()
			m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %s: evaluation is not bounded", d)
			}
			if types := m.Clusters[0].LogTypes; types.Known() && (len(types.Val) != 1 || types.Val[0].Known()) {
				t.Errorf("log types %+v, want unknown", types)
			}
			if tt.line == 0 && len(problems) > 0 {
				problems = problems[:1] // a chain of locals is cut each time it grows too large again
			}
			if len(problems) != 1 || problems[0].Level != source.LevelWarning || !strings.Contains(problems[0].Message, "at most") {
				t.Fatalf("want one warning about a bound, got %v", problems)
			}
			if tt.line != 0 && int(problems[0].Range.Start.Line) != tt.line {
				t.Errorf("reported at %s, want line %d", problems[0].Range, tt.line)
			}
		})
	}
}

// TestOrdinaryEvaluationIsNotBounded: everyday expressions stay known.
func TestOrdinaryEvaluationIsNotBounded(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `locals {
  subnets = { for i in range(100) : "s${i}" => { az = "eu-west-1${["a", "b", "c"][i % 3]}", cidr = "10.0.${i}.0/24" } }
  types   = distinct(flatten([for k, s in local.subnets : ["api", "audit"]]))
  policy  = jsonencode({ Statement = [for k, s in local.subnets : { Resource = s.cidr }] })
}
resource "aws_eks_cluster" "a" {
  name                      = substr(local.policy, 0, 5)
  enabled_cluster_log_types = local.types
  vpc_config {
    public_access_cidrs = [for k in sort(keys(local.subnets)) : local.subnets[k].cidr if k == "s7"]
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := m.Clusters[0]
	if c.Name.Val != `{"Sta` || len(c.LogTypes.Val) != 2 || c.PublicCIDRs.Val[0].Val != "10.0.7.0/24" {
		t.Errorf("name %+v types %+v cidrs %+v", c.Name, c.LogTypes, c.PublicCIDRs)
	}
}

func TestUnknownFunctions(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_eks_cluster" "a" {
  name                      = templatefile("x.tpl", {})
  enabled_cluster_log_types = ["api", file("types.txt"), provider::aws::arn_parse("x").service]
  vpc_config {
    public_access_cidrs = [format("%s/8", timestamp()), "192.168.0.0/16"]
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatalf("an unknown function is not a problem: %v", problems)
	}
	c := m.Clusters[0]
	if c.Name.Known() {
		t.Errorf("name %+v", c.Name)
	}
	types := c.LogTypes.Val
	if !c.LogTypes.Known() || len(types) != 3 || types[0].Val != "api" || types[1].Known() || types[2].Known() {
		t.Errorf("a list with unknown calls is known, with unknown elements: %+v", c.LogTypes)
	}
	if cidrs := c.PublicCIDRs.Val; len(cidrs) != 2 || cidrs[0].Known() || cidrs[1].Val != "192.168.0.0/16" {
		t.Errorf("cidrs %+v", c.PublicCIDRs)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestManyRolesStayLinear: a for_each over thousands of roles, and as many
// attachments and node groups naming them (by name, and by reference to
// their instances), is read in time proportional to its size. Resolving
// each of them by a scan of every role or instance took about fifteen
// seconds here; the clock leaves room for a loaded machine.
func TestManyRolesStayLinear(t *testing.T) {
	const n = MaxInstances
	var src strings.Builder
	keysLocal(&src, "roles", "r", n)
	src.WriteString(`resource "aws_iam_role" "r" {
  for_each           = local.roles
  name               = each.key
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy_attachment" "by_name" {
  for_each   = local.roles
  role       = each.key
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"
}
resource "aws_iam_role_policy_attachment" "by_ref" {
  for_each   = local.roles
  role       = aws_iam_role.r[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
}
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = aws_iam_role.r["r0"].arn
}
resource "aws_eks_node_group" "g" {
  for_each      = local.roles
  cluster_name  = aws_eks_cluster.c.name
  node_role_arn = aws_iam_role.r[each.key].arn
}
`)
	m, problems := loadWithin(t, map[string]string{"main.tf": src.String()}, "resolving roles is not linear")
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if len(m.IAM.Roles) != n || len(m.NodeGroups) != n {
		t.Fatalf("%d roles, %d node groups, want %d of each", len(m.IAM.Roles), len(m.NodeGroups), n)
	}
	last := m.NodeGroups[n-1]
	if last.Role == nil || len(last.Role.Policies) != 2 || last.Role.Policies[0].Val != "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy" {
		t.Fatalf("node group %s: role %+v", last.Address, last.Role)
	}
}

// TestManyTemplatesByName: thousands of node groups naming thousands of
// launch templates by name (launch_template { name = "lt-${each.key}" })
// are linked in time proportional to their number. A scan of every
// template for each group, evaluating each template's name, took about
// ninety seconds for 2,000 here (the square of it for 10,000).
func TestManyTemplatesByName(t *testing.T) {
	const n = MaxInstances
	var src strings.Builder
	keysLocal(&src, "ks", "k", n)
	src.WriteString(`resource "aws_launch_template" "lt" {
  for_each               = local.ks
  name                   = "lt-${each.key}"
  vpc_security_group_ids = ["sg-${each.key}"]
  metadata_options {
    http_tokens = "required"
  }
}
resource "aws_eks_node_group" "g" {
  for_each = local.ks
  launch_template {
    name    = "lt-${each.key}"
    version = 1
  }
}
`)
	m, problems := loadWithin(t, map[string]string{"main.tf": src.String()}, "finding launch templates by name is not linear")
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if len(m.NodeGroups) != n {
		t.Fatalf("%d node groups, want %d", len(m.NodeGroups), n)
	}
	last := m.NodeGroups[n-1]
	if lt := last.LaunchTemplate; lt == nil || lt.Address != `aws_launch_template.lt["k9999"]` || lt.HTTPTokens.Val != "required" {
		t.Fatalf("node group %s: launch template %+v", last.Address, last.LaunchTemplate)
	}
}

// TestHostilePolicies: policy documents nested thousands deep, with tens
// of thousands of statements, or decoded from deeply nested JSON are read
// in bounded time without a crash, and what they grant is still seen.
func TestHostilePolicies(t *testing.T) {
	deep := `"x"`
	// As deep as a file may nest and still be parsed (maxNesting; a
	// deeper file is refused whole, TestTooDeepToParse).
	for i := 0; i < maxNesting-100; i++ {
		deep = "{ a = " + deep + " }"
	}
	var many strings.Builder
	many.WriteString(`{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}`)
	for i := 0; i < 20000; i++ {
		many.WriteString(`, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/` + itoa(i) + `"}`)
	}
	many.WriteString(`]}`)
	deepJSON := strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000)
	src := `variable "n" {}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "deep" {
  count  = var.n
  role   = aws_iam_role.r.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*", Condition = ` + deep + ` }] })
}
resource "aws_iam_role_policy" "many" {
  role   = aws_iam_role.r.name
  policy = <<EOT
` + many.String() + `
EOT
}
resource "aws_iam_role_policy" "decoded" {
  role   = aws_iam_role.r.name
  policy = jsonencode(jsondecode(local.deep_json))
}
locals {
  deep_json = "` + strings.ReplaceAll(deepJSON, `"`, `\"`) + `"
}
`
	m, _ := loadWithin(t, map[string]string{"main.tf": src}, "reading policies is not bounded")
	if len(m.IAM.Roles) != 1 {
		t.Fatalf("%d roles", len(m.IAM.Roles))
	}
	wildcards := 0
	for _, st := range m.IAM.Roles[0].Statements {
		if len(st.Actions) == 1 && st.Actions[0] == "*" {
			wildcards++
		}
	}
	// Of the many, as many as a document can hold are read.
	if n := len(m.IAM.Roles[0].Statements); wildcards != 2 || n != 1+iampolicy.MaxStatements {
		t.Errorf("%d statements, %d granting every action; want %d and 2 (the deep one and the first of the many)", n, wildcards, 1+iampolicy.MaxStatements)
	}
	if m.IAM.Roles[0].Complete {
		t.Error("a role with a document cut short is complete")
	}
}

// TestLongTrustPolicyOfManyRoles: a role with thousands of instances and a
// trust policy of a megabyte is told a workload role once, not once per
// instance (which scanned ten gigabytes of text, about forty seconds here).
func TestLongTrustPolicyOfManyRoles(t *testing.T) {
	const n = MaxInstances
	var src strings.Builder
	keysLocal(&src, "ks", "k", n)
	src.WriteString("resource \"aws_iam_role\" \"r\" {\n  for_each = local.ks\n  name     = each.key\n  assume_role_policy = <<EOT\n{\"Statement\": [\n")
	for i := 0; i < 8000; i++ {
		src.WriteString(`{"Sid": "s` + itoa(i) + `", "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}},` + "\n")
	}
	src.WriteString(`{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Principal": {"Service": "pods.eks.amazonaws.com"}}]}` + "\nEOT\n}\n")
	m, problems := loadWithin(t, map[string]string{"main.tf": src.String()}, "reading trust policies is not linear")
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if len(m.IAM.Roles) != n || m.IAM.Roles[n-1].Use != model.WorkloadRole {
		t.Fatalf("%d roles, the last used as %v; want %d workload roles", len(m.IAM.Roles), m.IAM.Roles[len(m.IAM.Roles)-1].Use, n)
	}
}

// TestLongInlinePolicyOfManyRoles: a role with thousands of instances and
// an inline policy of 8,000 statements (far beyond IAM's 10,240
// characters) is parsed once and read up to iampolicy.MaxStatements per
// instance: parsing it per instance and keeping every statement of every
// instance took over fifteen minutes for 10,000 instances here.
func TestLongInlinePolicyOfManyRoles(t *testing.T) {
	const n = 2000
	var src strings.Builder
	keysLocal(&src, "ks", "k", n)
	src.WriteString("resource \"aws_iam_role\" \"r\" {\n  for_each           = local.ks\n  name               = each.key\n  assume_role_policy = \"{}\"\n  inline_policy {\n    name   = \"p\"\n    policy = <<EOT\n{\"Statement\": [\n")
	for i := 0; i < 8000; i++ {
		src.WriteString(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/` + itoa(i) + `"},` + "\n")
	}
	src.WriteString(`{"Effect": "Allow", "Action": "*", "Resource": "*"}]}` + "\nEOT\n  }\n}\n")
	m, problems := loadWithin(t, map[string]string{"main.tf": src.String()}, "reading inline policies is not bounded")
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	if len(m.IAM.Roles) != n {
		t.Fatalf("%d roles, want %d", len(m.IAM.Roles), n)
	}
	if r := m.IAM.Roles[n-1]; len(r.Statements) != iampolicy.MaxStatements || r.Complete {
		t.Errorf("last role: %d statements, complete %v; want %d, incomplete", len(r.Statements), r.Complete, iampolicy.MaxStatements)
	}
}

// hangGuard is how long a bounded input may take before a test calls it
// unbounded: far above what it takes (a few seconds on a loaded 2-core
// machine), far below what the quadratic or exponential versions took
// (minutes). Speed itself is measured by the benchmarks, not here.
const hangGuard = 60 * time.Second

// keysLocal writes locals { name = { <prefix>0 = 0, … } } with n keys, the
// for_each of the tests below.
func keysLocal(src *strings.Builder, name, prefix string, n int) {
	src.WriteString("locals {\n  " + name + " = {")
	for i := 0; i < n; i++ {
		src.WriteString(" " + prefix + itoa(i) + " = " + itoa(i) + ",")
	}
	src.WriteString(" }\n}\n")
}

// loadWithin loads a module and fails when it takes past hangGuard; what
// says what was not bounded.
func loadWithin(t *testing.T, files map[string]string, what string) (*model.Model, []source.Problem) {
	t.Helper()
	start := time.Now()
	m, _, problems := load(t, files, Options{})
	if d := time.Since(start); d > hangGuard {
		t.Errorf("took %s: %s", d, what)
	}
	return m, problems
}

// TestMeasureSeesMarks: measure's marked is cty's ContainsMarked, which
// eval no longer calls, for marks at every depth and in every kind of
// container.
func TestMeasureSeesMarks(t *testing.T) {
	m := cty.StringVal("m").Mark("sensitive")
	s := cty.StringVal("s")
	values := []cty.Value{
		s, m, cty.NullVal(cty.String), cty.NullVal(cty.String).Mark(1), cty.UnknownVal(cty.String).Mark(1),
		cty.DynamicVal, cty.ListValEmpty(cty.String), cty.ListValEmpty(cty.String).Mark(1),
		cty.ListVal([]cty.Value{s, s}), cty.ListVal([]cty.Value{s, m}), cty.ListVal([]cty.Value{s}).Mark(1),
		cty.TupleVal([]cty.Value{s, cty.NumberIntVal(1)}), cty.TupleVal([]cty.Value{cty.NumberIntVal(1), m}),
		cty.SetVal([]cty.Value{s}), cty.SetVal([]cty.Value{m}),
		cty.MapVal(map[string]cty.Value{"a": s}), cty.MapVal(map[string]cty.Value{"a": s, "b": m}),
		cty.ObjectVal(map[string]cty.Value{"a": s}), cty.ObjectVal(map[string]cty.Value{"a": cty.ListVal([]cty.Value{s, s, s, m})}),
		cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{s, s})}).Mark(1),
	}
	// Past measure's stack in the frame, the mark last or first.
	var long []cty.Value
	for range 20 {
		long = append(long, s)
	}
	for _, elems := range [][]cty.Value{append(long, m), append([]cty.Value{m}, long...), long} {
		values = append(values, cty.TupleVal(elems),
			cty.ListVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"x": cty.TupleVal(elems)})}))
	}
	for _, v := range values {
		if _, marked, ok := measure(v, maxWork); !ok || marked != v.ContainsMarked() {
			t.Errorf("measure(%#v) = marked %v, ok %v; ContainsMarked %v", v, marked, ok, v.ContainsMarked())
		}
	}
}

// TestLongChainOfLocals: each local a value refers to is evaluated inside
// it, so a chain of locals is as deep a recursion as it is long (600,000
// of them overflowed the stack and ended the run). Past maxEvalDepth the
// value is unknown, with one warning; a shorter chain is read through.
func TestLongChainOfLocals(t *testing.T) {
	chain := func(n int) string {
		var b strings.Builder
		b.WriteString("locals {\n  a0 = \"c\"\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "  a%d = local.a%d\n", i, i-1)
		}
		fmt.Fprintf(&b, "}\nresource \"aws_eks_cluster\" \"c\" {\n  name = local.a%d\n}\n", n-1)
		return b.String()
	}
	m, problems := loadWithin(t, map[string]string{"main.tf": chain(maxEvalDepth - 10)}, "a chain of locals")
	if len(problems) != 0 || m.Clusters[0].Name.Val != "c" {
		t.Errorf("a chain of %d locals: name %+v, problems %v", maxEvalDepth-10, m.Clusters[0].Name, problems)
	}
	m, problems = loadWithin(t, map[string]string{"main.tf": chain(5 * maxEvalDepth)}, "a long chain of locals")
	if m.Clusters[0].Name.Known() || len(problems) != 1 || !strings.Contains(problems[0].Message, "depends on a chain of more than 1000 values") {
		t.Errorf("a chain of %d locals: name %+v, problems %v", 5*maxEvalDepth, m.Clusters[0].Name, problems)
	}
}

// The range precheck refuses only calls go-cty's range would fail for
// building too many values (after building 1,024 of them, a millisecond
// each call), and every one that asks for more than 1,025.
func TestRangePrecheckMatchesCty(t *testing.T) {
	check := prechecks["range"]
	for _, c := range []struct {
		args    []float64
		refused bool
	}{
		{[]float64{1024}, false}, {[]float64{1025}, false}, {[]float64{1026}, true}, {[]float64{1023.5}, false},
		{[]float64{0, 2048, 2}, false}, {[]float64{0, 2060, 2}, true}, {[]float64{2048, 0, -2}, false}, {[]float64{2060, 0, -2}, true},
		{[]float64{0, 1, 0.001}, false}, {[]float64{0, 1.024, 0.001}, false}, {[]float64{0, 1.03, 0.001}, true},
		{[]float64{5, 5}, false}, {[]float64{-1024}, false}, {[]float64{-1030}, true},
		{[]float64{0, 10000, 10}, false}, {[]float64{0, 10000, 9}, true}, {[]float64{100000000}, true},
	} {
		vals := make([]cty.Value, len(c.args))
		for i, a := range c.args {
			vals[i] = cty.NumberFloatVal(a)
		}
		refused := check(vals) != ""
		_, err := stdlib.RangeFunc.Call(vals)
		tooMany := err != nil && strings.Contains(err.Error(), "more than 1024 values")
		if refused != c.refused || refused && !tooMany {
			t.Errorf("range%v: precheck refuses %v, want %v; go-cty fails for too many values: %v", c.args, refused, c.refused, tooMany)
		}
	}
}
