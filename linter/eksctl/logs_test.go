package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestLogRetention(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		origin source.Origin
		val    int
		line   int
	}{
		{"no cloudWatch: at the first key", doc(), source.Default, 0, 1},
		{"omitted: at clusterLogging", doc("cloudWatch:", "  clusterLogging:", "    enableTypes: [api]"), source.Default, 0, 5},
		{"set", doc("cloudWatch:", "  clusterLogging:", "    enableTypes: [api]", "    logRetentionInDays: 30"), source.Set, 30, 7},
		{"zero", doc("cloudWatch:", "  clusterLogging:", "    logRetentionInDays: 0"), source.Set, 0, 6},
		{"null: at the key", doc("cloudWatch:", "  clusterLogging:", "    logRetentionInDays:"), source.Default, 0, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := adaptClean(t, tt.src).Clusters[0].LogRetentionDays
			if r.Origin != tt.origin || r.Val != tt.val || int(r.Range.Start.Line) != tt.line {
				t.Errorf("retention %+v, want %s %d at line %d", r, tt.origin, tt.val, tt.line)
			}
		})
	}
	// A string is not a number: Unknown (EKS-META-001 reports it).
	m, _ := adapt(t, doc("cloudWatch:", "  clusterLogging:", "    logRetentionInDays: \"30\""))
	if r := m.Clusters[0].LogRetentionDays; r.Known() {
		t.Errorf("a quoted number: %+v", r)
	}
}

// TestExpandLogTypesSized: the expanded list is made at its exact length,
// whatever the wildcards and the types listed beside them.
func TestExpandLogTypesSized(t *testing.T) {
	for _, types := range [][]string{{"*"}, {"all"}, {"api", "*"}, {"*", "all"}, {"audit", "*", "x", "audit"}, {"scheduler", "api", "audit", "authenticator", "controllerManager", "all"}} {
		in := make([]source.Value[string], len(types))
		for i, ty := range types {
			in[i] = source.SetAt(ty, span(1, i+1, 1, i+2))
		}
		in = append(in, source.UnknownAt[string](span(2, 1, 2, 2)))
		out := expandLogTypes(source.SetAt(in, span(1, 1, 2, 2)))
		if len(out.Val) != cap(out.Val) {
			t.Errorf("%v: %d types in room for %d", types, len(out.Val), cap(out.Val))
		}
	}
}
