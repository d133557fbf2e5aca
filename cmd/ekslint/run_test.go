package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/rules"
)

var yamlUnmarshal = yaml.Unmarshal

// write creates files under dir from name → content.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// only returns the flags that leave just the given rules on, so that a
// test of the command's behaviour does not change each time a rule is
// added to the catalog.
func only(ids ...string) []string {
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	var off []string
	for _, r := range rules.All() {
		if !keep[r.ID] {
			off = append(off, r.ID)
		}
	}
	return []string{"--disable", strings.Join(off, ",")}
}

// engineRules are the control-plane rules the command's tests lint with.
var engineRules = only("EKS-CP-001", "EKS-CP-002", "EKS-CP-003", "EKS-CP-010", "EKS-CP-011", "EKS-CP-020")

// ekslint runs the command in dir and returns its exit code and output.
func ekslint(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errw bytes.Buffer
	code = run(args, &out, &errw, false)
	return code, out.String(), errw.String()
}

const publicCluster = `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-a", "subnet-b"]
  }
}
`

const privateCluster = `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.33"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  vpc_config {
    subnet_ids              = ["subnet-a", "subnet-b"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/abc"
    }
  }
}

resource "aws_cloudwatch_log_group" "main" {
  name              = "/aws/eks/main/cluster"
  retention_in_days = 90
}
`

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"clean", map[string]string{"main.tf": privateCluster}, engineRules, 0},
		{"findings", map[string]string{"main.tf": publicCluster}, engineRules, 1},
		{"fail-on above every finding", map[string]string{"main.tf": privateCluster + strings.Replace(publicCluster, `"main"`, `"other"`, 1)},
			append(only("EKS-CP-002", "EKS-CP-003", "EKS-CP-011"), "--fail-on", "critical"), 0},
		{"fail-on reached", map[string]string{"main.tf": publicCluster}, append(engineRules, "--fail-on", "critical"), 1},
		{"malformed HCL", map[string]string{"main.tf": privateCluster, "broken.tf": "resource \"x\" {\n"}, nil, 2},
		{"no such path", map[string]string{"main.tf": privateCluster}, []string{"missing/"}, 2},
		{"unknown flag", nil, []string{"--bogus"}, 2},
		{"unknown format", nil, []string{"-f", "xml"}, 2},
		{"bad fail-on", nil, []string{"--fail-on", "urgent"}, 2},
		{"bad as-of", nil, []string{"--as-of", "22/11/2026"}, 2},
		{"missing versions file", nil, []string{"--eks-versions-file", "nope.json"}, 2},
		{"bad versions file", map[string]string{"v.json": `{"generatedAt": "soon"}`}, []string{"--eks-versions-file", "v.json"}, 2},
		{"unknown rule", nil, []string{"--disable", "EKS-CP-999"}, 2},
		{"bad --var", nil, []string{"--var", "novalue"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.files)
			code, out, errOut := ekslint(t, dir, tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, out, errOut)
			}
		})
	}
}

func TestTextOutput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	code, out, _ := ekslint(t, dir, engineRules...)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"main.tf:1:1: high EKS-CP-010 ", "main.tf:1:1: medium EKS-CP-020 ", "main.tf:4:3: critical EKS-CP-001 ", "main.tf:4:3: low EKS-CP-003 "}
	if len(lines) != len(want) {
		t.Fatalf("want %d lines sorted by position and rule:\n%s", len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d should start with %q:\n%s", i+1, w, lines[i])
		}
	}
	if !strings.Contains(out, "(aws_eks_cluster.main)") {
		t.Errorf("object missing:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour written when not on a terminal")
	}
}

func TestColourOnlyOnTerminal(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	t.Chdir(dir)
	var out, errw bytes.Buffer
	t.Setenv("NO_COLOR", "")
	run(nil, &out, &errw, true)
	if !strings.Contains(out.String(), "\x1b[") {
		t.Errorf("no colour on a terminal:\n%s", out.String())
	}
	out.Reset()
	t.Setenv("NO_COLOR", "1")
	run(nil, &out, &errw, true)
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("NO_COLOR not honoured:\n%s", out.String())
	}
}

func TestJSONAndSARIFAreJSON(t *testing.T) {
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, map[string]string{"main.tf": publicCluster, "bad.yaml": "a: [\n"})
			code, out, _ := ekslint(t, dir, "-f", format)
			if code != 2 {
				t.Errorf("exit %d, want 2 (malformed YAML)", code)
			}
			var doc map[string]any
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if !strings.Contains(out, "EKS-CP-001") || !strings.Contains(out, "bad.yaml") {
				t.Errorf("report lacks the finding or the problem:\n%s", out)
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	code, out, _ := ekslint(t, dir, "-f", "sarif", "-o", "report.sarif")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.sarif"))
	if err != nil || !bytes.Contains(b, []byte(`"2.1.0"`)) {
		t.Fatalf("report not written: %v", err)
	}
}

// TestBadInput: every kind of unreadable input is a located problem, the
// good file beside it is still linted, and the exit code is 2.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, file, content, want string
		code                      int
	}{
		{"malformed HCL", "bad.tf", "resource \"aws_eks_cluster\" \"x\" {\n  name = \n}\n", "bad.tf:2:", 2},
		{"malformed YAML", "bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: [\n", "bad.yaml:", 2},
		{"malformed JSON", "bad.json", "{\"apiVersion\": \"v1\",, }", "bad.json:1:", 2},
		{"binary", "bin.yaml", "apiVersion: v1\x00\x01\x02", "bin.yaml:1:", 2},
		{"invalid UTF-8", "latin1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n", "latin1.yaml:4:", 2},
		{"empty", "empty.yaml", "", "empty.yaml", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, map[string]string{"good/main.tf": publicCluster, tt.file: tt.content})
			code, out, errOut := ekslint(t, dir)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, "good/main.tf:4:3: critical EKS-CP-001") {
				t.Errorf("the good file was not linted:\n%s", out)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errOut)
			}
		})
	}
}

// TestBOMAndCRLF: a byte-order mark and Windows line ends change nothing.
func TestBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	crlf := strings.ReplaceAll(publicCluster, "\n", "\r\n")
	write(t, dir, map[string]string{"tf/main.tf": "\ufeff" + crlf,
		"k8s/pod.yaml": "\ufeffapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n    - name: app\r\n      image: nginx:1.27\r\n"})
	code, out, errOut := ekslint(t, dir)
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"tf/main.tf:4:3: critical EKS-CP-001", "k8s/pod.yaml:7:7: medium EKS-K8S-020"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestSuppression(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": "# ekslint:ignore EKS-CP-001 -- sandbox, torn down nightly\n" + publicCluster})
	_, out, errOut := ekslint(t, dir)
	if strings.Contains(out, "EKS-CP-001") {
		t.Errorf("suppressed finding reported:\n%s", out)
	}
	_, out, _ = ekslint(t, dir, "--include-suppressed")
	if !strings.Contains(out, "EKS-CP-001") {
		t.Errorf("--include-suppressed did not show it:\n%s", out)
	}
	if strings.Contains(errOut, "matched no finding") {
		t.Errorf("used ignore reported as unused:\n%s", errOut)
	}

	write(t, dir, map[string]string{"main.tf": "# ekslint:ignore EKS-CP-001\n" + publicCluster})
	_, out, errOut = ekslint(t, dir)
	if !strings.Contains(out, "EKS-CP-001") || !strings.Contains(errOut, "main.tf:1:") {
		t.Errorf("an ignore without a reason must not suppress and must be reported:\n%s\n%s", out, errOut)
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster, ".ekslint.yaml": "disable: [EKS-CP-001]\nfail-on: critical\n"})
	code, out, errOut := ekslint(t, dir)
	if code != 0 || strings.Contains(out, "EKS-CP-001") {
		t.Errorf("config not applied: exit %d\n%s%s", code, out, errOut)
	}
	// Flags win over the file.
	code, _, _ = ekslint(t, dir, "--fail-on", "low")
	if code != 1 {
		t.Errorf("--fail-on did not override the config: exit %d", code)
	}

	write(t, dir, map[string]string{".ekslint.yaml": "disable: [EKS-CP-001]\ndisabel: [EKS-CP-002]\n"})
	code, _, errOut = ekslint(t, dir)
	if code != 2 || !strings.Contains(errOut, "disabel") || !strings.Contains(errOut, ":2:") {
		t.Errorf("unknown key not reported with its line: exit %d\n%s", code, errOut)
	}

	// A parameter a rule does not take is an error at its key.
	write(t, dir, map[string]string{".ekslint.yaml": "rules:\n  EKS-CP-001:\n    allowed: [10.0.0.0/8]\n"})
	code, _, errOut = ekslint(t, dir)
	if code != 2 || !strings.Contains(errOut, ":3:5:") || !strings.Contains(errOut, `no parameter "allowed"`) {
		t.Errorf("unknown rule parameter not reported at its key: exit %d\n%s", code, errOut)
	}
}

func TestVars(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": `variable "public" {
  type = bool
}
variable "cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-a", "subnet-b"]
    endpoint_public_access = var.public
    public_access_cidrs    = var.cidrs
  }
}
`})
	_, out, _ := ekslint(t, dir, "--enable", "EKS-CP-001")
	if strings.Contains(out, "EKS-CP-001") || strings.Contains(out, "EKS-CP-002") {
		t.Errorf("a variable with no value must not produce a finding:\n%s", out)
	}
	_, out, _ = ekslint(t, dir, "--var", "public=true", "--var", `cidrs=["0.0.0.0/0","10.0.0.0/8"]`)
	if !strings.Contains(out, "EKS-CP-001") {
		t.Errorf("--var values (with commas) not used:\n%s", out)
	}
}

func TestInformation(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := ekslint(t, dir, "--list-rules")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, r := range rules.All() {
		if !strings.Contains(out, r.ID) {
			t.Errorf("--list-rules lacks %s", r.ID)
		}
	}
	code, out, _ = ekslint(t, dir, "--explain", "EKS-CP-001")
	if code != 0 || !strings.HasPrefix(out, "# EKS-CP-001") {
		t.Errorf("--explain: exit %d\n%s", code, out)
	}
	code, _, errOut := ekslint(t, dir, "--explain", "EKS-CP-01")
	if code != 2 || !strings.Contains(errOut, "did you mean") {
		t.Errorf("--explain of a typo: exit %d %s", code, errOut)
	}
	code, out, _ = ekslint(t, dir, "--version")
	if code != 0 || !strings.HasPrefix(out, "ekslint ") {
		t.Errorf("--version: %d %q", code, out)
	}
	code, out, _ = ekslint(t, dir, "-h")
	if code != 0 || !strings.Contains(out, "--fail-on") {
		t.Errorf("-h: %d %q", code, out)
	}
}

// TestNamedTerraformFile: a .tf file named on the command line is read with
// its whole folder (variables resolve) and only its findings are reported.
func TestNamedTerraformFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"infra/vars.tf":  "variable \"public\" {\n  default = true\n}\n",
		"infra/main.tf":  strings.Replace(privateCluster, "endpoint_public_access  = false", "endpoint_public_access  = var.public", 1),
		"infra/other.tf": strings.Replace(publicCluster, `"main"`, `"other"`, 1),
	})
	_, out, _ := ekslint(t, dir, "infra/main.tf")
	if !strings.Contains(out, "infra/main.tf:") || !strings.Contains(out, "EKS-CP-001") {
		t.Errorf("the variable from vars.tf did not resolve:\n%s", out)
	}
	if strings.Contains(out, "infra/other.tf") {
		t.Errorf("findings of a file not named were reported:\n%s", out)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a/main.tf": publicCluster})
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	code, out, _ := ekslint(t, dir)
	if code != 1 || strings.Count(out, "EKS-CP-001") != 1 {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestHelmChartSkipped(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"chart/Chart.yaml": "apiVersion: v2\nname: x\n",
		"chart/templates/d.yaml": "apiVersion: apps/v1\nkind: Deployment\n{{ .Values.x }}\n"})
	code, _, errOut := ekslint(t, dir)
	if code != 0 || !strings.Contains(errOut, "Helm") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestDeterministic: the same input gives the same bytes, whatever the
// number of cores.
func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 30; i++ {
		name := string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		files[name+"/main.tf"] = publicCluster
		files[name+"/pod.yaml"] = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n"
	}
	write(t, dir, files)
	// From the project's root, so that SARIF keeps the fixtures' results:
	// they hold every rule's findings in every format.
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "sarif", "text"} {
		var first string
		for _, procs := range []int{1, 2, 8, 1} {
			prev := runtime.GOMAXPROCS(procs)
			_, out, _ := ekslint(t, root, "-f", format, "fixtures", dir)
			runtime.GOMAXPROCS(prev)
			if first == "" {
				first = out
			} else if out != first {
				t.Fatalf("%s output differs with GOMAXPROCS=%d", format, procs)
			}
		}
	}
}

// TestDocumentedConfigs: the configuration examples in README.md and
// docs/configuration.md load as they are written.
func TestDocumentedConfigs(t *testing.T) {
	docs := map[string][]byte{}
	for _, doc := range []string{"../../README.md", "../../docs/configuration.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		docs[doc] = b
	}
	for doc, b := range docs {
		found := 0
		for _, block := range strings.Split(string(b), "```yaml\n")[1:] {
			block, _, _ = strings.Cut(block, "```")
			if !strings.Contains(block, "fail-on:") {
				continue // not a configuration example
			}
			found++
			dir := t.TempDir()
			write(t, dir, map[string]string{".ekslint.yaml": block, "envs/prod.tfvars": "environment = \"prod\"\n"})
			if code, _, _ := ekslint(t, dir, "--list-rules"); code != 0 {
				t.Errorf("%s: exit %d", doc, code)
			}
			if code, _, errOut := ekslint(t, dir); code == 2 {
				t.Errorf("%s: the example does not load:\n%s\n%s", doc, block, errOut)
			}
		}
		if found == 0 {
			t.Errorf("%s: no configuration example found", doc)
		}
	}
}

// TestSeveralOutputs: text on the terminal and SARIF in a file from one run.
func TestSeveralOutputs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	code, out, _ := ekslint(t, dir, "--sarif", "out.sarif", "-o", "json=out.json", "-o", "github=gh.txt")
	if code != 1 || !strings.Contains(out, "main.tf:4:3: critical EKS-CP-001") {
		t.Fatalf("exit %d, stdout:\n%s", code, out)
	}
	for name, want := range map[string]string{"out.sarif": `"version": "2.1.0"`, "out.json": `"ruleId": "EKS-CP-001"`, "gh.txt": "::error file=main.tf,line=4,col=3"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(string(b), want) {
			t.Errorf("%s: %v\n%s", name, err, b)
		}
	}
	if code, _, errOut := ekslint(t, dir, "-o", "a.txt", "-o", "b.txt"); code != 2 || !strings.Contains(errOut, "-o given twice") {
		t.Errorf("two plain -o: exit %d %s", code, errOut)
	}
	if code, _, _ := ekslint(t, dir, "-o", "xml=a.xml"); code != 1 {
		t.Errorf("an unknown FORMAT= prefix is a file name: exit %d", code)
	}
}

// TestBaselineRoundTrip: write a baseline, move the block down ten lines,
// and nothing is new; a new problem still is.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": publicCluster})
	if code, _, errOut := ekslint(t, dir, append(engineRules, "--write-baseline", "baseline.json")...); code != 0 {
		t.Fatalf("write: exit %d %s", code, errOut)
	}
	write(t, dir, map[string]string{"main.tf": strings.Repeat("\n", 10) + publicCluster})
	code, out, errOut := ekslint(t, dir, append(engineRules, "--baseline", "baseline.json")...)
	if code != 0 || out != "" {
		t.Fatalf("moved code resurrected baselined findings: exit %d\n%s", code, out)
	}
	if !strings.Contains(errOut, "4 finding(s) already in the baseline") {
		t.Errorf("stderr: %s", errOut)
	}
	write(t, dir, map[string]string{"new.tf": strings.Replace(publicCluster, `"main"`, `"new"`, 1)})
	code, out, _ = ekslint(t, dir, append(engineRules, "--baseline", "baseline.json")...)
	if code != 1 || !strings.Contains(out, "new.tf") || strings.Contains(out, "main.tf") {
		t.Errorf("only the new file's findings are new: exit %d\n%s", code, out)
	}
	write(t, dir, map[string]string{"bad.json": "{}"})
	if code, _, _ := ekslint(t, dir, "--baseline", "bad.json"); code != 2 {
		t.Errorf("a file that is not a baseline: exit %d", code)
	}
}

// TestPreCommitHook runs the hook as pre-commit would: its entry with the
// staged file names that match its files pattern.
func TestPreCommitHook(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Entry, Language, Files string
		PassFilenames              bool `yaml:"pass_filenames"`
	}
	if err := yamlUnmarshal(b, &hooks); err != nil || len(hooks) != 1 {
		t.Fatalf("hooks: %v %+v", err, hooks)
	}
	h := hooks[0]
	if h.Entry != "ekslint" || h.Language != "golang" || !h.PassFilenames {
		t.Fatalf("hook %+v", h)
	}
	files := regexp.MustCompile(h.Files)
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"infra/vars.tf":  "variable \"public\" {\n  default = true\n}\n",
		"infra/main.tf":  strings.Replace(privateCluster, "endpoint_public_access  = false", "endpoint_public_access  = var.public", 1),
		"infra/other.tf": strings.Replace(publicCluster, `"main"`, `"other"`, 1),
		"k8s/pod.yaml":   "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b}]\n",
		"README.md":      "# not linted\n",
	})
	var staged []string
	for _, name := range []string{"infra/main.tf", "k8s/pod.yaml", "README.md"} {
		if files.MatchString(name) {
			staged = append(staged, name)
		}
	}
	if strings.Join(staged, " ") != "infra/main.tf k8s/pod.yaml" {
		t.Fatalf("files pattern selected %v", staged)
	}
	code, out, errOut := ekslint(t, dir, staged...)
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if !strings.Contains(out, "infra/main.tf:8:5: critical EKS-CP-001") || !strings.Contains(out, "k8s/pod.yaml:") {
		t.Errorf("the staged files' findings (with variables from vars.tf) are missing:\n%s", out)
	}
	if strings.Contains(out, "other.tf") {
		t.Errorf("a file not staged was reported:\n%s", out)
	}
}

// TestRelatedLocations: a node group pinned to one zone through two
// subnets names the subnets' zones as related locations in SARIF.
func TestRelatedLocations(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"main.tf": `resource "aws_subnet" "a" {
  availability_zone = "eu-west-1a"
}
resource "aws_subnet" "b" {
  availability_zone = "eu-west-1a"
}
resource "aws_eks_node_group" "ng" {
  cluster_name = "c"
  subnet_ids   = [aws_subnet.a.id, aws_subnet.b.id]
}
`})
	_, out, _ := ekslint(t, dir, "-f", "sarif", "--disable", "EKS-NG-002")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string
				RelatedLocations []struct {
					PhysicalLocation struct{ Region struct{ StartLine int } }
					Message          struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "EKS-NG-040" {
			continue
		}
		if len(r.RelatedLocations) != 2 || r.RelatedLocations[0].PhysicalLocation.Region.StartLine != 2 ||
			r.RelatedLocations[1].PhysicalLocation.Region.StartLine != 5 || !strings.Contains(r.RelatedLocations[0].Message.Text, "eu-west-1a") {
			t.Errorf("related locations %+v", r.RelatedLocations)
		}
		return
	}
	t.Errorf("no EKS-NG-040 finding:\n%s", out)
}

// TestModuleCallerIsRelated: a finding inside a local module about a value
// the caller passed names the caller's argument as a related location.
func TestModuleCallerIsRelated(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"env/main.tf": "module \"platform\" {\n  source = \"../modules/eks\"\n  public = true\n}\n",
		"modules/eks/main.tf": `variable "public" {
  default = false
}
resource "aws_eks_cluster" "this" {
  vpc_config {
    endpoint_public_access = var.public
  }
}
`})
	_, out, _ := ekslint(t, dir, append(only("EKS-CP-001"), "-f", "sarif")...)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "EKS-CP-001" || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "modules/eks/main.tf" ||
		res[0].Locations[0].PhysicalLocation.Region.StartLine != 6 {
		t.Fatalf("results %+v", res)
	}
	rel := res[0].RelatedLocations
	if len(rel) != 1 || rel[0].PhysicalLocation.ArtifactLocation.URI != "env/main.tf" || rel[0].PhysicalLocation.Region.StartLine != 3 {
		t.Errorf("related %+v", rel)
	}
}

// TestPodSecurityParams: the exempt list of EKS-K8S-002 and the registry
// allowlist of EKS-K8S-051, set in .ekslint.yaml, change what is reported.
func TestPodSecurityParams(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"agent.yaml": `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels: {app: node-exporter}
  template:
    metadata:
      labels: {app: node-exporter}
    spec:
      hostNetwork: true
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.0
`})
	args := []string{"--enable", "EKS-K8S-051", "-f", "json"}
	_, out, errOut := ekslint(t, dir, args...)
	if !strings.Contains(out, `"EKS-K8S-002"`) || !strings.Contains(out, `"EKS-K8S-051"`) {
		t.Fatalf("without parameters, want EKS-K8S-002 and EKS-K8S-051:\n%s\n%s", out, errOut)
	}

	write(t, dir, map[string]string{".ekslint.yaml": `rules:
  EKS-K8S-002:
    exempt: [monitoring/node-*]
  EKS-K8S-051:
    registries: [quay.io]
`})
	code, out, errOut := ekslint(t, dir, args...)
	if code == 2 || strings.Contains(out, `"EKS-K8S-002"`) || strings.Contains(out, `"EKS-K8S-051"`) {
		t.Errorf("the parameters did not exempt the DaemonSet and allow quay.io: exit %d\n%s\n%s", code, out, errOut)
	}

	// A registry list of the wrong type is an error at its key.
	write(t, dir, map[string]string{".ekslint.yaml": "rules:\n  EKS-K8S-051:\n    registries: quay.io\n"})
	code, _, errOut = ekslint(t, dir, args...)
	if code != 2 || !strings.Contains(errOut, "registries") {
		t.Errorf("a string for a list parameter must be an error: exit %d\n%s", code, errOut)
	}
}
