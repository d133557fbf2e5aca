package regular

import (
	"path/filepath"
	"strings"
)

// RealPath is osPath with every symbolic link resolved, absolute.
func RealPath(osPath string) (string, error) {
	r, err := filepath.EvalSymlinks(osPath)
	if err != nil {
		return "", err
	}
	if abs, err := filepath.Abs(r); err == nil {
		r = abs
	}
	return r, nil
}

// Within reports whether the real path p is root or lies below it.
func Within(p, root string) bool {
	if p == root {
		return true
	}
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return strings.HasPrefix(p, root)
}
