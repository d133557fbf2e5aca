package terraform

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/ekslint/ekslint/linter/regular"
)

// readFile reads a file the module finds by itself (a called module's
// .tf files, terraform.tfvars, *.auto.tfvars, modules.json): a regular
// file of at most maxModuleFile bytes. A named pipe there must not make
// the run wait for a writer, nor a link to /dev/zero fill the memory.
func readFile(p string) ([]byte, error) {
	return regular.Read(filepath.FromSlash(p), maxModuleFile)
}

// readGiven reads a variables file named by --var-file or the
// configuration: what the user names may be a pipe (--var-file
// <(sops -d prod.tfvars)), and is read as Terraform would read it, up to
// the same bound.
func readGiven(p string) ([]byte, error) {
	return regular.ReadGiven(filepath.FromSlash(p), maxModuleFile)
}

// readError says why a file could not be read, without Go's "open path:"
// prefix (the problem is located at the path already).
func readError(err error) string {
	var nr regular.NotRegularError
	var tl regular.TooLargeError
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.As(err, &nr):
		return nr.Refusal()
	case errors.As(err, &tl):
		return "the file is " + tl.Error()
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
