package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/docs"
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
	"github.com/ekslint/ekslint/linter/model"
)

const fixtures = "../fixtures"

// TestFixtures runs each rule over its own fixture folder: every `want:`
// marker must be met and every finding must be expected.
func TestFixtures(t *testing.T) {
	for _, r := range All() {
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join(fixtures, r.ID)
			if _, err := os.Stat(dir); err != nil {
				t.Fatalf("no fixtures: %v", err)
			}
			lintest.Run(t, dir, []*linter.Rule{r})
		})
	}
}

// formatFiles says how fixture files of each format are named.
var formatFiles = map[model.Format][]string{
	model.Terraform:  {".tf", ".tf.json"},
	model.Module:     {".tf"},
	model.Eksctl:     {".eksctl.yaml", ".eksctl.yml"},
	model.Kubernetes: {".k8s.yaml", ".k8s.yml", ".k8s.json"},
}

// TestRegistry keeps rule metadata, docs, fixtures and the catalog in step.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	names := map[string]bool{}
	for _, r := range All() {
		if seen[r.ID] {
			t.Errorf("%s: duplicate rule ID", r.ID)
		}
		seen[r.ID] = true
		if names[r.Name] {
			t.Errorf("%s: duplicate rule name %q", r.ID, r.Name)
		}
		names[r.Name] = true
		if !regexp.MustCompile(`^EKS-(CP|DET|NG|NET|K8S|RBAC|META)-\d{3}$`).MatchString(r.ID) {
			t.Errorf("%s: ID does not follow EKS-<AREA>-<NNN>", r.ID)
		}
		if r.Check == nil || r.Summary == "" || len(r.Formats) == 0 {
			t.Errorf("%s: needs a Check, a Summary and Formats", r.ID)
		}
		checkDoc(t, r)
		checkFixtures(t, r)
	}
	for _, id := range docs.RuleIDs() {
		if !seen[id] {
			t.Errorf("docs/rules/%s.md documents no rule", id)
		}
	}
	entries, _ := os.ReadDir(fixtures)
	for _, e := range entries {
		if !seen[e.Name()] {
			t.Errorf("fixtures/%s belongs to no rule", e.Name())
		}
	}
}

func checkDoc(t *testing.T, r *linter.Rule) {
	t.Helper()
	doc, ok := docs.Rule(r.ID)
	if !ok {
		t.Errorf("%s: no docs/rules/%s.md", r.ID, r.ID)
		return
	}
	if r.Documentation() != doc {
		t.Errorf("%s: Rule.Doc is not the embedded doc", r.ID)
	}
	lines := strings.SplitN(doc, "\n", 4)
	if len(lines) < 3 || lines[0] != "# "+r.ID+": "+r.Name {
		t.Errorf("%s: doc must start with %q", r.ID, "# "+r.ID+": "+r.Name)
		return
	}
	status := "Enabled by default"
	if !r.Default {
		status = "Opt-in"
	}
	var formats []string
	for _, f := range r.Formats {
		formats = append(formats, map[model.Format]string{model.Terraform: "Terraform", model.Module: "terraform-aws-modules/eks",
			model.Eksctl: "eksctl", model.Kubernetes: "Kubernetes"}[f])
	}
	want := "Severity: " + r.Severity.String() + " · Formats: " + strings.Join(formats, ", ") + " · " + status
	if lines[2] != want {
		t.Errorf("%s: doc's third line is %q, want %q", r.ID, lines[2], want)
	}
	for _, section := range []string{"## Why it matters", "## Default when omitted", "## Bad example", "## Good example", "## How to fix"} {
		if !strings.Contains(doc, "\n"+section+"\n") {
			t.Errorf("%s: doc lacks the section %q", r.ID, section)
		}
	}
	// Every parameter is documented, with the key users write.
	if len(r.Params) > 0 && !strings.Contains(doc, "\n## Parameters\n") {
		t.Errorf("%s: takes parameters, so its doc needs a \"## Parameters\" section", r.ID)
	}
	for _, p := range r.Params {
		if !strings.Contains(doc, "`"+p.Name+"`") {
			t.Errorf("%s: doc does not describe parameter `%s`", r.ID, p.Name)
		}
		if p.Doc == "" {
			t.Errorf("%s: parameter %s has no Doc", r.ID, p.Name)
		}
		if _, err := p.Convert(yamlish(p.Default)); err != nil {
			t.Errorf("%s: parameter %s: default %#v is not %s", r.ID, p.Name, p.Default, p.Kind)
		}
	}
}

// yamlish turns a Go default back into what the YAML decoder would give,
// so that Convert can check it.
func yamlish(v any) any {
	if l, ok := v.([]string); ok {
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out
	}
	return v
}

func checkFixtures(t *testing.T, r *linter.Rule) {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(filepath.Join(fixtures, r.ID), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(p))
		}
		return nil
	})
	for _, f := range r.Formats {
		for _, prefix := range []string{"bad", "good"} {
			found := false
			for _, name := range files {
				for _, ext := range formatFiles[f] {
					if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ext) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: no %s fixture for %s (fixtures/%s/%s*%s)", r.ID, prefix, f, r.ID, prefix, formatFiles[f][0])
			}
		}
	}
}

// TestCatalog checks IDs, slugs, severities and opt-in status against the
// shared catalog, when it is beside the project (as in CI).
func TestCatalog(t *testing.T) {
	f, err := os.Open("../../shared/CATALOG.md")
	if err != nil {
		t.Skip("../shared/CATALOG.md not present")
	}
	defer f.Close()
	row := regexp.MustCompile(`^\| (EKS-[A-Z0-9]+-\d{3}) \| ([a-z0-9-]+)( \(opt-in\))? \| (low|medium|high|critical) \|`)
	type entry struct {
		name, severity string
		optIn          bool
	}
	catalog := map[string]entry{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			catalog[m[1]] = entry{m[2], m[4], m[3] != ""}
		}
	}
	if len(catalog) < 50 {
		t.Fatalf("read only %d catalog rows; has the table's format changed?", len(catalog))
	}
	for _, r := range All() {
		e, ok := catalog[r.ID]
		switch {
		case !ok:
			t.Errorf("%s: not in the catalog", r.ID)
		case e.name != r.Name:
			t.Errorf("%s: name %q, catalog says %q", r.ID, r.Name, e.name)
		case e.severity != r.Severity.String():
			t.Errorf("%s: severity %s, catalog says %s", r.ID, r.Severity, e.severity)
		case e.optIn == r.Default:
			t.Errorf("%s: Default %v, catalog opt-in %v", r.ID, r.Default, e.optIn)
		}
	}
}

// TestConfigurationDocListsParameters keeps the parameter table of
// docs/configuration.md in step with the rules.
func TestConfigurationDocListsParameters(t *testing.T) {
	b, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, r := range All() {
		for _, p := range r.Params {
			if !strings.Contains(doc, "| `"+r.ID+"` | `"+p.Name+"` |") {
				t.Errorf("docs/configuration.md has no row for %s's parameter %s", r.ID, p.Name)
			}
		}
	}
}
