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

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	os.Unsetenv("GOGC")
	before := gcPercent()
	restore := TuneGC()
	if got := gcPercent(); got != GCPercent {
		t.Errorf("target %d after TuneGC, want %d", got, GCPercent)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("target %d after restoring, want %d", got, before)
	}
}

// TestTuneGCKeepsTheUsersChoice: GOGC in the environment wins.
func TestTuneGCKeepsTheUsersChoice(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := gcPercent()
	restore := TuneGC()
	if got := gcPercent(); got != before {
		t.Errorf("target %d after TuneGC with GOGC set, want %d, as before", got, before)
	}
	restore()
	if got := gcPercent(); got != before {
		t.Errorf("target %d after restoring, want %d", got, before)
	}
}
