package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// isRule knows EKS-CP-001, EKS-CP-002, EKS-CP-003 and EKS-K8S-010.
func isRule(id string) bool {
	switch id {
	case "EKS-CP-001", "EKS-CP-002", "EKS-CP-003", "EKS-K8S-010":
		return true
	}
	return false
}

// load writes content to a fresh .ekslint.yaml and loads it.
func load(t *testing.T, content string) (*Config, string, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, isRule)
	return c, p, err
}

// TestKeys: each key, alone, lands in its field.
func TestKeys(t *testing.T) {
	tests := []struct {
		name, content string
		check         func(c *Config) bool
	}{
		{"enable", "enable: [EKS-CP-001, eks-k8s-010]\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Enable, []string{"EKS-CP-001", "EKS-K8S-010"})
		}},
		{"enable block list", "enable:\n  - EKS-CP-002\n", func(c *Config) bool { return reflect.DeepEqual(c.Enable, []string{"EKS-CP-002"}) }},
		{"enable empty", "enable:\n", func(c *Config) bool { return c.Enable == nil }},
		{"disable", "disable: [EKS-CP-003]\n", func(c *Config) bool { return reflect.DeepEqual(c.Disable, []string{"EKS-CP-003"}) }},
		{"severity", "severity:\n  EKS-K8S-010: Medium\n  eks-cp-003: critical\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Severity, map[string]string{"EKS-K8S-010": "medium", "EKS-CP-003": "critical"})
		}},
		{"severity empty", "severity:\n", func(c *Config) bool { return len(c.Severity) == 0 && c.Severity != nil }},
		{"ignore-paths", "ignore-paths: [\"examples/**\", legacy/, \"*.gen.yaml\"]\n", func(c *Config) bool {
			return reflect.DeepEqual(c.IgnorePaths, []string{"examples/**", "legacy/", "*.gen.yaml"})
		}},
		{"fail-on", "fail-on: HIGH\n", func(c *Config) bool { return c.FailOn == "high" }},
		{"fail-on absent", "enable: []\n", func(c *Config) bool { return c.FailOn == "" }},
		{"terraform.vars", "terraform:\n  vars: {environment: prod, replicas: 3, public: true, empty: \"\"}\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Terraform.Vars, map[string]string{"environment": "prod", "replicas": "3", "public": "true", "empty": ""})
		}},
		{"terraform.vars HCL list", "terraform:\n  vars:\n    cidrs: '[\"10.0.0.0/8\"]'\n", func(c *Config) bool {
			return c.Terraform.Vars["cidrs"] == `["10.0.0.0/8"]`
		}},
		{"terraform.var-files", "terraform:\n  var-files: [envs/prod.tfvars, common.tfvars]\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Terraform.VarFiles, []string{"envs/prod.tfvars", "common.tfvars"})
		}},
		{"terraform empty", "terraform:\n", func(c *Config) bool { return len(c.Terraform.Vars) == 0 && c.Terraform.VarFiles == nil }},
		{"rules", "rules:\n  EKS-CP-001:\n    allowed-cidrs: [10.0.0.0/8]\n    strict: true\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Rules, map[string]map[string]any{"EKS-CP-001": {"allowed-cidrs": []any{"10.0.0.0/8"}, "strict": true}})
		}},
		{"rules without parameters", "rules:\n  EKS-CP-002:\n", func(c *Config) bool {
			p, ok := c.Rules["EKS-CP-002"]
			return ok && len(p) == 0
		}},
		{"anchor and alias", "enable: &ids [EKS-CP-001]\ndisable: *ids\n", func(c *Config) bool {
			return reflect.DeepEqual(c.Disable, []string{"EKS-CP-001"})
		}},
		{"comments and document markers", "# team settings\n---\nfail-on: low # strict\n...\n", func(c *Config) bool { return c.FailOn == "low" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, p, err := load(t, tt.content)
			if err != nil {
				t.Fatal(err)
			}
			if c.Path != p {
				t.Errorf("Path = %q, want %q", c.Path, p)
			}
			if !tt.check(c) {
				t.Errorf("unexpected result: %+v", *c)
			}
		})
	}
}

// TestEmpty: a file with no content is a valid empty configuration.
func TestEmpty(t *testing.T) {
	for _, content := range []string{"", "\n", "# nothing yet\n", "---\n", "---\n...\n", "~\n", "null\n", "---\n---\n"} {
		c, _, err := load(t, content)
		if err != nil {
			t.Errorf("%q: %v", content, err)
			continue
		}
		if c.Enable != nil || c.FailOn != "" || c.Severity == nil || c.Rules == nil || c.Terraform.Vars == nil {
			t.Errorf("%q: not an empty configuration with usable maps: %+v", content, *c)
		}
	}
}

// TestErrors: every error names the file, line and column of the culprit.
func TestErrors(t *testing.T) {
	tests := []struct {
		name, content string
		want          string // after "<path>"
	}{
		{"unknown top key", "disable: [EKS-CP-001]\ndisabel: [EKS-CP-002]\n",
			`:2:1: unknown key "disabel" in the configuration (did you mean "disable"?)`},
		{"unknown key, nothing near", "colour: red\n", `:1:1: unknown key "colour" in the configuration; the keys are enable, disable,`},
		{"unknown terraform key", "terraform:\n  varfiles: [a]\n", `:2:3: unknown key "varfiles" in terraform (did you mean "var-files"?)`},
		{"merge key", "base: &b {fail-on: low}\n", `:1:1: unknown key "base"`},
		{"merge key used", "<<: {fail-on: low}\n", `:1:1: merge keys (<<) are not supported`},
		{"duplicate key", "fail-on: low\nenable: []\nfail-on: high\n", `:3:1: "fail-on" appears twice in the configuration (first at line 1)`},
		{"non-string key", "[a]: b\n", `:1:1: a key in the configuration must be a plain string, not a list`},
		{"top not a mapping", "- a\n- b\n", `:1:1: the configuration must be a mapping, not a list`},
		{"top a scalar", "hello\n", `:1:1: the configuration must be a mapping, not the string "hello"`},
		{"enable not a list", "enable: EKS-CP-001\n", `:1:9: enable must be a list, not the string "EKS-CP-001"`},
		{"enable unknown rule", "enable: [EKS-XX-1]\n", `:1:10: enable: no rule "EKS-XX-1"`},
		{"enable near rule", "enable:\n  - EKS-CP-01\n", `:2:5: enable: no rule "EKS-CP-01" (did you mean "EKS-CP-001"?)`},
		{"disable unknown rule", "disable: [EKS-CP-001, EKS-K8S-01O]\n", `:1:23: disable: no rule "EKS-K8S-01O" (did you mean "EKS-K8S-010"?)`},
		{"disable a mapping item", "disable: [{a: b}]\n", `:1:11: disable must hold rule IDs, not a mapping`},
		{"severity not a mapping", "severity: [EKS-CP-001]\n", `:1:11: severity must be a mapping, not a list`},
		{"severity unknown rule", "severity:\n  EKS-CP-009: high\n", `:2:3: severity: no rule "EKS-CP-009"`},
		{"severity bad value", "severity:\n  EKS-CP-001: severe\n", `:2:15: severity of EKS-CP-001 must be one of low, medium, high, critical, not the string "severe"`},
		{"severity number", "severity:\n  EKS-CP-001: 3\n", `:2:15: severity of EKS-CP-001 must be one of low, medium, high, critical, not the number 3`},
		{"severity twice after upper-casing", "severity:\n  EKS-CP-001: low\n  eks-cp-001: high\n", `:3:3: EKS-CP-001 appears twice in severity (first at line 2)`},
		{"fail-on bad", "fail-on: urgent\n", `:1:10: fail-on must be one of low, medium, high, critical, not the string "urgent"`},
		{"fail-on empty", "fail-on:\n", `:1:9: fail-on must be one of low, medium, high, critical, not null`},
		{"ignore-paths not a list", "ignore-paths: examples/**\n", `:1:15: ignore-paths must be a list, not the string "examples/**"`},
		{"ignore-paths bad glob", "ignore-paths:\n  - ok/**\n  - \"[abc\"\n", `:3:5: ignore-paths: "[abc" is not a valid glob`},
		{"ignore-paths empty glob", "ignore-paths: [\"\"]\n", `:1:16: ignore-paths holds an empty string`},
		{"ignore-paths slash only", "ignore-paths: [\"/\"]\n", `:1:16: ignore-paths: "/" is empty`},
		{"ignore-paths number", "ignore-paths: [1, [x]]\n", `:1:19: ignore-paths must hold strings, not a list`},
		{"terraform not a mapping", "terraform: prod\n", `:1:12: terraform must be a mapping, not the string "prod"`},
		{"terraform.vars list value", "terraform:\n  vars: {a: [1]}\n", `:2:13: terraform.vars.a must be a string, not a list`},
		{"terraform.vars null value", "terraform:\n  vars:\n    region:\n", `:3:12: terraform.vars.region has no value`},
		{"terraform.vars not a mapping", "terraform:\n  vars: [a=b]\n", `:2:9: terraform.vars must be a mapping, not a list`},
		{"terraform.var-files not a list", "terraform:\n  var-files: prod.tfvars\n", `:2:14: terraform.var-files must be a list, not the string "prod.tfvars"`},
		{"rules unknown rule", "rules:\n  EKS-CP-004: {x: 1}\n", `:2:3: rules: no rule "EKS-CP-004" (did you mean "EKS-CP-001"?)`},
		{"rules value not a mapping", "rules:\n  EKS-CP-001: on\n", `:2:15: rules.EKS-CP-001 must be a mapping of parameters, not the string "on"`},
		{"rules not a mapping", "rules: [EKS-CP-001]\n", `:1:8: rules must be a mapping, not a list`},
		{"syntax error", "fail-on: low\nenable: [\n", `:2:1: invalid YAML:`},
		{"tab indentation", "terraform:\n\tvars: {}\n", `:2:1: invalid YAML:`},
		{"two documents", "fail-on: low\n---\nfail-on: high\n", `:3:1: a second YAML document`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, p, err := load(t, tt.content)
			if err == nil {
				t.Fatalf("no error; got %+v", *c)
			}
			if !strings.HasPrefix(err.Error(), p+tt.want) {
				t.Errorf("got  %v\nwant %s%s…", err, p, tt.want)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing.yaml")
	_, err := Load(p, isRule)
	if err == nil || !strings.HasPrefix(err.Error(), p+": cannot read: ") {
		t.Errorf("got %v", err)
	}
}

// TestNilIsRule: without a rule list every ID is accepted as written.
func TestNilIsRule(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte("enable: [EKS-NEW-001]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, nil)
	if err != nil || !reflect.DeepEqual(c.Enable, []string{"EKS-NEW-001"}) {
		t.Errorf("got %v, %v", c, err)
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		files []string // created in the folder; a name ending in / is a folder
		want  string   // base name found, "" for none
	}{
		{"none", nil, ""},
		{"yaml", []string{".ekslint.yaml"}, ".ekslint.yaml"},
		{"yml", []string{".ekslint.yml"}, ".ekslint.yml"},
		{"yaml wins over yml", []string{".ekslint.yml", ".ekslint.yaml"}, ".ekslint.yaml"},
		{"a folder is not a file", []string{".ekslint.yaml/"}, ""},
		{"a folder does not hide yml", []string{".ekslint.yaml/", ".ekslint.yml"}, ".ekslint.yml"},
		{"other names ignored", []string{"ekslint.yaml", ".ekslint.json"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				var err error
				if name, ok := strings.CutSuffix(f, "/"); ok {
					err = os.Mkdir(filepath.Join(dir, name), 0o755)
				} else {
					err = os.WriteFile(filepath.Join(dir, f), nil, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			p, ok := Find(dir)
			if tt.want == "" {
				if ok {
					t.Errorf("found %q", p)
				}
				return
			}
			if !ok || p != filepath.Join(dir, tt.want) {
				t.Errorf("Find = %q, %v; want %q", p, ok, filepath.Join(dir, tt.want))
			}
		})
	}
}

// TestFindWorkingFolder: Find(".") returns a path usable as it is.
func TestFindWorkingFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if p, ok := Find("."); !ok || p != FileName {
		t.Errorf("Find(\".\") = %q, %v", p, ok)
	}
}

// A configuration over the size bound says so, with the bound.
func TestLoadRefusesAHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte("ignore-paths: ["+strings.Repeat(`"x", `, maxFileSize/5)+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, nil); err == nil || !strings.Contains(err.Error(), "cannot read: the file is larger than 1 MiB, the most ekslint reads") {
		t.Errorf("Load of a %d-byte configuration: %v", maxFileSize, err)
	}
}
