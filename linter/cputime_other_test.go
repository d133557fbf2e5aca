//go:build !unix

package linter_test

import "time"

// cpuTime is not measured here: the ratio benchmark then reports wall
// clock only.
func cpuTime() time.Duration { return 0 }
