// Package baseline records today's findings so that a team adopting
// ekslint on an old repository fails only on new problems. Findings are
// matched by fingerprint (rule, file, object, part of the object), never by
// line or wording, so moving code does not bring baselined findings back.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/regular"
)

// Version of the baseline file format.
const Version = "1"

// File is the baseline as written to disk. Entries carry the rule, file
// and object next to the fingerprint so that the file can be reviewed.
type File struct {
	Version  string  `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one baselined finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	File        string `json:"file"`
	Object      string `json:"object"`
	Message     string `json:"message"`
}

// Write records every unsuppressed finding.
func Write(w io.Writer, findings []linter.Finding) error {
	f := File{Version: Version, Findings: []Entry{}}
	for _, x := range findings {
		if x.Suppression != nil {
			continue
		}
		f.Findings = append(f.Findings, Entry{Fingerprint: x.Fingerprint(), RuleID: x.RuleID, File: x.Range.Path(), Object: x.Object, Message: x.Message})
	}
	sort.SliceStable(f.Findings, func(i, j int) bool { return f.Findings[i].Fingerprint < f.Findings[j].Fingerprint })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// Baseline is a loaded baseline: how many times each fingerprint was seen.
type Baseline struct {
	counts map[string]int
}

// MaxFileSize bounds the baseline Load reads: about 300,000 findings.
const MaxFileSize = 64 << 20

// Load reads a baseline file, which may be a pipe (--baseline
// <(git show main:baseline.json)), up to MaxFileSize bytes.
func Load(path string) (*Baseline, error) {
	b, err := regular.ReadGiven(path, MaxFileSize)
	var tl regular.TooLargeError
	if errors.As(err, &tl) {
		return nil, fmt.Errorf("baseline %s: the file is %w", path, tl)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("baseline %s is not an ekslint baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s has version %q; this ekslint reads version %s", path, f.Version, Version)
	}
	bl := &Baseline{counts: map[string]int{}}
	for _, e := range f.Findings {
		bl.counts[e.Fingerprint]++
	}
	return bl, nil
}

// Filter returns the findings that are new: not in the baseline. A
// fingerprint recorded n times absorbs at most n findings, so a second
// copy of an old problem is still new. Suppressed findings pass through.
func (b *Baseline) Filter(findings []linter.Finding) (fresh []linter.Finding, known int) {
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	for _, f := range findings {
		if f.Suppression == nil {
			fp := f.Fingerprint()
			if left[fp] > 0 {
				left[fp]--
				known++
				continue
			}
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}
