package linter

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's target (SetGCPercent is the only way).
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestTuneGC: TuneGC sets GCPercent, unless GOGC in the environment says
// otherwise, and what it returns restores the target before.
func TestTuneGC(t *testing.T) {
	for _, gogc := range []string{"", "150"} {
		t.Run("GOGC="+gogc, func(t *testing.T) {
			t.Setenv("GOGC", gogc)
			want := GCPercent
			if gogc == "" {
				os.Unsetenv("GOGC")
			} else {
				want = gcPercent() // the user's choice stands
			}
			before := gcPercent()
			restore := TuneGC()
			if got := gcPercent(); got != want {
				t.Errorf("target %d after TuneGC, want %d", got, want)
			}
			restore()
			if got := gcPercent(); got != before {
				t.Errorf("target %d after restoring, want %d", got, before)
			}
		})
	}
}
