package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// sarifOf writes r as SARIF and reads it back into the emitter's own types.
func sarifOf(t *testing.T, r *linter.Result, o Options) (sarifRun, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, o); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log.Runs[0], b.Bytes()
}

func TestSARIFShape(t *testing.T) {
	run, raw := sarifOf(t, sample(), opts)
	if len(run.Results) != 2 {
		t.Fatalf("want the 2 unsuppressed results, got %d", len(run.Results))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", r.RuleIndex, r.RuleID)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: want exactly one location based on %%SRCROOT%%: %+v", r.RuleID, r.Locations)
		}
		if r.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("%s: no fingerprint", r.RuleID)
		}
	}
	if got := run.Results[0].Locations[0].LogicalLocations; len(got) != 1 || got[0] != (sarifLogicalLocation{"aws_eks_cluster.main", "resource"}) {
		t.Errorf("logical location %+v", got)
	}
	rule := run.Tool.Driver.Rules[0]
	if rule.FullDescription.Text != "The cluster API endpoint is public." {
		t.Errorf("fullDescription %q: want the doc's first paragraph", rule.FullDescription.Text)
	}
	if rule.Properties.SecuritySeverity != "9.5" || rule.Properties.Precision != "high" || rule.HelpURI == "" || rule.Help.Markdown == "" {
		t.Errorf("rule properties %+v", rule)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Errorf("problems must make executionSuccessful false and be notifications: %+v", inv)
	}
	if n := inv.ToolExecutionNotifications[1]; n.Level != "note" || n.Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("a problem without a line is a located note without a region: %+v", n)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	// No absolute path of this machine may leak into the log.
	if bytes.Contains(raw, []byte("file://")) || bytes.Contains(raw, []byte("originalUriBaseIds")) {
		t.Error("the log names a machine path")
	}
}

func TestSARIFLevels(t *testing.T) {
	rule := &linter.Rule{ID: "EKS-T-001", Name: "t", Summary: "s", Severity: linter.High}
	r := &linter.Result{Rules: []*linter.Rule{rule}}
	sevs := []linter.Severity{linter.Critical, linter.High, linter.Medium, linter.Low}
	for i, sev := range sevs {
		r.Findings = append(r.Findings, linter.Finding{RuleID: rule.ID, Severity: sev, Message: "m",
			Range: rng("a.tf", i+1, 1, i+1, 5), Object: fmt.Sprintf("o%d", i)})
	}
	run, _ := sarifOf(t, r, Options{})
	want := []struct{ level, score string }{{"error", "9.5"}, {"error", "8.0"}, {"warning", "5.5"}, {"note", "3.0"}}
	for i, res := range run.Results {
		if res.Level != want[i].level {
			t.Errorf("%s → level %q, want %q", sevs[i], res.Level, want[i].level)
		}
		if SecuritySeverity(sevs[i]) != want[i].score {
			t.Errorf("%s → security-severity %q, want %q", sevs[i], SecuritySeverity(sevs[i]), want[i].score)
		}
		// Only findings graded away from the rule's default carry their own score.
		if graded := sevs[i] != rule.Severity; graded != (res.Properties != nil) {
			t.Errorf("%s: result properties %+v", sevs[i], res.Properties)
		} else if graded && res.Properties.SecuritySeverity != want[i].score {
			t.Errorf("%s: result security-severity %q", sevs[i], res.Properties.SecuritySeverity)
		}
	}
	if got := run.Tool.Driver.Rules[0].DefaultConfiguration.Level; got != "error" {
		t.Errorf("high rule → default level %q", got)
	}
	if SecuritySeverity(linter.Severity(9)) != "9.5" || Level(linter.Severity(9)) != "note" {
		t.Error("an out-of-range severity must not panic")
	}
}

func TestRuleIndexAgreesWithRuleID(t *testing.T) {
	var rules []*linter.Rule
	for i := range 5 {
		rules = append(rules, &linter.Rule{ID: fmt.Sprintf("EKS-T-%03d", i), Name: "n", Summary: "s"})
	}
	r := &linter.Result{Rules: rules}
	// Findings in an order unrelated to the rules' order.
	for _, i := range []int{3, 0, 4, 4, 1} {
		r.Findings = append(r.Findings, linter.Finding{RuleID: rules[i].ID, Message: "m", Range: rng("a.tf", 1, 1, 1, 2), Object: "o"})
	}
	run, _ := sarifOf(t, r, Options{})
	if len(run.Results) != 5 {
		t.Fatalf("%d results", len(run.Results))
	}
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("ruleIndex %d names %s, ruleId is %s", res.RuleIndex, got, res.RuleID)
		}
	}
}

func TestSARIFUnknownRuleIsReported(t *testing.T) {
	r := sample()
	r.Findings = append(r.Findings, linter.Finding{RuleID: "EKS-GONE-001", Message: "m", Range: rng("z.tf", 1, 1, 1, 2), Object: "o"})
	run, _ := sarifOf(t, r, Options{})
	if len(run.Results) != 2 {
		t.Errorf("%d results, want 2 (a result without its rule makes GitHub reject the file)", len(run.Results))
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if last := notes[len(notes)-1]; last.Level != "warning" || !strings.Contains(last.Message.Text, `1 finding(s) of rule "EKS-GONE-001"`) {
		t.Errorf("no warning for the left-out finding: %+v", last)
	}
}

func TestSARIFOutsideWorkingDirectory(t *testing.T) {
	run, raw := sarifOf(t, awkward(), Options{})
	if bytes.Contains(raw, []byte("outside the working directory\"")) {
		t.Error("a finding in an absolute path was written as a result")
	}
	var related []sarifRelated
	for _, res := range run.Results {
		if res.Message.Text == "related outside" {
			related = res.RelatedLocations
		}
		if res.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %q is not under %%SRCROOT%%", res.Message.Text)
		}
	}
	if len(related) != 1 || related[0].Message.Text != "inside" || related[0].ID != 2 {
		t.Errorf("related locations %+v: want only the one inside, keeping its id", related)
	}
	var warned, located bool
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		warned = warned || n.Level == "warning" && strings.HasPrefix(n.Message.Text, "1 finding(s) in files outside the working directory")
		located = located || len(n.Locations) > 0 && n.Locations[0].PhysicalLocation.ArtifactLocation.URI == "file:///abs/broken.yaml"
	}
	if !warned || !located {
		t.Errorf("want a warning for the left-out finding (%v) and the absolute problem as a file: URI (%v)", warned, located)
	}
}

func TestSARIFSuppressed(t *testing.T) {
	for _, include := range []bool{false, true} {
		run, _ := sarifOf(t, sample(), Options{IncludeSuppressed: include})
		var suppressed []sarifResult
		for _, res := range run.Results {
			if len(res.Suppressions) > 0 {
				suppressed = append(suppressed, res)
			}
		}
		if !include {
			if len(run.Results) != 2 || len(suppressed) != 0 {
				t.Errorf("without IncludeSuppressed: %d results, %d suppressed", len(run.Results), len(suppressed))
			}
			continue
		}
		if len(run.Results) != 3 || len(suppressed) != 1 {
			t.Fatalf("with IncludeSuppressed: %d results, %d suppressed", len(run.Results), len(suppressed))
		}
		if got := suppressed[0].Suppressions[0]; got != (sarifSuppression{Kind: "inSource", Justification: "torn down nightly"}) {
			t.Errorf("suppression %+v", got)
		}
	}
}

func TestSARIFResultLimit(t *testing.T) {
	rule := &linter.Rule{ID: "EKS-T-001", Name: "t", Summary: "s"}
	r := &linter.Result{Rules: []*linter.Rule{rule}}
	for i := range maxSARIFResults + 3 {
		r.Findings = append(r.Findings, linter.Finding{RuleID: rule.ID, Message: "m", Range: rng("a.tf", i+1, 1, i+1, 2), Object: "o"})
	}
	run, _ := sarifOf(t, r, Options{})
	if len(run.Results) != maxSARIFResults {
		t.Errorf("%d results, want %d", len(run.Results), maxSARIFResults)
	}
	if got := run.Results[len(run.Results)-1].Locations[0].PhysicalLocation.Region.StartLine; got != maxSARIFResults {
		t.Errorf("the last result kept is at line %d: the first %d must be kept", got, maxSARIFResults)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || notes[0].Level != "warning" || !strings.HasPrefix(notes[0].Message.Text, "3 findings were left out") {
		t.Errorf("notifications %+v", notes)
	}
}

func TestEncodePath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"infra/main.tf", "infra/main.tf"},
		{"k8s/my app/deploy.yaml", "k8s/my%20app/deploy.yaml"},
		{"c:x.tf", "c%3Ax.tf"},
		{"a#b/50%/q?.yaml", "a%23b/50%25/q%3F.yaml"},
		{"über/ä.tf", "%C3%BCber/%C3%A4.tf"},
		{"a,b;c/[x].tf", "a%2Cb%3Bc/%5Bx%5D.tf"},
		{"dir-1/file_2.~.tf", "dir-1/file_2.~.tf"},
	} {
		if got := encodePath(tt.in); got != tt.want {
			t.Errorf("encodePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestArtifact(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want sarifArtifact
	}{
		{"infra/main.tf", sarifArtifact{"infra/main.tf", "%SRCROOT%"}},
		{"../other/x.tf", sarifArtifact{"../other/x.tf", "%SRCROOT%"}},
		{"/home/u/my repo/main.tf", sarifArtifact{"file:///home/u/my%20repo/main.tf", ""}},
	} {
		if got := artifact(tt.in); got != tt.want {
			t.Errorf("artifact(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	if got := encodeAbsolute("/C:/my repo/a:b.tf"); got != "/C:/my%20repo/a%3Ab.tf" {
		t.Errorf("Windows drive: %q", got)
	}
}

func TestRegionClamp(t *testing.T) {
	for _, tt := range []struct {
		in   source.Range
		want sarifRegion
	}{
		{rng("a", 4, 3, 6, 2), sarifRegion{4, 3, 6, 2}},
		{rng("a", 0, 0, 0, 0), sarifRegion{1, 1, 1, 1}},
		{rng("a", 5, 7, 0, 0), sarifRegion{5, 7, 5, 7}},     // no end known
		{rng("a", 5, 7, 5, 2), sarifRegion{5, 7, 5, 7}},     // end before start
		{rng("a", 5, 7, 3, 9), sarifRegion{5, 7, 5, 7}},     // end line before start line
		{rng("a", 5, 0, 6, 0), sarifRegion{5, 1, 6, 1}},     // columns unknown
		{rng("a", 2, 1, 2, 1), sarifRegion{2, 1, 2, 1}},     // an insertion point
		{rng("a", 2, 10, 9, 1), sarifRegion{2, 10, 9, 1}},   // multi-line ends early on its last line
		{rng("a", -1, -1, -1, -1), sarifRegion{1, 1, 1, 1}}, // garbage in, valid region out
		{rng("a", 3, 4, 3, 5), sarifRegion{3, 4, 3, 5}},     // one character
		{rng("a", 1, 1, 100000, 1), sarifRegion{1, 1, 100000, 1}},
	} {
		if got := *region(tt.in); got != tt.want {
			t.Errorf("region(%v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestSARIFTags(t *testing.T) {
	many := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "security"}
	for _, tt := range []struct{ in, want []string }{
		{nil, []string{}},
		{[]string{"security", "network"}, []string{"security", "network"}},
		{[]string{"network", "security"}, []string{"security", "network"}},
		{[]string{"reliability", "nodes"}, []string{"reliability", "nodes"}},
		{[]string{"x", "", "x", " y "}, []string{"x", "y"}},
		{many, []string{"security", "a", "b", "c", "d", "e", "f", "g", "h", "i"}},
	} {
		if got := sarifTags(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) || got == nil {
			t.Errorf("sarifTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRuleDescriptions(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"", "summary"},
		{"# T\n\nSeverity: high · Formats: Terraform\n\nFirst\nparagraph.\n\nSecond.", "First paragraph."},
		{"# T\r\n\r\nOnly paragraph.\r\n", "Only paragraph."},
		{"# T\n\n## Heading only\n", "summary"},
	} {
		if got := firstParagraph(tt.doc, "summary"); got != tt.want {
			t.Errorf("firstParagraph(%q) = %q, want %q", tt.doc, got, tt.want)
		}
	}
	long := strings.Repeat("é", 2000)
	rule := sarifRuleOf(&linter.Rule{ID: "X", Summary: long, Doc: "# X\n\n" + long})
	for _, text := range []string{rule.ShortDescription.Text, rule.FullDescription.Text} {
		if n := len([]rune(text)); n != maxSARIFDescription || !strings.HasSuffix(text, "…") || !utf8.ValidString(text) {
			t.Errorf("a long description is %d characters, want %d ending in …", n, maxSARIFDescription)
		}
	}
	if rule.Help.Text != "# X\n\n"+long {
		t.Error("help must be the whole doc")
	}
}

func TestSemver(t *testing.T) {
	for in, want := range map[string]string{"0.1.0": "0.1.0", "v1.2.3": "1.2.3", "0.1.0-dev": "0.1.0-dev",
		"1.0.0+abc.1": "1.0.0+abc.1", "devel": "", "(devel)": "", "1.2": "", "": "", "01.2.3": ""} {
		if got := semver(in); got != want {
			t.Errorf("semver(%q) = %q, want %q", in, got, want)
		}
	}
}

// awkward is a Result with the inputs most likely to upset GitHub's
// ingestion: odd paths, a problem without a file, regions to clamp, a
// graded severity and a suppressed finding.
func awkward() *linter.Result {
	r := sample()
	r.Findings = append(r.Findings,
		linter.Finding{RuleID: "EKS-K8S-010", Severity: linter.High, Message: "odd path", Range: rng("c:dir/ä #1.yaml", 0, 0, 0, 0),
			Object: "Pod/default/p", Format: model.Kubernetes},
		linter.Finding{RuleID: "EKS-CP-001", Severity: linter.Critical, Message: "backwards range", Range: rng("infra/main.tf", 9, 8, 7, 1),
			Object: "aws_eks_cluster.x", Format: model.Terraform},
		linter.Finding{RuleID: "EKS-CP-001", Severity: linter.Critical, Message: "outside the working directory", Range: rng("/abs/dir x/main.tf", 2, 1, 2, 9),
			Object: "aws_eks_cluster.y", Format: model.Terraform},
		linter.Finding{RuleID: "EKS-CP-001", Severity: linter.Critical, Message: "related outside", Range: rng("z.tf", 2, 1, 2, 9),
			Object: "aws_eks_cluster.z", Format: model.Terraform,
			Related: []linter.Related{{Range: rng("/abs/net.tf", 1, 1, 1, 5), Message: "outside"}, {Range: rng("y.tf", 1, 1, 1, 5), Message: "inside"}}},
	)
	r.Problems = append(r.Problems, source.Warnf(rng("a b/c.tf", 0, 0, 0, 0), "whole-file warning"),
		source.Errorf(rng("/abs/broken.yaml", 2, 1, 2, 1), "absolute problem"))
	return r
}

// TestSARIFValidates runs GitHub's ingestion checks on the output: the
// SARIF schema, the SARIF Multitool with GitHub's rules, and GitHub's limits.
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
	dir := t.TempDir()
	var files []string
	for i, c := range []struct {
		r *linter.Result
		o Options
	}{
		{sample(), opts},
		{sample(), Options{ToolVersion: "0.1.0-dev", IncludeSuppressed: true}},
		{awkward(), Options{ToolVersion: "1.2.3-rc.1+build.7", IncludeSuppressed: true}},
		{&linter.Result{}, Options{ToolVersion: "0.1.0"}},
	} {
		var b bytes.Buffer
		if err := SARIF(&b, c.r, c.o); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("out%d.sarif", i))
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	out, err := exec.Command(script, files...).CombinedOutput()
	if err != nil {
		t.Fatalf("validate-sarif.sh: %v\n%s", err, out)
	}
	// Warnings do not change the exit status; we want none either.
	if bytes.Contains(out, []byte(": warning ")) {
		t.Errorf("validate-sarif.sh warns:\n%s", out)
	}
}
