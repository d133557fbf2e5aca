package suppress

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// TestYAMLLayout: placement on comments and scopes as yamldoc reports them
// for a real manifest: above a document, above a list item, trailing a
// list item, and a blank line between two documents.
func TestYAMLLayout(t *testing.T) {
	src := `# ekslint:ignore EKS-K8S-010 -- batch job, nothing to probe
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  # ekslint:ignore EKS-K8S-020 -- a only
  - name: a
    image: x
  - name: b  # ekslint:ignore EKS-K8S-021 -- b only
    image: y
---
# ekslint:ignore EKS-K8S-011 -- the next document, not this one

apiVersion: v1
kind: Pod
spec:
  containers:
  - name: c
`
	_, file, problems := yamldoc.Decode("pod.yaml", []byte(src))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	at := func(rule string, line, col int) Target {
		return Target{RuleID: rule, Range: source.Range{File: source.FileOf("pod.yaml"), Start: source.PosAt(line, col), End: source.PosAt(line, col+4)}}
	}
	tests := []struct {
		target Target
		reason string
	}{
		{at("EKS-K8S-010", 9, 5), "batch job, nothing to probe"},
		{at("EKS-K8S-010", 11, 5), "batch job, nothing to probe"},
		{at("EKS-K8S-020", 9, 5), "a only"},
		{at("EKS-K8S-020", 11, 5), ""},
		{at("EKS-K8S-021", 9, 5), ""},
		{at("EKS-K8S-021", 11, 5), "b only"},
		{at("EKS-K8S-021", 12, 5), "b only"}, // inside the item b starts
		{at("EKS-K8S-011", 20, 5), ""},
		{at("EKS-K8S-010", 20, 5), ""},
	}
	targets := make([]Target, len(tests))
	for i, tt := range tests {
		targets[i] = tt.target
	}
	m, problems := Apply(targets, []*source.File{file}, known, enabled)
	for i, tt := range tests {
		got := ""
		if m[i] != nil {
			got = m[i].Reason
		}
		if got != tt.reason {
			t.Errorf("%s at %v: suppressed by %q, want %q", tt.target.RuleID, tt.target.Range.Start, got, tt.reason)
		}
	}
	if len(problems) != 1 || problems[0].String() != "pod.yaml:14:1: note: ekslint:ignore EKS-K8S-011 matched no finding; remove it" {
		t.Errorf("problems %v", problems)
	}
}
