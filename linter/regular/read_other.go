//go:build !unix

package regular

import (
	"io"
	"os"
)

// Read reads the regular file at p (a path as the operating system takes
// it) whole, if it holds at most max bytes, or reports why not: a
// NotRegularError, a TooLargeError, or the system's error. Where
// there are no named pipes in the file tree, os.Open is safe to call
// first; the type is checked on what was opened.
func Read(p string, max int64) ([]byte, error) {
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
		return nil, NotRegularError{info.Mode().Type()}
	}
	if info.Size() > max {
		return nil, TooLargeError{max}
	}
	buf := make([]byte, 0, info.Size()+1)
	r := io.LimitReader(f, max+1)
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
	if int64(len(buf)) > max {
		return nil, TooLargeError{max}
	}
	return buf, nil
}
