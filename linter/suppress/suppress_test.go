package suppress

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func at(line, col int) source.Range {
	return source.Range{File: "f.tf", Start: source.Pos{Line: line, Col: col}, End: source.Pos{Line: line, Col: col + 10}}
}

func comment(line, col int, text string) source.Comment {
	return source.Comment{Range: at(line, col), Text: text}
}

func known(id string) bool   { return strings.HasPrefix(id, "EKS-") && id != "EKS-XX-999" }
func enabled(id string) bool { return id != "EKS-CP-003" }

func TestPlacement(t *testing.T) {
	// A block spanning lines 5-12, with a nested block on 8-11.
	scopes := []source.Range{
		{File: "f.tf", Start: source.Pos{Line: 5, Col: 1}, End: source.Pos{Line: 12, Col: 2}},
		{File: "f.tf", Start: source.Pos{Line: 8, Col: 3}, End: source.Pos{Line: 11, Col: 4}},
	}
	tests := []struct {
		name     string
		comments []source.Comment
		target   source.Range
		rule     string
		want     bool
	}{
		{"same line", []source.Comment{comment(9, 20, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(9, 5), "EKS-CP-001", true},
		{"line above", []source.Comment{comment(8, 5, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(9, 5), "EKS-CP-001", true},
		{"several comment lines above", []source.Comment{
			comment(6, 3, " ekslint:ignore EKS-CP-001 -- sandbox"), comment(7, 3, " some other note")}, at(8, 3), "EKS-CP-001", true},
		{"above the enclosing block", []source.Comment{comment(4, 1, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(10, 5), "EKS-CP-001", true},
		{"above the nested block", []source.Comment{comment(7, 3, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(10, 5), "EKS-CP-001", true},
		{"blank line breaks the run", []source.Comment{comment(2, 1, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(10, 5), "EKS-CP-001", false},
		{"other rule", []source.Comment{comment(9, 20, " ekslint:ignore EKS-CP-002 -- sandbox")}, at(9, 5), "EKS-CP-001", false},
		{"several IDs", []source.Comment{comment(9, 20, " ekslint:ignore EKS-CP-002, EKS-CP-001 -- sandbox")}, at(9, 5), "EKS-CP-001", true},
		{"no reason", []source.Comment{comment(9, 20, " ekslint:ignore EKS-CP-001")}, at(9, 5), "EKS-CP-001", false},
		{"empty reason", []source.Comment{comment(9, 20, " ekslint:ignore EKS-CP-001 --   ")}, at(9, 5), "EKS-CP-001", false},
		{"two lines above is not the line above", []source.Comment{comment(1, 1, " ekslint:ignore EKS-CP-001 -- sandbox")}, at(3, 1), "EKS-CP-001", false},
		{"not a directive", []source.Comment{comment(9, 20, " ekslint:ignored EKS-CP-001 -- sandbox")}, at(9, 5), "EKS-CP-001", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &source.File{Path: "f.tf", Comments: tt.comments, Scopes: scopes}
			m, _ := Apply([]Target{{RuleID: tt.rule, Range: tt.target}}, []*source.File{f}, known, enabled)
			if got := m[0] != nil; got != tt.want {
				t.Errorf("suppressed = %v, want %v", got, tt.want)
			}
			if tt.want && m[0].Reason != "sandbox" {
				t.Errorf("reason %q", m[0].Reason)
			}
		})
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" = no problem
		level      source.Level
	}{
		{"used", " ekslint:ignore EKS-CP-001 -- ok", "", 0},
		{"no reason", " ekslint:ignore EKS-CP-001", "needs a reason", source.LevelWarning},
		{"no rule", " ekslint:ignore -- why", "names no rule", source.LevelWarning},
		{"unknown rule", " ekslint:ignore EKS-XX-999 -- why", "not an ekslint rule", source.LevelWarning},
		{"unused", " ekslint:ignore EKS-CP-002 -- why", "matched no finding", source.LevelNote},
		{"unused but disabled", " ekslint:ignore EKS-CP-003 -- why", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &source.File{Path: "f.tf", Comments: []source.Comment{comment(1, 1, tt.text)}}
			_, problems := Apply([]Target{{RuleID: "EKS-CP-001", Range: at(2, 1)}}, []*source.File{f}, known, enabled)
			if tt.want == "" {
				if len(problems) != 0 {
					t.Errorf("unexpected problems: %v", problems)
				}
				return
			}
			if len(problems) != 1 || !strings.Contains(problems[0].Message, tt.want) || problems[0].Level != tt.level {
				t.Fatalf("want one %s problem containing %q, got %v", tt.level, tt.want, problems)
			}
			if problems[0].Range.Start.Line != 1 {
				t.Errorf("problem not located at the comment: %v", problems[0])
			}
		})
	}
}

func TestAnnotation(t *testing.T) {
	ann := source.SetAt("EKS-K8S-010,EKS-K8S-011 -- batch worker", at(4, 20))
	targets := []Target{
		{RuleID: "EKS-K8S-010", Range: at(10, 7), Annotation: ann},
		{RuleID: "EKS-K8S-011", Range: at(10, 7), Annotation: ann},
		{RuleID: "EKS-K8S-020", Range: at(10, 7), Annotation: ann},
	}
	m, problems := Apply(targets, nil, known, enabled)
	if m[0] == nil || m[1] == nil || m[2] != nil {
		t.Errorf("annotation applied wrongly: %v %v %v", m[0], m[1], m[2])
	}
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	_, problems = Apply(targets[:1], nil, known, enabled)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "EKS-K8S-011 matched no finding") {
		t.Errorf("unused annotation ID not reported: %v", problems)
	}
}
