//go:build !unix

package linter

import (
	"io"
	"os"
)

// readRegular reads the regular file at p whole, or reports why not: a
// notRegularError, a fileTooLargeError, or the system's error. Where
// there are no named pipes in the file tree, os.Open is safe to call
// first; the type is checked on what was opened.
func readRegular(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegularError{info.Mode().Type()}
	}
	if info.Size() > MaxFileSize {
		return nil, fileTooLargeError{}
	}
	buf := make([]byte, 0, info.Size()+1)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(buf) > MaxFileSize {
		return nil, fileTooLargeError{}
	}
	return buf, nil
}
