//go:build unix

package corpus

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user and system) the process has used so far,
// for benchmarks that report it beside the wall clock; 0 where unknown.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
