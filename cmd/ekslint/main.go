// Command ekslint lints Amazon EKS infrastructure code (Terraform, eksctl
// ClusterConfig and Kubernetes manifests) offline.
package main

import (
	"os"

	"github.com/ekslint/ekslint/linter"
)

func main() {
	// One run and exit: the collector may let garbage pile up higher
	// (linter.TuneGC says why and how much).
	linter.TuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, isTerminal(os.Stdout)))
}

// isTerminal reports whether f is a character device (a terminal), the
// only place colour belongs.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
