//go:build !unix

package rules

import "time"

// cpuTime is not measured here: BenchmarkRules then reports 0 CPU.
func cpuTime() time.Duration { return 0 }
