package eksctl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// TestUnknownKeysPastTheCapCostNothing: once a config holds all the
// schema problems it may, its other unknown keys are not measured against
// every known key for a suggestion (500,000 of them took 17 s).
func TestUnknownKeysPastTheCapCostNothing(t *testing.T) {
	var b strings.Builder
	b.WriteString("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\n")
	const n = 20000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "unknownKey%d: 1\n", i)
	}
	docs, _, _ := yamldoc.Decode("c.yaml", []byte(b.String()))
	m, _ := Adapt(docs[0])
	if got := len(m.Clusters[0].SchemaProblems); got != maxSchemaProblems {
		t.Fatalf("%d schema problems, want the cap, %d", got, maxSchemaProblems)
	}
	// A suggestion allocates for every known key it is measured against;
	// past the cap nothing is, so the keys cost far less than one
	// allocation each.
	if allocs := testing.AllocsPerRun(3, func() { Adapt(docs[0]) }); allocs > n/2 {
		t.Errorf("%.0f allocations for %d unknown keys: the keys past the cap are still measured", allocs, n)
	}
}
