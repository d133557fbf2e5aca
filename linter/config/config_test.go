package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func isRule(id string) bool { return strings.HasPrefix(id, "EKS-CP-00") }

func load(t *testing.T, content string) (*Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p, isRule)
}

func TestLoad(t *testing.T) {
	c, err := load(t, `enable: [EKS-CP-001]
disable: [EKS-CP-002, EKS-CP-003]
severity:
  EKS-CP-001: HIGH
ignore-paths: ["examples/**", legacy/]
fail-on: medium
terraform:
  vars: {environment: prod, replicas: "3"}
  var-files: [envs/prod.tfvars]
rules:
  EKS-CP-001:
    allowed-cidrs: [10.0.0.0/8]
`)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Enable, ",") != "EKS-CP-001" || strings.Join(c.Disable, ",") != "EKS-CP-002,EKS-CP-003" {
		t.Errorf("enable/disable: %v %v", c.Enable, c.Disable)
	}
	if c.Severity["EKS-CP-001"] != "high" || c.FailOn != "medium" {
		t.Errorf("severity %v, fail-on %q", c.Severity, c.FailOn)
	}
	if len(c.IgnorePaths) != 2 || c.Terraform.Vars["environment"] != "prod" || c.Terraform.Vars["replicas"] != "3" ||
		strings.Join(c.Terraform.VarFiles, ",") != "envs/prod.tfvars" {
		t.Errorf("paths/terraform: %+v", c)
	}
	if c.Rules["EKS-CP-001"]["allowed-cidrs"] == nil {
		t.Errorf("rule parameters lost: %v", c.Rules)
	}
}

func TestEmpty(t *testing.T) {
	for _, content := range []string{"", "# nothing\n", "---\n"} {
		if _, err := load(t, content); err != nil {
			t.Errorf("%q: %v", content, err)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ content, want string }{
		{"disable: [EKS-CP-001]\ndisabel: [EKS-CP-002]\n", `:2:1: unknown key "disabel" in the configuration (did you mean "disable"?)`},
		{"terraform:\n  varfiles: [a]\n", `:2:3: unknown key "varfiles" in terraform (did you mean "var-files"?)`},
		{"enable: EKS-CP-001\n", ":1:9: enable must be a list"},
		{"enable: [EKS-XX-1]\n", `:1:10: no rule "EKS-XX-1"`},
		{"fail-on: urgent\n", ":1:10: fail-on must be one of low, medium, high, critical"},
		{"severity:\n  EKS-CP-001: severe\n", ":2:15: severity of EKS-CP-001 must be one of"},
		{"terraform:\n  vars: {a: [1]}\n", ":2:13: terraform.vars.a must be a string"},
		{"rules:\n  EKS-CP-001: on\n", ":2:15: rules.EKS-CP-001 must be a mapping"},
		{"- a\n- b\n", ":1:1: the configuration must be a mapping"},
		{"enable: [\n", "invalid YAML"},
	}
	for _, tt := range tests {
		_, err := load(t, tt.content)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want an error containing %q", tt.content, err, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	if _, ok := Find(dir); ok {
		t.Error("found a config in an empty folder")
	}
	if err := os.WriteFile(filepath.Join(dir, ".ekslint.yml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(dir); !ok || filepath.Base(p) != ".ekslint.yml" {
		t.Errorf("Find = %q, %v", p, ok)
	}
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"examples/**", "examples/a/b.tf", true},
		{"examples/**", "examples", true},
		{"examples/**", "src/examples/a.tf", false},
		{"vendor", "a/vendor/b.yaml", true},
		{"*.generated.yaml", "k8s/app.generated.yaml", true},
		{"*.generated.yaml", "k8s/app.yaml", false},
		{"legacy/", "legacy/main.tf", true},
		{"legacy/", "legacy", false},
		{"infra/*/main.tf", "infra/prod/main.tf", true},
		{"infra/*/main.tf", "infra/prod/eu/main.tf", false},
		{"**/test/**", "a/b/test/c.yaml", true},
		{"./k8s", "k8s/x.yaml", true},
	}
	for _, tt := range tests {
		if got := MatchPath(tt.pattern, tt.path); got != tt.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}
