package linter

import (
	"github.com/ekslint/ekslint/linter/source"
)

// Result is everything one run produced, in a stable order.
type Result struct {
	// Findings sorted by file, line, column, rule ID. Suppressed findings
	// are included with Suppression set; emitters decide whether to show them.
	Findings []Finding
	// Problems with the input, sorted by file, line, column.
	Problems []source.Problem
	// Rules that were enabled for this run, in registry order.
	Rules []*Rule
	// Files is the number of files read.
	Files int
}

// InputLost reports whether some input could not be read or parsed (any
// error-level problem): the run then exits 2 and SARIF says
// executionSuccessful false.
func (r *Result) InputLost() bool {
	for _, p := range r.Problems {
		if p.Level == source.LevelError {
			return true
		}
	}
	return false
}
