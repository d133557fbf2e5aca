package linter

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

// everyCluster reports each cluster at its header.
var everyCluster = &Rule{ID: "EKS-CP-001", Severity: High, Check: func(p *Pass) {
	for _, c := range p.Model.Clusters {
		p.Report(c, source.Range{}, "cluster")
	}
}}

const cluster = "resource \"aws_eks_cluster\" \"c\" {}\n"

func TestDiscovery(t *testing.T) {
	writeTree(t, map[string]string{
		"a/main.tf":                 cluster,
		"a/.git/x.tf":               cluster,
		"a/node_modules/x.tf":       cluster,
		"a/vendor/x.tf":             cluster,
		"a/.terraform/modules/x.tf": cluster,
		"b/c/main.tf":               cluster,
		"examples/main.tf":          cluster,
		"notes.txt":                 "not ours",
		"ci.yaml":                   "on: push\njobs: {}\n",
	})
	res := Lint(Options{Rules: []*Rule{everyCluster}, IgnorePaths: []string{"examples/**"}})
	var files []string
	for _, f := range res.Findings {
		files = append(files, f.Range.Path())
	}
	if got := strings.Join(files, ","); got != "a/main.tf,b/c/main.tf" {
		t.Errorf("linted %s", got)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems %v", res.Problems)
	}
	if res.Findings[0].Range.Start != (source.PosAt(1, 1)) || res.Findings[0].Object != "aws_eks_cluster.c" {
		t.Errorf("a zero range falls back to the object's header: %+v", res.Findings[0])
	}
}

func TestPanickingRuleIsReported(t *testing.T) {
	writeTree(t, map[string]string{"main.tf": cluster})
	boom := &Rule{ID: "EKS-CP-002", Check: func(*Pass) { panic("boom") }}
	res := Lint(Options{Rules: []*Rule{boom, everyCluster}})
	if len(res.Findings) != 1 {
		t.Errorf("the other rule must still run: %v", res.Findings)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "EKS-CP-002") || !res.InputLost() {
		t.Errorf("problems %v", res.Problems)
	}
}

func TestMissingPathAndSeverityOverride(t *testing.T) {
	writeTree(t, map[string]string{"main.tf": cluster})
	res := Lint(Options{Paths: []string{".", "nowhere"}, Rules: []*Rule{everyCluster}, Severity: map[string]Severity{"EKS-CP-001": Low}})
	if len(res.Problems) != 1 || res.Problems[0].Range.Path() != "nowhere" || res.Problems[0].Level != source.LevelError {
		t.Errorf("problems %v", res.Problems)
	}
	if len(res.Findings) != 1 || res.Findings[0].Severity != Low {
		t.Errorf("findings %v", res.Findings)
	}
}

func TestSameFileTwiceIsReadOnce(t *testing.T) {
	writeTree(t, map[string]string{"k/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b}]\n"})
	count := &Rule{ID: "EKS-K8S-010", Check: func(p *Pass) {
		for _, w := range p.Model.Workloads {
			p.Report(w, w.Range, "w")
		}
	}}
	abs, _ := filepath.Abs("k/pod.yaml")
	res := Lint(Options{Paths: []string{"k", "k/pod.yaml", abs}, Rules: []*Rule{count}})
	if len(res.Findings) != 1 || res.Findings[0].Range.Path() != "k/pod.yaml" || res.Findings[0].Format != model.Kubernetes {
		t.Errorf("findings %v", res.Findings)
	}
}

// TestCalledModulesAreNotRoots: a folder another folder calls as a local
// module is read as that call's child only, never again on its own.
func TestCalledModulesAreNotRoots(t *testing.T) {
	writeTree(t, map[string]string{
		"env/prod/main.tf":     "module \"platform\" {\n  source = \"../../modules/eks\"\n}\n",
		"modules/eks/main.tf":  cluster,
		"modules/loop/main.tf": "module \"self\" {\n  source = \"./\"\n}\n" + cluster,
	})
	res := lintWithin(t, 30*time.Second, Options{})
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Object)
	}
	if strings.Join(got, " ") != "module.platform.aws_eks_cluster.c aws_eks_cluster.c" {
		t.Errorf("findings %v", got)
	}
	if !hasProblem(res, "modules/loop/main.tf", "already being read") {
		t.Errorf("a module that calls itself must end with a located warning: %v", res.Problems)
	}
}

// TestModulesCallingEachOtherAreLinted: two folders that call each other
// (a module cycle, which Terraform refuses) are each read as a root, with
// the loop's warning. Each was the other's child, so the run reported
// nothing at all and exited 0.
func TestModulesCallingEachOtherAreLinted(t *testing.T) {
	writeTree(t, map[string]string{
		"a/main.tf":   "module \"b\" {\n  source = \"../b\"\n}\n" + cluster,
		"b/main.tf":   "module \"a\" {\n  source = \"../a\"\n}\n" + cluster,
		"env/main.tf": "module \"a\" {\n  source = \"../x\"\n}\n",
		"x/main.tf":   "module \"y\" {\n  source = \"../y\"\n}\n" + cluster,
		"y/main.tf":   "module \"x\" {\n  source = \"../x\"\n}\n" + cluster,
	})
	res := lintWithin(t, 30*time.Second, Options{})
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Range.Path()+" "+f.Object)
	}
	// x and y are called from env, above their cycle: only env is a root.
	want := "a/main.tf aws_eks_cluster.c a/main.tf module.a.aws_eks_cluster.c b/main.tf aws_eks_cluster.c b/main.tf module.b.aws_eks_cluster.c " +
		"x/main.tf module.a.aws_eks_cluster.c y/main.tf module.a.module.y.aws_eks_cluster.c"
	if strings.Join(got, " ") != want {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if !hasProblem(res, "a/main.tf", "already being read") || !hasProblem(res, "b/main.tf", "already being read") {
		t.Errorf("want the loop's warning in both files: %v", res.Problems)
	}
}

// TestAsOfIsADay: rules see the run's date at midnight UTC, whatever the
// clock time it is given with, so days left to a date are whole days.
func TestAsOfIsADay(t *testing.T) {
	writeTree(t, map[string]string{"main.tf": cluster})
	var seen time.Time
	probe := &Rule{ID: "EKS-CP-002", Check: func(p *Pass) { seen = p.AsOf }}
	Lint(Options{Rules: []*Rule{probe}, AsOf: time.Date(2026, 12, 1, 22, 5, 0, 0, time.UTC)})
	if want := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC); !seen.Equal(want) {
		t.Errorf("AsOf %v, want %v", seen, want)
	}
	Lint(Options{Rules: []*Rule{probe}})
	if y, m, d := time.Now().UTC().Date(); !seen.Equal(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) && !seen.Equal(time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("default AsOf %v is not today", seen)
	}
}

// TestRootsShareCalledModules: eight roots, read in parallel, call one module
// with different inputs. The run parses the module once and every root
// evaluates the same syntax, each with its own inputs. .ci/run runs this
// test 20 times under the race detector: with prepare writing to the shared
// syntax (no hookAll), 2 to 4 of the 20 reported the race, here.
func TestRootsShareCalledModules(t *testing.T) {
	files := map[string]string{"mod/main.tf": `variable "n" {}
variable "zones" {}
resource "aws_eks_cluster" "c" {
  name     = "c${var.n}-${join("", [for z in var.zones : upper(z)])}"
  role_arn = "arn"
}
`}
	for i := 0; i < 8; i++ {
		files[fmt.Sprintf("r%d/main.tf", i)] = fmt.Sprintf("module \"m\" {\n  source = \"../mod\"\n  n      = %d\n  zones  = [\"a\", \"b\"]\n}\n", i)
	}
	writeTree(t, files)
	names := &Rule{ID: "EKS-CP-001", Severity: High, Check: func(p *Pass) {
		for _, c := range p.Model.Clusters {
			p.Report(c, source.Range{}, "%s", c.Name.Val)
		}
	}}
	res := Lint(Options{Rules: []*Rule{names}, Jobs: 4})
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Object+" "+f.Message)
	}
	want := []string{}
	for i := 0; i < 8; i++ {
		want = append(want, fmt.Sprintf("module.m.aws_eks_cluster.c c%d-AB", i))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q (problems %v)", got, want, res.Problems)
	}
}
