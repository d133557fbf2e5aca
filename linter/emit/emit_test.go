package emit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
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
	return source.Range{File: source.FileOf(file), Start: source.PosAt(l1, c1), End: source.PosAt(l2, c2)}
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
			source.Notef(source.Range{File: source.FileOf("chart")}, "skipped Helm chart"),
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

func TestText(t *testing.T) {
	first := "infra/main.tf:4:3: critical EKS-CP-001 the endpoint admits 0.0.0.0/0 (aws_eks_cluster.main)\n"
	for _, tt := range []struct {
		name           string
		opts           Options
		wantPrefix     string
		wantSuppressed bool
		wantColour     bool
	}{
		{"plain", Options{}, first, false, false},
		{"suppressed", Options{IncludeSuppressed: true}, first, true, false},
		{"colour", Options{Color: true}, "infra/main.tf:4:3: \x1b[1;31mcritical\x1b[0m", false, true},
		{"colour and suppressed", Options{Color: true, IncludeSuppressed: true}, "infra/main.tf:4:3: \x1b[1;31mcritical", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, sample(), tt.opts); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !strings.HasPrefix(out, tt.wantPrefix) {
				t.Errorf("got %q, want prefix %q", out, tt.wantPrefix)
			}
			if got := strings.Contains(out, "suppressed one (aws_eks_cluster.sandbox) [suppressed: torn down nightly]"); got != tt.wantSuppressed {
				t.Errorf("suppressed finding written = %v, want %v:\n%s", got, tt.wantSuppressed, out)
			}
			if got := strings.Contains(out, "\x1b["); got != tt.wantColour {
				t.Errorf("colour written = %v, want %v:\n%q", got, tt.wantColour, out)
			}
			if tt.wantColour && !strings.Contains(out, "\x1b[33mmedium\x1b[0m") {
				t.Errorf("medium is not yellow: %q", out)
			}
			wantLines := 2
			if tt.wantSuppressed {
				wantLines = 3
			}
			if n := strings.Count(out, "\n"); n != wantLines {
				t.Errorf("%d lines, want %d (no summary line)", n, wantLines)
			}
		})
	}
}

func TestSeverityColours(t *testing.T) {
	for sev, want := range map[linter.Severity]string{
		linter.Critical: ansiRed, linter.High: ansiRed, linter.Medium: ansiYellow, linter.Low: ansiCyan,
	} {
		r := &linter.Result{Findings: []linter.Finding{{RuleID: "X", Severity: sev, Message: "m", Range: rng("a.tf", 1, 1, 1, 2), Object: "o"}}}
		var b bytes.Buffer
		_ = Text(&b, r, Options{Color: true})
		if !strings.Contains(b.String(), want+sev.String()+ansiReset) {
			t.Errorf("%s: got %q", sev, b.String())
		}
	}
}

func TestTextProblems(t *testing.T) {
	var b bytes.Buffer
	if err := TextProblems(&b, sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	want := "broken.yaml:3:1: error: invalid YAML: did not find expected key\nchart: note: skipped Helm chart\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestJSONSummary(t *testing.T) {
	for _, include := range []bool{false, true} {
		var b bytes.Buffer
		if err := JSON(&b, sample(), Options{IncludeSuppressed: include}); err != nil {
			t.Fatal(err)
		}
		var rep jsonReport
		if err := json.Unmarshal(b.Bytes(), &rep); err != nil {
			t.Fatal(err)
		}
		wantFindings := 2
		if include {
			wantFindings = 3
		}
		if len(rep.Findings) != wantFindings {
			t.Errorf("include=%v: %d findings written, want %d", include, len(rep.Findings), wantFindings)
		}
		if include && (rep.Findings[1].Suppressed == nil || rep.Findings[1].Suppressed.Reason != "torn down nightly") {
			t.Errorf("suppressed finding not marked: %+v", rep.Findings[1])
		}
		want := jsonSummary{Findings: 2, BySeverity: jsonBySeverity{Critical: 1, Medium: 1}, Suppressed: 1, Problems: 2, Files: 3}
		if rep.Summary != want {
			t.Errorf("include=%v: summary %+v, want %+v", include, rep.Summary, want)
		}
		if rep.Problems[1].Line != 0 || strings.Contains(b.String(), `"line": 0`) {
			t.Error("a problem without a line must leave line out")
		}
		if !strings.HasSuffix(b.String(), "}\n") {
			t.Error("JSON does not end in a newline")
		}
	}
	// An empty run still has arrays, not nulls.
	var b bytes.Buffer
	_ = JSON(&b, &linter.Result{}, Options{})
	if !strings.Contains(b.String(), `"findings": []`) || !strings.Contains(b.String(), `"problems": []`) {
		t.Errorf("empty report: %s", b.String())
	}
}

// TestFingerprintSurvivesLineMoves: only the line changed, so the
// fingerprint must not.
func TestFingerprintSurvivesLineMoves(t *testing.T) {
	f := sample().Findings[0]
	moved := f
	moved.Range = rng(f.Range.Path(), int(f.Range.Start.Line)+10, 3, int(f.Range.End.Line)+10, 13)
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

// TestTextHasNoControlCharacters: a file name or a value holding a newline
// or an escape sequence cannot forge a line of its own, nor rewrite the
// terminal: each finding and problem stays one line, escaped.
func TestTextHasNoControlCharacters(t *testing.T) {
	r := &linter.Result{
		Findings: []linter.Finding{{RuleID: "EKS-CP-001", Severity: linter.Critical, Range: rng("x\nmain.tf:1:1: critical EKS-FAKE forged.tf", 1, 1, 1, 2),
			Message: "name \x1b[2J\r", Object: "aws_eks_cluster.c\x07"}},
		Problems: []source.Problem{source.Errorf(rng("y\n.yaml", 2, 1, 2, 1), "bad \x1b]0;title\x07")},
	}
	var out, problems bytes.Buffer
	if err := Text(&out, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := TextProblems(&problems, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{out.String(), problems.String()} {
		if strings.Count(s, "\n") != 1 || strings.ContainsAny(strings.TrimSuffix(s, "\n"), "\x1b\r\x07\n") {
			t.Errorf("control characters printed: %q", s)
		}
	}
	if want := `x\x0amain.tf:1:1: critical EKS-FAKE forged.tf:1:1: critical EKS-CP-001 name \x1b[2J\x0d (aws_eks_cluster.c\x07)` + "\n"; out.String() != want {
		t.Errorf("got  %q\nwant %q", out.String(), want)
	}
}
