// Package regular reads files the way every reader of ekslint must: only
// regular files, whole, and no more than a bound. A named pipe would make
// a read wait for a writer that never comes, a device such as /dev/zero
// never ends, and a file of gigabytes is not infrastructure code; any of
// them may sit in a repository ekslint is pointed at, under any name
// (main.tf, terraform.tfvars, kustomization.yaml, .ekslint.yaml).
package regular

import (
	"io"
	"io/fs"
	"os"
	"strconv"
)

// NotRegularError says that a path names something other than a regular
// file: a folder, a named pipe, a device or a socket.
type NotRegularError struct{ Mode fs.FileMode }

func (e NotRegularError) Error() string { return "not a regular file (" + Describe(e.Mode) + ")" }

// Refusal is what every reader says of a file that is not regular.
func (e NotRegularError) Refusal() string { return e.Error() + "; ekslint reads only regular files" }

// TooLargeError says that a file holds more bytes than its reader reads at
// most, Max. Every reader words it the same: "<what> is " + Error().
type TooLargeError struct{ Max int64 }

func (e TooLargeError) Error() string {
	return "larger than " + Size(e.Max) + ", the most ekslint reads"
}

// Size writes a bound for people: 16 MiB, 64 KiB or 1000 bytes.
func Size(n int64) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// ReadGiven reads a file the user named (a flag, the configuration), up to
// max bytes. Unlike Read it opens what it is given, pipes included: the
// user chose it, as in --var-file <(sops -d prod.tfvars), and the open
// waits for the writer as a shell's would. A device such as /dev/zero, or a
// pipe that never ends, stops at the bound all the same.
func ReadGiven(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > max {
		return nil, TooLargeError{max}
	}
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(src)) > max {
		return nil, TooLargeError{max}
	}
	return src, err
}

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
