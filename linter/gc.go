package linter

import (
	"os"
	"runtime/debug"
)

// GCPercent is the collector's target (GOGC) that a process whose work is
// one Lint runs with. A run keeps what it has read (the models, about 4 KB a
// file) while it allocates some twenty times as much in parse trees it
// drops at once, and at the default of 100 the collector marks the kept
// part again every few megabytes of garbage: 30-40 ms of CPU for 1,000
// files, against 10 ms for parsing them alone (docs/performance.md,
// "2026-12-06"). At 200 it collects half as often, for at most half as
// much memory again at the peak.
const GCPercent = 200

// TuneGC sets the collector's target to GCPercent for a process that runs
// Lint once and exits, such as the ekslint command, and returns what
// restores the one before. It leaves the target alone when the environment
// sets GOGC: a user who chose one keeps it.
func TuneGC() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(GCPercent)
	return func() { debug.SetGCPercent(old) }
}
