//go:build !unix

package corpus

import "time"

// CPUTime is unknown here: benchmarks report no CPU ratio.
func CPUTime() time.Duration { return 0 }
