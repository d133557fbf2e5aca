//go:build unix

package regular

import (
	"errors"
	"io/fs"
	"syscall"
)

// Read reads the regular file at p (a path as the operating system takes
// it) whole, if it holds at most max bytes, or reports why not: a
// NotRegularError, a TooLargeError, or the system's error.
//
// It talks to the system directly, in five calls (open, fstat, read until
// the end, close), where os.Open and a read take ten: os registers every
// file it opens with the network poller, and the poller, which refuses
// regular files, costs four fcntl calls and a failed epoll_ctl each time.
// That is a tenth of reading a corpus's thousands of small files.
//
// The file is opened with O_NONBLOCK so that a path swapped for a named
// pipe after the walk listed it cannot block the open (a pipe with no
// writer would wait for one); the type is then checked on what was
// opened, not on what the path named a moment before. O_NONBLOCK does not
// change how a regular file reads.
func Read(p string, max int64) ([]byte, error) {
	fd, err := retryEINTR(func() (int, error) {
		return syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: p, Err: err}
	}
	defer func() { _ = syscall.Close(fd) }()
	var st syscall.Stat_t
	if _, err := retryEINTR(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: p, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, NotRegularError{modeType(st.Mode)}
	}
	if st.Size > max {
		return nil, TooLargeError{max}
	}
	// One byte more than the file's length, so that the end is seen
	// without growing; the file may still grow while it is read.
	buf := make([]byte, 0, st.Size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := retryEINTR(func() (int, error) { return syscall.Read(fd, buf[len(buf):cap(buf)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: p, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, TooLargeError{max}
		}
	}
}

// retryEINTR calls f again for as long as a signal interrupts it, as os
// does for every call it makes.
func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if !errors.Is(err, syscall.EINTR) {
			return n, err
		}
	}
}

// modeType is the fs.FileMode type bits of a stat mode that is not a
// regular file's (its type is uint16 on some systems, uint32 on others).
func modeType[M uint16 | uint32](m M) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}
