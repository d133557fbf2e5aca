package rules

import (
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
	"github.com/ekslint/ekslint/linter/source"
)

// TestCP053OtherPolicyEngine: a root that installs Cilium (a helm_release,
// or a chart in a module call's inputs) enforces NetworkPolicies without the
// VPC CNI's agent; a release of anything else, or of a chart that cannot be
// known, changes nothing. Each case is a root of its own, since the engine
// counts for every vpc-cni add-on of its root.
func TestCP053OtherPolicyEngine(t *testing.T) {
	for dir, want := range map[string]int{"helm": 0, "addons-module": 0, "none": 1} {
		res := linter.Lint(linter.Options{Paths: []string{"testdata/policyengine/" + dir}, Rules: []*linter.Rule{CP053}, AsOf: lintest.AsOf, Jobs: 1})
		for _, p := range res.Problems {
			if p.Level != source.LevelNote {
				t.Errorf("%s: problem %v", dir, p)
			}
		}
		if len(res.Findings) != want {
			t.Errorf("%s: %d findings, want %d: %v", dir, len(res.Findings), want, res.Findings)
		}
	}
}
