package source

import (
	"sync"
	"sync/atomic"
)

// FileID is a file's number in the process's table of paths. A Range
// holds it in place of the path: four bytes rather than a string's
// sixteen, and no pointer, so that the collector need not look into the
// ranges every located value of a model carries (a model of 1,000 files
// holds hundreds of thousands). The numbers are handed out in whatever
// order readers running in parallel first see their files, so nothing
// may depend on them but equality: order and print paths, never numbers.
// The zero FileID is the empty path.
type FileID uint32

// fileEntry is one path's place in the table; it never changes once made.
type fileEntry struct {
	path string
	id   FileID
}

var files struct {
	mu  sync.RWMutex
	ids map[string]*fileEntry // guarded by mu
	// paths maps numbers to paths; paths[0] is "". Path reads it without
	// a lock (sorting findings compares paths millions of times): addFile
	// writes a new path past the end every reader knows, then publishes
	// the longer slice, so no reader ever sees an element being written.
	paths atomic.Pointer[[]string]
	// last is the entry FileOf returned most recently: a reader converts
	// the ranges of one file after another, so most calls ask for the path
	// the previous call did, and one atomic load answers them.
	last atomic.Pointer[fileEntry]
}

// FileOf returns path's number, giving it the next one the first time
// the process sees it.
func FileOf(path string) FileID {
	if path == "" {
		return 0
	}
	if e := files.last.Load(); e != nil && e.path == path {
		return e.id
	}
	files.mu.RLock()
	e := files.ids[path]
	files.mu.RUnlock()
	if e == nil {
		e = addFile(path)
	}
	files.last.Store(e)
	return e.id
}

func addFile(path string) *fileEntry {
	files.mu.Lock()
	defer files.mu.Unlock()
	if e := files.ids[path]; e != nil {
		return e // another goroutine added it since the read lock was let go
	}
	var paths []string
	if files.ids == nil {
		files.ids = map[string]*fileEntry{}
		paths = []string{""}
	} else {
		paths = *files.paths.Load()
	}
	if uint64(len(paths)) > uint64(^FileID(0)) {
		// Four billion distinct paths in one process: the table would
		// need more memory than any machine this runs on has.
		panic("source: too many distinct file paths")
	}
	e := &fileEntry{path: path, id: FileID(len(paths))}
	paths = append(paths, path)
	files.paths.Store(&paths)
	files.ids[path] = e
	return e
}

// Path returns the path f stands for; the zero FileID is "".
func (f FileID) Path() string {
	paths := files.paths.Load()
	if f == 0 || paths == nil || int(f) >= len(*paths) {
		return "" // the empty path, or not a number FileOf gave
	}
	return (*paths)[f]
}

// String returns the path, so that a FileID prints as its path.
func (f FileID) String() string { return f.Path() }

// Compare orders files by path, as every output does.
func (f FileID) Compare(o FileID) int {
	if f == o {
		return 0
	}
	a, b := f.Path(), o.Path()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// InFile returns a range that is the whole file at path, with no line:
// where a problem with the file itself (unreadable, too large) points.
func InFile(path string) Range { return Range{File: FileOf(path)} }
