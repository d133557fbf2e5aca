package terraform

import "testing"

// TestCallsPerRoot: each root follows up to MaxModuleCalls, less when many
// roots share the run's bound, never less than MinModuleCalls.
func TestCallsPerRoot(t *testing.T) {
	for roots, want := range map[int]int{0: 1000, 1: 1000, 10: 1000, 11: 909, 20: 500, 200: 50, 201: 50, 100000: 50} {
		if got := callsPerRoot(roots); got != want {
			t.Errorf("callsPerRoot(%d) = %d, want %d", roots, got, want)
		}
	}
}
