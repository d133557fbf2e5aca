// Package baseline records today's findings so that a team adopting
// ekslint on an old repository fails only on new problems. Findings are
// matched by fingerprint (rule, file, object, part of the object), never by
// line or wording, so moving code does not bring baselined findings back.
package baseline

import (
	"bytes"
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

// MaxEntries bounds the findings Load reads from a baseline, three times
// what MaxFileSize holds of real ones. Entries are counted as they are
// decoded, never held together: 64 MB of empty entries ("{},{},…", 21
// million of them) decoded whole into a slice took 22 s and 4.9 GB.
const MaxEntries = 1_000_000

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
	bl, version, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("baseline %s is not an ekslint baseline: %w", path, err)
	}
	if version != Version {
		return nil, fmt.Errorf("baseline %s has version %q; this ekslint reads version %s", path, version, Version)
	}
	return bl, nil
}

// decode reads a File's version and counts its findings' fingerprints
// one entry at a time.
func decode(b []byte) (bl *Baseline, version string, err error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := expect(dec, '{'); err != nil {
		return nil, "", err
	}
	bl = &Baseline{counts: map[string]int{}}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, "", err
		}
		switch key {
		case "version":
			err = dec.Decode(&version)
		case "findings":
			err = bl.entries(dec)
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return nil, "", err
		}
	}
	if err := expect(dec, '}'); err != nil {
		return nil, "", err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, "", errors.New("more than one JSON value")
	}
	return bl, version, nil
}

// entries counts the fingerprints of the findings array, as decode reads
// it, up to MaxEntries.
func (bl *Baseline) entries(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil || tok == nil { // null: no findings, as for Unmarshal
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("%v where [ was expected", tok)
	}
	for n := 0; dec.More(); n++ {
		if n == MaxEntries {
			return fmt.Errorf("more than %d findings", MaxEntries)
		}
		var e Entry
		if err := dec.Decode(&e); err != nil {
			return err
		}
		bl.counts[e.Fingerprint]++
	}
	return expect(dec, ']')
}

// expect reads the next token, which must be the delimiter d.
func expect(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("%v where %v was expected", tok, d)
	}
	return nil
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
