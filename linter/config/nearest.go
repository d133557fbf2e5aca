package config

import (
	"sort"
	"strings"
)

// Nearest returns the candidate closest to s within an edit distance of
// two, or "": the "did you mean" of every message about a misspelling.
// Ties go to the candidate listed first.
func Nearest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// maxProbe bounds the IDs NearestRule probes: rule IDs are short, and a
// long token is not a misspelt one.
const maxProbe = 24

// idAlphabet is every character a rule ID is made of.
const idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"

// NearestRule suggests a rule ID for a misspelt one when only isRule is
// known, not the list of rules: the nearest of candidates (IDs the caller
// has seen, within two edits) when one is a single edit away, else the
// first (in sorted order) of the IDs one deletion, insertion, substitution
// or swap of neighbours away that isRule accepts, else the nearest
// candidate. "" when nothing is near.
func NearestRule(id string, isRule func(string) bool, candidates []string) string {
	id = strings.ToUpper(id)
	best := Nearest(id, candidates)
	if best != "" && distance(id, best) <= 1 {
		return best
	}
	if isRule == nil || len(id) > maxProbe {
		return best
	}
	var hits []string
	try := func(s string) {
		if s != id && isRule(s) {
			hits = append(hits, s)
		}
	}
	for i := 0; i <= len(id); i++ {
		for _, c := range idAlphabet {
			try(id[:i] + string(c) + id[i:])
			if i < len(id) {
				try(id[:i] + string(c) + id[i+1:])
			}
		}
		if i < len(id) {
			try(id[:i] + id[i+1:])
		}
		if i+1 < len(id) {
			try(id[:i] + id[i+1:i+2] + id[i:i+1] + id[i+2:])
		}
	}
	if len(hits) > 0 {
		sort.Strings(hits)
		return hits[0]
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
