package rules

import (
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
)

// TestCP013MinRetention: with minRetentionDays set, a retention below it is
// reported and one at it is not.
func TestCP013MinRetention(t *testing.T) {
	res := linter.Lint(linter.Options{Paths: []string{"testdata/audit/min-retention"}, Rules: []*linter.Rule{CP013},
		AsOf: lintest.AsOf, Jobs: 1, Params: map[string]map[string]any{CP013.ID: {"minRetentionDays": 90}}})
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	if len(res.Findings) != 1 || res.Findings[0].Object != "aws_cloudwatch_log_group.short" {
		t.Fatalf("findings: %v", res.Findings)
	}
}
