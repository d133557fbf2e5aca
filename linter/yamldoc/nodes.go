package yamldoc

import "github.com/ekslint/ekslint/linter/source"

// MaxNodes bounds the nodes of one file that yaml.v3 builds. A node takes
// about 200 bytes, and what a file holds of them grows with its
// punctuation, not its size: a 16 MB flow list of single digits
// ("a: [1,1,1,…]", 8 million nodes) took 1.6 GB, and a file is decoded
// whole, each document's nodes built before ekslint sees any. Past this
// many (counted by nodeBound, which counts about three times the nodes of
// real manifests: the Kubernetes examples of ../shared/corpora together,
// 246 KB, 15,244 nodes, count 43,784) a file is refused: real files reach
// it at about 11 MB.
const MaxNodes = 2_000_000

// nodeBound returns the byte offset at which src may hold more than limit
// YAML nodes, or -1, counted without parsing and never fewer than yaml.v3
// builds (FuzzNodeBound): two for every line and every byte that may
// begin or end a node, an entry or a key (: - ? , [ {), and four for the
// file. No node, not even an empty value, comes without one of them. A
// file of fewer than (limit-4)/2 bytes needs no count.
func nodeBound(src []byte, limit int) int {
	if 2*len(src)+4 <= limit {
		return -1
	}
	_, at := NodeCount(src, limit)
	return at
}

// NodeCount is nodeBound's count, with no shortcut for a short file: n is
// the count up to where it passed limit (at), or the whole file's (at -1).
// 2*len(src)+4 is never below it. Kustomize, which decodes YAML itself,
// counts a build's manifests with it.
func NodeCount(src []byte, limit int) (n, at int) {
	n = 4
	if n > limit {
		return n, 0
	}
	for i, c := range src {
		switch c {
		case '\n', ':', '-', '?', ',', '[', '{':
			if n += 2; n > limit {
				return n, i
			}
		}
	}
	return n, -1
}

// tooManyNodes is the problem of a file that may hold more than MaxNodes
// nodes by byte offset at: the file is not decoded.
func tooManyNodes(path source.FileID, src []byte, at int) source.Problem {
	p := source.PosOf(src, at)
	return source.Errorf(source.Range{File: path, Start: p, End: p},
		"more than %d YAML nodes may begin by here (values, keys, lists and mappings, counted without parsing): ekslint does not decode a file this large, as decoding it could take gigabytes of memory", MaxNodes)
}
