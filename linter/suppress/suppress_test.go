package suppress

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

const path = "main.tf"

// layout builds the source.File of src the way an adapter would: every '#'
// starts a comment running to the end of its line, and each scope, given
// as a [first, last] line span, starts at the first non-blank column of
// its first line and ends after the last character before any comment of
// its last line.
func layout(src string, scopes ...[2]int) *source.File {
	f := &source.File{Path: path}
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if j := strings.IndexByte(l, '#'); j >= 0 {
			f.Comments = append(f.Comments, source.Comment{
				Range: span(i+1, j+1, i+1, len(l)+1),
				Text:  l[j+1:],
			})
		}
	}
	for _, s := range scopes {
		last, _, _ := strings.Cut(lines[s[1]-1], "#")
		f.Scopes = append(f.Scopes, span(s[0], indent(lines[s[0]-1]), s[1], len(strings.TrimRight(last, " "))+1))
	}
	return f
}

func span(l1, c1, l2, c2 int) source.Range {
	return source.Range{File: source.FileOf(path), Start: source.PosAt(l1, c1), End: source.PosAt(l2, c2)}
}

// indent is the first non-blank column of a line.
func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) + 1 }

// finding is a target on line n of src, starting at its first non-blank column.
func finding(src, rule string, n int) Target {
	l := strings.Split(src, "\n")[n-1]
	return Target{RuleID: rule, Range: span(n, indent(l), n, len(l)+1)}
}

// Three rules exist (EKS-CP-001..003) and EKS-K8S-010; EKS-CP-003 is disabled.
func known(id string) bool {
	switch id {
	case "EKS-CP-001", "EKS-CP-002", "EKS-CP-003", "EKS-K8S-010", "EKS-K8S-011", "EKS-K8S-020", "EKS-K8S-021":
		return true
	}
	return false
}
func enabled(id string) bool { return id != "EKS-CP-003" }

const cluster = `# ekslint:ignore EKS-CP-001 -- sandbox, torn down nightly
resource "aws_eks_cluster" "a" {
  name = "a"

  vpc_config {
    endpoint_public_access = true
  }
}`

func TestPlacement(t *testing.T) {
	type want struct {
		line   int    // finding line
		rule   string // finding rule
		reason string // "" = not suppressed
	}
	tests := []struct {
		name   string
		src    string
		scopes [][2]int
		want   []want
	}{
		{"same line (trailing comment)", "a = 1\nendpoint_public_access = true # ekslint:ignore EKS-CP-001 -- sandbox\nb = 2", nil,
			[]want{{2, "EKS-CP-001", "sandbox"}}},
		{"line above", "# ekslint:ignore EKS-CP-001 -- sandbox\nendpoint_public_access = true", nil,
			[]want{{2, "EKS-CP-001", "sandbox"}}},
		{"several comment lines above", "# ekslint:ignore EKS-CP-001 -- sandbox\n# The endpoint is public because…\n#\n# …the VPN is down.\nendpoint_public_access = true", nil,
			[]want{{5, "EKS-CP-001", "sandbox"}}},
		{"indented comments above", "  # first\n    # ekslint:ignore EKS-CP-001 -- sandbox\n  endpoint_public_access = true", nil,
			[]want{{3, "EKS-CP-001", "sandbox"}}},
		{"above the enclosing block", cluster, [][2]int{{2, 8}, {5, 7}},
			[]want{{6, "EKS-CP-001", "sandbox, torn down nightly"}, {2, "EKS-CP-001", "sandbox, torn down nightly"}}},
		{"above a nested block", "resource \"a\" \"b\" {\n  # ekslint:ignore EKS-CP-001 -- inner\n  vpc_config {\n    x = 1\n  }\n  y = 2\n}", [][2]int{{1, 7}, {3, 5}},
			[]want{{4, "EKS-CP-001", "inner"}, {6, "EKS-CP-001", ""}}},
		{"trailing comment on the block header", "resource \"a\" \"b\" { # ekslint:ignore EKS-CP-001 -- whole block\n  x = 1\n}\ny = 2", [][2]int{{1, 3}},
			[]want{{2, "EKS-CP-001", "whole block"}, {4, "EKS-CP-001", ""}}},
		{"blank line breaks the run", "# ekslint:ignore EKS-CP-001 -- sandbox\n\nendpoint_public_access = true", nil,
			[]want{{3, "EKS-CP-001", ""}}},
		{"blank line above the enclosing block", "# ekslint:ignore EKS-CP-001 -- sandbox\n\nresource \"a\" \"b\" {\n  x = 1\n}", [][2]int{{3, 5}},
			[]want{{4, "EKS-CP-001", ""}}},
		{"content line breaks the run", "# ekslint:ignore EKS-CP-001 -- sandbox\na = 1\nendpoint_public_access = true", nil,
			[]want{{2, "EKS-CP-001", "sandbox"}, {3, "EKS-CP-001", ""}}},
		{"a different rule", "# ekslint:ignore EKS-CP-002 -- sandbox\nendpoint_public_access = true", nil,
			[]want{{2, "EKS-CP-001", ""}}},
		{"several IDs", "# ekslint:ignore EKS-CP-002 , eks-cp-001,EKS-K8S-010 -- sandbox\nendpoint_public_access = true", nil,
			[]want{{2, "EKS-CP-001", "sandbox"}, {2, "EKS-CP-002", "sandbox"}, {2, "EKS-K8S-011", ""}}},
		{"IDs separated by blanks", "# ekslint:ignore EKS-CP-001 EKS-CP-002 -- sandbox\nx = 1", nil,
			[]want{{2, "EKS-CP-002", "sandbox"}}},
		{"a sibling block is not enclosed", "# ekslint:ignore EKS-CP-001 -- first only\nresource \"a\" \"b\" {\n  x = 1\n}\nresource \"a\" \"c\" {\n  x = 1\n}", [][2]int{{2, 4}, {5, 7}},
			[]want{{3, "EKS-CP-001", "first only"}, {6, "EKS-CP-001", ""}}},
		{"trailing comment after a closing brace", "resource \"a\" \"b\" {\n  x = 1\n} # ekslint:ignore EKS-CP-001 -- b\nresource \"a\" \"c\" {\n  x = 1\n}", [][2]int{{1, 3}, {4, 6}},
			[]want{{5, "EKS-CP-001", ""}}},
		{"trailing comment after a finding stays on its line", "a = 1 # ekslint:ignore EKS-CP-001 -- a only\nb = 2", nil,
			[]want{{1, "EKS-CP-001", "a only"}, {2, "EKS-CP-001", ""}}},
		// Documented choice: with nothing on the line that suppression can
		// see, a trailing comment counts as comment-only.
		{"trailing comment on a plain line reaches the next", "a = 1 # ekslint:ignore EKS-CP-001 -- next\nb = 2", nil,
			[]want{{2, "EKS-CP-001", "next"}}},
		{"nearest wins", "# ekslint:ignore EKS-CP-001 -- block\nresource \"a\" \"b\" {\n  # ekslint:ignore EKS-CP-001 -- line\n  x = 1\n  y = 2 # ekslint:ignore EKS-CP-001 -- trailing\n}", [][2]int{{2, 6}},
			[]want{{4, "EKS-CP-001", "line"}, {5, "EKS-CP-001", "trailing"}}},
		{"two lines above without a comment between", "# ekslint:ignore EKS-CP-001 -- sandbox\nx = 1\n\ny = 2", nil,
			[]want{{4, "EKS-CP-001", ""}}},
		{"not a directive", "# ekslint:ignored EKS-CP-001 -- sandbox\n# see ekslint:ignore EKS-CP-001 -- prose\nx = 1", nil,
			[]want{{3, "EKS-CP-001", ""}}},
		{"extra markers and a colon", "## ekslint:ignore: EKS-CP-001 -- sandbox\nx = 1", nil,
			[]want{{2, "EKS-CP-001", "sandbox"}}},
		{"no reason suppresses nothing", "# ekslint:ignore EKS-CP-001\nx = 1", nil,
			[]want{{2, "EKS-CP-001", ""}}},
		{"empty reason suppresses nothing", "# ekslint:ignore EKS-CP-001 --   \nx = 1", nil,
			[]want{{2, "EKS-CP-001", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := layout(tt.src, tt.scopes...)
			var targets []Target
			for _, w := range tt.want {
				targets = append(targets, finding(tt.src, w.rule, w.line))
			}
			m, _ := Apply(targets, []*source.File{f}, known, enabled)
			for i, w := range tt.want {
				got := ""
				if m[i] != nil {
					got = m[i].Reason
				}
				if got != w.reason {
					t.Errorf("%s on line %d: suppressed by %q, want %q", w.rule, w.line, got, w.reason)
				}
			}
		})
	}
}

// TestMatchRange: a match points at the directive that suppressed.
func TestMatchRange(t *testing.T) {
	f := layout(cluster, [2]int{2, 8})
	m, _ := Apply([]Target{finding(cluster, "EKS-CP-001", 6)}, []*source.File{f}, known, enabled)
	if m[0] == nil || m[0].Range != f.Comments[0].Range {
		t.Errorf("match %+v, want the range %v", m[0], f.Comments[0].Range)
	}
}

// TestBlockComment: a directive in a block comment spanning several lines
// applies below its last line, and comments around it keep the run going.
func TestBlockComment(t *testing.T) {
	f := &source.File{Path: path, Comments: []source.Comment{
		{Range: span(1, 1, 1, 10), Text: " note"},
		{Range: span(2, 1, 4, 3), Text: "\n * ekslint:ignore EKS-CP-001 -- sandbox,\n * rebuilt nightly\n"},
	}}
	targets := []Target{{RuleID: "EKS-CP-001", Range: span(5, 1, 5, 20)}}
	m, problems := Apply(targets, []*source.File{f}, known, enabled)
	if m[0] == nil || m[0].Reason != "sandbox, * rebuilt nightly" {
		t.Errorf("match %+v", m[0])
	}
	if len(problems) != 0 {
		t.Errorf("problems %v", problems)
	}
}

// TestOtherFile: a directive applies in its own file only.
func TestOtherFile(t *testing.T) {
	f := layout("# ekslint:ignore EKS-CP-001 -- sandbox\nx = 1")
	target := Target{RuleID: "EKS-CP-001", Range: source.Range{File: source.FileOf("other.tf"), Start: source.PosAt(2, 1)}}
	m, _ := Apply([]Target{target}, []*source.File{f, nil}, known, enabled)
	if m[0] != nil {
		t.Errorf("suppressed from another file: %+v", m[0])
	}
}

func TestProblems(t *testing.T) {
	const file = path + ":1:1: "
	tests := []struct {
		name    string
		comment string
		rule    string   // the rule of the finding on line 2
		want    []string // Problem.String() of each problem, in order
		matched bool
	}{
		{"used", "# ekslint:ignore EKS-CP-001 -- ok", "EKS-CP-001", nil, true},
		{"no reason", "# ekslint:ignore EKS-CP-001", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore needs a reason after --, e.g. `ekslint:ignore EKS-CP-001 -- why it does not apply`; it suppresses nothing"}, false},
		{"empty reason", "# ekslint:ignore EKS-CP-001 --", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore needs a reason after --"}, false},
		{"no rule", "# ekslint:ignore -- because", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore names no rule; write `ekslint:ignore RULE-ID -- reason`"}, false},
		{"nothing at all", "# ekslint:ignore", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore names no rule"}, false},
		{"unknown rule, one near", "# ekslint:ignore EKS-CP-01 -- why", "EKS-K8S-010",
			[]string{file + "warning: ekslint:ignore names EKS-CP-01, which is not an ekslint rule (did you mean EKS-CP-001?)"}, false},
		{"unknown rule, a finding's rule near", "# ekslint:ignore EKS-K8S-01 -- why", "EKS-K8S-011",
			[]string{file + "warning: ekslint:ignore names EKS-K8S-01, which is not an ekslint rule (did you mean EKS-K8S-011?)"}, false},
		{"unknown rule, nothing near", "# ekslint:ignore all -- why", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore names ALL, which is not an ekslint rule"}, false},
		{"unknown rule beside a known one", "# ekslint:ignore EKS-CP-001, EKS-ZZ-999 -- why", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore names EKS-ZZ-999, which is not an ekslint rule"}, true},
		{"unused", "# ekslint:ignore EKS-CP-002 -- why", "EKS-CP-001",
			[]string{file + "note: ekslint:ignore EKS-CP-002 matched no finding; remove it"}, false},
		{"one ID of two unused", "# ekslint:ignore EKS-CP-001,EKS-CP-002 -- why", "EKS-CP-001",
			[]string{file + "note: ekslint:ignore EKS-CP-002 matched no finding"}, true},
		{"the same ID twice, unused once", "# ekslint:ignore EKS-CP-002,EKS-CP-002 -- why", "EKS-CP-001",
			[]string{file + "note: ekslint:ignore EKS-CP-002 matched no finding"}, false},
		{"unused but disabled", "# ekslint:ignore EKS-CP-003 -- why", "EKS-CP-001", nil, false},
		{"no reason and unknown", "# ekslint:ignore EKS-XX-1", "EKS-CP-001",
			[]string{file + "warning: ekslint:ignore names EKS-XX-1, which is not an ekslint rule", file + "warning: ekslint:ignore needs a reason after --"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.comment + "\nx = 1"
			m, problems := Apply([]Target{finding(src, tt.rule, 2)}, []*source.File{layout(src)}, known, enabled)
			if (m[0] != nil) != tt.matched {
				t.Errorf("suppressed = %v, want %v", m[0] != nil, tt.matched)
			}
			if len(problems) != len(tt.want) {
				t.Fatalf("got %d problems %v, want %d", len(problems), problems, len(tt.want))
			}
			for i, p := range problems {
				if !strings.HasPrefix(p.String(), tt.want[i]) {
					t.Errorf("problem %d:\ngot  %s\nwant %s…", i, p, tt.want[i])
				}
			}
		})
	}
}

// TestProblemOrder: problems come by file, line and column, whatever the
// order of the files and comments.
func TestProblemOrder(t *testing.T) {
	b := &source.File{Path: "b.tf", Comments: []source.Comment{
		{Range: source.Range{File: source.FileOf("b.tf"), Start: source.PosAt(3, 1)}, Text: " ekslint:ignore EKS-CP-001"},
		{Range: source.Range{File: source.FileOf("b.tf"), Start: source.PosAt(1, 9)}, Text: " ekslint:ignore EKS-CP-002 -- x"},
		{Range: source.Range{File: source.FileOf("b.tf"), Start: source.PosAt(1, 2)}, Text: " ekslint:ignore -- x"},
	}}
	a := &source.File{Path: "a.tf", Comments: []source.Comment{
		{Range: source.Range{File: source.FileOf("a.tf"), Start: source.PosAt(7, 1)}, Text: " ekslint:ignore EKS-CP-001 -- x"},
	}}
	_, problems := Apply(nil, []*source.File{b, a}, known, enabled)
	var got []string
	for _, p := range problems {
		got = append(got, p.Range.String())
	}
	want := "a.tf:7:1 b.tf:1:2 b.tf:1:9 b.tf:3:1"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

func TestAnnotation(t *testing.T) {
	obj := func(val string) source.Value[string] { return source.SetAt(val, span(4, 24, 4, 60)) }
	at := func(rule string, ann source.Value[string]) Target {
		return Target{RuleID: rule, Range: span(10, 7, 10, 20), Annotation: ann}
	}
	tests := []struct {
		name    string
		val     string
		rules   []string // the object's findings
		matched []bool
		want    []string // messages
	}{
		{"applies to every finding of the listed rules", "EKS-K8S-010, EKS-K8S-011 -- batch worker", []string{"EKS-K8S-010", "EKS-K8S-011", "EKS-K8S-010", "EKS-K8S-020"},
			[]bool{true, true, true, false}, nil},
		{"keyword tolerated", "ekslint:ignore EKS-K8S-010 -- batch", []string{"EKS-K8S-010"}, []bool{true}, nil},
		{"unused ID", "EKS-K8S-010,EKS-K8S-011 -- batch worker", []string{"EKS-K8S-010"},
			[]bool{true}, []string{"ekslint.io/ignore EKS-K8S-011 matched no finding; remove it"}},
		{"no reason", "EKS-K8S-010", []string{"EKS-K8S-010", "EKS-K8S-010"},
			[]bool{false, false}, []string{"ekslint.io/ignore needs a reason after --"}},
		{"unknown ID", "EKS-K8S-10 -- batch", []string{"EKS-K8S-010"},
			[]bool{false}, []string{"ekslint.io/ignore names EKS-K8S-10, which is not an ekslint rule (did you mean EKS-K8S-010?)"}},
		{"no ID", " -- batch", []string{"EKS-K8S-010"},
			[]bool{false}, []string{"ekslint.io/ignore names no rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var targets []Target
			for _, r := range tt.rules {
				targets = append(targets, at(r, obj(tt.val)))
			}
			m, problems := Apply(targets, nil, known, enabled)
			for i, want := range tt.matched {
				if (m[i] != nil) != want {
					t.Errorf("finding %d (%s): suppressed = %v, want %v", i, tt.rules[i], m[i] != nil, want)
				}
				if m[i] != nil && (m[i].Range != obj("").Range || m[i].Reason == "") {
					t.Errorf("finding %d: match %+v", i, m[i])
				}
			}
			if len(problems) != len(tt.want) {
				t.Fatalf("problems %v, want %v", problems, tt.want)
			}
			for i, p := range problems {
				if !strings.HasPrefix(p.Message, tt.want[i]) || p.Range != obj("").Range {
					t.Errorf("problem %v, want %q at the annotation", p, tt.want[i])
				}
			}
		})
	}
}

// TestAnnotationAndComment: when both apply, the comment (nearer) gives the
// match and neither is reported unused.
func TestAnnotationAndComment(t *testing.T) {
	src := "# ekslint:ignore EKS-K8S-010 -- comment\nx = 1"
	target := finding(src, "EKS-K8S-010", 2)
	target.Annotation = source.SetAt("EKS-K8S-010 -- annotation", span(9, 1, 9, 30))
	m, problems := Apply([]Target{target}, []*source.File{layout(src)}, known, enabled)
	if m[0] == nil || m[0].Reason != "comment" {
		t.Errorf("match %+v", m[0])
	}
	if len(problems) != 0 {
		t.Errorf("problems %v", problems)
	}
}

// TestNoPosition: a finding without a line is reached by its annotation only.
func TestNoPosition(t *testing.T) {
	f := layout("# ekslint:ignore EKS-K8S-010 -- comment\nx = 1")
	target := Target{RuleID: "EKS-K8S-010", Range: source.Range{File: source.FileOf(path)}}
	m, problems := Apply([]Target{target}, []*source.File{f}, known, enabled)
	if m[0] != nil {
		t.Errorf("suppressed: %+v", m[0])
	}
	if len(problems) != 1 || problems[0].Level != source.LevelNote {
		t.Errorf("problems %v", problems)
	}
}

// TestHasDirective: HasDirective finds every comment Apply reads as a
// directive, well-formed or not, and when it finds none Apply (without
// annotations) matches and reports nothing, which is what lets the engine
// skip Apply.
func TestHasDirective(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"resource \"aws_eks_cluster\" \"a\" {\n  name = \"a\"\n}\n", false},
		{"# an ordinary comment\nresource \"aws_eks_cluster\" \"a\" {\n}\n", false},
		{"# ekslint:ignored EKS-CP-001 -- another word\nresource \"aws_eks_cluster\" \"a\" {\n}\n", false},
		{"# ekslint:ignore-all\nresource \"aws_eks_cluster\" \"a\" {\n}\n", false},
		{"# see ekslint:ignore EKS-CP-001 -- prose\nresource \"aws_eks_cluster\" \"a\" {\n}\n", false},
		{cluster, true},
		{"# ekslint:ignore\nresource \"aws_eks_cluster\" \"a\" {\n}\n", true},
		{"# ekslint:ignore EKS-CP-001\nresource \"aws_eks_cluster\" \"a\" {\n}\n", true},
		{"## ekslint:ignore: EKS-NOPE-001 -- typo\nresource \"aws_eks_cluster\" \"a\" {\n}\n", true},
		{"resource \"aws_eks_cluster\" \"a\" { # ekslint:ignore EKS-CP-002 -- unused\n}\n", true},
	} {
		head, _, _ := strings.Cut(c.src, "resource")
		f := layout(c.src, [2]int{strings.Count(head, "\n") + 1, strings.Count(c.src, "\n")})
		files := []*source.File{nil, f}
		if got := HasDirective(files); got != c.want {
			t.Errorf("HasDirective(%q) = %v, want %v", c.src, got, c.want)
		}
		var targets []Target
		for _, rule := range []string{"EKS-CP-001", "EKS-CP-002"} {
			targets = append(targets, Target{RuleID: rule, Range: f.Scopes[0]})
		}
		matches, problems := Apply(targets, files, known, enabled)
		suppressed := false
		for _, m := range matches {
			suppressed = suppressed || m != nil
		}
		if !c.want && (suppressed || len(problems) > 0) {
			t.Errorf("%q: no directive, yet Apply matched %v and reported %v", c.src, matches, problems)
		}
		if c.want && !suppressed && len(problems) == 0 {
			t.Errorf("%q: a directive, yet Apply neither matched nor reported anything", c.src)
		}
	}
}
