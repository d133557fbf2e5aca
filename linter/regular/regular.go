// Package regular reads files the way every reader of ekslint must: only
// regular files, whole, and no more than a bound. A named pipe would make
// a read wait for a writer that never comes, a device such as /dev/zero
// never ends, and a file of gigabytes is not infrastructure code; any of
// them may sit in a repository ekslint is pointed at, under any name
// (main.tf, terraform.tfvars, kustomization.yaml, .ekslint.yaml).
package regular

import (
	"errors"
	"io/fs"
)

// NotRegularError says that a path names something other than a regular
// file: a folder, a named pipe, a device or a socket.
type NotRegularError struct{ Mode fs.FileMode }

func (e NotRegularError) Error() string { return "not a regular file (" + Describe(e.Mode) + ")" }

// Refusal is what every reader says of a file that is not regular.
func (e NotRegularError) Refusal() string { return e.Error() + "; ekslint reads only regular files" }

// ErrTooLarge says that a file holds more bytes than the reader's bound.
var ErrTooLarge = errors.New("file too large")

// Describe names the type of a file that is not regular, for messages.
func Describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "type " + m.Type().String()
}
