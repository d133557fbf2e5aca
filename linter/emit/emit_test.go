package emit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func rng(file string, l1, c1, l2, c2 int) source.Range {
	return source.Range{File: file, Start: source.Pos{Line: l1, Col: c1}, End: source.Pos{Line: l2, Col: c2}}
}

// sample is a Result that exercises every part of the formats.
func sample() *linter.Result {
	public := &linter.Rule{ID: "EKS-CP-001", Name: "cluster-endpoint-public-unrestricted", Summary: "The endpoint is open to the world",
		Severity: linter.Critical, Default: true, Tags: []string{"security", "network"},
		Doc: "# EKS-CP-001: cluster-endpoint-public-unrestricted\n\nSeverity: critical\n\nThe cluster API endpoint\nis public.\n\n## Why it matters\n\nBecause.\n"}
	probe := &linter.Rule{ID: "EKS-K8S-010", Name: "liveness-probe-missing", Summary: "No liveness probe",
		Severity: linter.Low, Default: true, Tags: []string{"reliability"},
		Doc: "# EKS-K8S-010: liveness-probe-missing\n\nSeverity: low\n\nA container has no liveness probe.\n"}
	return &linter.Result{
		Rules: []*linter.Rule{public, probe},
		Files: 3,
		Findings: []linter.Finding{
			{RuleID: "EKS-CP-001", Severity: linter.Critical, Message: "the endpoint admits 0.0.0.0/0", Range: rng("infra/main.tf", 4, 3, 4, 13),
				Object: "aws_eks_cluster.main", Format: model.Terraform,
				Related: []linter.Related{{Range: rng("infra/network.tf", 7, 3, 7, 35), Message: "subnet 1 is in eu-west-1a"}}},
			{RuleID: "EKS-CP-001", Severity: linter.Critical, Message: "suppressed one", Range: rng("infra/main.tf", 20, 1, 20, 30),
				Object: "aws_eks_cluster.sandbox", Format: model.Terraform,
				Suppression: &linter.Suppression{Reason: "torn down nightly", Range: rng("infra/main.tf", 19, 1, 19, 40)}},
			{RuleID: "EKS-K8S-010", Severity: linter.Medium, Message: `container "web" has no livenessProbe: 100% sure`, Range: rng("k8s/my app/deploy.yaml", 12, 11, 12, 20),
				Object: "Deployment/shop/web", Format: model.Kubernetes},
		},
		Problems: []source.Problem{
			source.Errorf(rng("broken.yaml", 3, 1, 3, 1), "invalid YAML: did not find expected key"),
			source.Notef(source.Range{File: "chart"}, "skipped Helm chart"),
		},
	}
}

var opts = Options{ToolVersion: "1.2.3", CommandLine: "ekslint -f sarif .",
	StartTime: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), EndTime: time.Date(2026, 11, 22, 10, 0, 1, 0, time.UTC)}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./linter/emit -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./linter/emit -update and review the diff):\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		emit Emitter
		opts Options
	}{
		{"text.golden", Text, opts},
		{"text-suppressed.golden", Text, Options{IncludeSuppressed: true}},
		{"text-colour.golden", Text, Options{Color: true}},
		{"problems.golden", TextProblems, opts},
		{"json.golden", JSON, opts},
		{"sarif.golden", SARIF, opts},
		{"sarif-suppressed.golden", SARIF, Options{ToolVersion: "1.2.3", IncludeSuppressed: true}},
		{"github.golden", GitHub, opts},
		{"markdown.golden", Markdown, opts},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.emit(&b, sample(), tt.opts); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
			// The same Result gives the same bytes.
			var again bytes.Buffer
			_ = tt.emit(&again, sample(), tt.opts)
			if !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Error("output is not deterministic")
			}
		})
	}
}

func TestTextLine(t *testing.T) {
	var b bytes.Buffer
	_ = Text(&b, sample(), Options{})
	want := "infra/main.tf:4:3: critical EKS-CP-001 the endpoint admits 0.0.0.0/0 (aws_eks_cluster.main)\n"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("got %q", b.String())
	}
	if strings.Contains(b.String(), "suppressed one") || strings.Contains(b.String(), "\x1b[") {
		t.Errorf("suppressed finding or colour written: %q", b.String())
	}
}

func TestSARIFShape(t *testing.T) {
	var b bytes.Buffer
	if err := SARIF(&b, sample(), opts); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string
						Properties map[string]any
					}
				}
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []map[string]any
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != 2 {
		t.Fatalf("want the 2 unsuppressed results, got %d", len(run.Results))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
		if r.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("%s: no fingerprint", r.RuleID)
		}
	}
	if got := run.Results[0].Level; got != "error" {
		t.Errorf("critical → %q, want error", got)
	}
	if got := run.Results[1].Level; got != "warning" {
		t.Errorf("medium → %q, want warning", got)
	}
	if got := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "k8s/my%20app/deploy.yaml" {
		t.Errorf("uri %q not percent-encoded", got)
	}
	if got := run.Tool.Driver.Rules[0].Properties["security-severity"]; got != "9.5" {
		t.Errorf("security-severity %v", got)
	}
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 2 {
		t.Errorf("problems must make executionSuccessful false and be notifications: %+v", run.Invocations[0])
	}
}

// TestFingerprintSurvivesLineMoves: only the line changed, so the
// fingerprint must not.
func TestFingerprintSurvivesLineMoves(t *testing.T) {
	f := sample().Findings[0]
	moved := f
	moved.Range = rng(f.Range.File, f.Range.Start.Line+10, 3, f.Range.End.Line+10, 13)
	if f.Fingerprint() != moved.Fingerprint() {
		t.Error("fingerprint changed when the finding moved down")
	}
	moved.Message = "reworded in a later release"
	if f.Fingerprint() != moved.Fingerprint() {
		t.Error("fingerprint changed when the message was reworded")
	}
	other := f
	other.Object = "aws_eks_cluster.other"
	if f.Fingerprint() == other.Fingerprint() {
		t.Error("two objects share a fingerprint")
	}
	part := f
	part.Path = "containers[sidecar]"
	if f.Fingerprint() == part.Fingerprint() {
		t.Error("two parts of one object share a fingerprint")
	}
}

// TestSARIFValidates runs GitHub's ingestion checks on the output.
func TestSARIFValidates(t *testing.T) {
	script, _ := filepath.Abs("../../../shared/sarif/validate-sarif.sh")
	if _, err := os.Stat(script); err != nil {
		t.Skip("../shared/sarif/validate-sarif.sh not present")
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	for _, o := range []Options{opts, {IncludeSuppressed: true}} {
		var b bytes.Buffer
		if err := SARIF(&b, sample(), o); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "out.sarif")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(script, p).CombinedOutput()
		if err != nil {
			t.Errorf("validate-sarif.sh: %v\n%s", err, out)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	r := &linter.Result{Rules: sample().Rules, Findings: []linter.Finding{{RuleID: "EKS-CP-001", Severity: linter.Low,
		Message: "50% done\nnext, line: ok", Range: rng("a,b:c.tf", 1, 1, 1, 2), Object: "x"}}}
	if err := GitHub(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb%3Ac.tf,line=1,col=1,endLine=1,endColumn=2,title=EKS-CP-001::low: 50%25 done%0Anext, line: ok (x)\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}
