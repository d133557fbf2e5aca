package rules

import (
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
)

// TestCP013MinRetention: with min-retention-days set, a retention below it is
// reported and one at it is not.
func TestCP013MinRetention(t *testing.T) {
	res := linter.Lint(linter.Options{Paths: []string{"testdata/audit/min-retention"}, Rules: []*linter.Rule{CP013},
		AsOf: lintest.AsOf, Jobs: 1, Params: map[string]map[string]any{CP013.ID: {"min-retention-days": 90}}})
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	if len(res.Findings) != 1 || res.Findings[0].Object != "aws_cloudwatch_log_group.short" {
		t.Fatalf("findings: %v", res.Findings)
	}
}

// TestProjectScopeCovered: the opt-in project-scope rules stay silent when
// the input declares what they look for, or might (a value not known).
func TestProjectScopeCovered(t *testing.T) {
	for _, tt := range []struct {
		rule *linter.Rule
		dir  string
	}{
		{DET002, "det002-feature"}, {DET002, "det002-datasource"}, {DET002, "det002-unknown"},
		{DET002, "det002-org"}, {DET002, "det002-disabled"},
		{DET010, "det010-trail"}, {DET010, "det010-count"},
		{CP012, "cp012-submodule"},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			res := linter.Lint(linter.Options{Paths: []string{"testdata/audit/" + tt.dir}, Rules: []*linter.Rule{tt.rule}, AsOf: lintest.AsOf, Jobs: 1})
			if len(res.Problems) != 0 || len(res.Findings) != 0 {
				t.Errorf("problems %v, findings %v", res.Problems, res.Findings)
			}
		})
	}
	// Without them, each rule reports the cluster.
	for _, r := range []*linter.Rule{DET002, DET010} {
		res := linter.Lint(linter.Options{Paths: []string{"testdata/audit/min-retention", "../fixtures/EKS-DET-010/bad.tf"}, Rules: []*linter.Rule{r}, AsOf: lintest.AsOf, Jobs: 1})
		if len(res.Findings) != 1 || res.Findings[0].Object != "aws_eks_cluster.main" {
			t.Errorf("%s: findings %v", r.ID, res.Findings)
		}
	}
}
