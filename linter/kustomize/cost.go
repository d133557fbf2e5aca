package kustomize

import (
	"path/filepath"

	"github.com/ekslint/ekslint/linter/regular"
)

// What a build may cost, estimated before kustomize runs. kustomize builds
// a base again each time a kustomization lists it, and at each level checks
// every object it adds against those it holds. Bounding the documents one
// build reads (maxDocuments) is not enough: two bases listing the same two
// bases, fourteen levels down, are 32,767 kustomizations to build (11 s
// with no objects at all), and a chain of a hundred overlays over 1,000
// ConfigMaps builds them a hundred times (218 s).
const (
	// maxVisits bounds the kustomizations one build reads, each counted
	// every time it is read: each costs kustomize about a millisecond.
	maxVisits = 1000
	// maxSquares bounds the sum, over those reads, of the square of the
	// documents each one holds with its bases: what kustomize's checks
	// cost. It is what a flat kustomization of maxDocuments documents
	// costs; past it, the documents counted at every level are more than
	// maxDocuments too (a sum of squares is at most the square of the sum).
	maxSquares = maxDocuments * maxDocuments
)

// subtree is what building one kustomization reads, its bases included:
// the documents of its manifests and patches, the kustomizations read,
// and the sum of the squares of each one's documents.
type subtree struct {
	docs, visits, squares int
}

// costScan estimates a build, reading each kustomization and manifest
// once however many times the build would.
type costScan struct {
	trees map[string]subtree
	open  map[string]bool
	docs  map[string]int
}

// estimate says what building the kustomization in dir would cost.
func estimate(dir string) subtree {
	s := &costScan{trees: map[string]subtree{}, open: map[string]bool{}, docs: map[string]int{}}
	return s.tree(dir, 0)
}

// saturated keeps sums far from overflowing: past it, only "too much"
// matters.
const saturated = 1 << 30

func (s *costScan) tree(dir string, depth int) subtree {
	if t, ok := s.trees[dir]; ok {
		return t
	}
	if s.open[dir] {
		return subtree{} // a cycle, which kustomize reports
	}
	if depth > maxVisits {
		// Bases nested deeper than the build may read kustomizations: a
		// link to a parent folder makes paths without end.
		return subtree{visits: saturated}
	}
	s.open[dir] = true
	defer delete(s.open, dir)
	refs := Scan(dir)
	t := subtree{visits: 1}
	for _, f := range refs.Resources {
		t.docs += s.documents(f)
	}
	for _, f := range refs.Patches {
		t.docs += s.documents(f)
	}
	for _, sub := range refs.Dirs {
		c := s.tree(sub, depth+1)
		t.docs = min(t.docs+c.docs, saturated)
		t.visits = min(t.visits+c.visits, saturated)
		t.squares = min(t.squares+c.squares, saturated)
	}
	t.squares = min(t.squares+min(t.docs, saturated>>15)*min(t.docs, saturated>>15), saturated)
	s.trees[dir] = t
	return t
}

// documents counts the YAML documents of the file p, once.
func (s *costScan) documents(p string) int {
	if n, ok := s.docs[p]; ok {
		return n
	}
	n := 0
	if isManifest(p) {
		if src, err := regular.Read(filepath.FromSlash(p), maxFileSize); err == nil {
			n = countDocuments(src)
		}
	}
	s.docs[p] = n
	return n
}
