// Package lintest runs rules over fixture folders and checks the findings
// against expectations written in the fixtures themselves, in the manner of
// go/analysis's analysistest:
//
//	resource "aws_eks_cluster" "bare" { # want: EKS-CP-001
//	  - name: app   # want: EKS-K8S-020[medium] "cpu"
//
// A marker `want:` in a comment lists, for the line it is on, the findings
// expected to start there: a rule ID, optionally a severity in brackets and
// a quoted regular expression the message must match. JSON has no comments:
// a JSON fixture keeps its expectations in a sibling `<file>.want`, one per
// line: `LINE RULE-ID[severity] "regexp"`.
//
// Every marker must be met and every finding must have a marker; a file
// whose name starts with "bad" must hold at least one marker, one starting
// with "good" none; any problem reading the fixtures fails the test.
package lintest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

// AsOf is the fixed date fixtures are linted at, so date-dependent rules
// give the same answer every day.
var AsOf = time.Date(2026, 8, 21, 0, 0, 0, 0, time.UTC)

// Expectation is one expected finding.
type Expectation struct {
	File     string
	Line     int
	RuleID   string
	Severity string         // "" = any
	Message  *regexp.Regexp // nil = any
	met      bool
}

func (e *Expectation) String() string {
	s := fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.RuleID)
	if e.Severity != "" {
		s += "[" + e.Severity + "]"
	}
	if e.Message != nil {
		s += fmt.Sprintf(" %q", e.Message)
	}
	return s
}

// AsOfFile, in a fixture folder, holds a date (YYYY-MM-DD) to lint that
// folder at instead of AsOf: for a rule whose window (days before a
// support date) the table never reaches at AsOf.
const AsOfFile = "as-of"

// Run lints dir with rules and checks every expectation in its files.
func Run(t *testing.T, dir string, rules []*linter.Rule) {
	t.Helper()
	asOf := AsOf
	if b, err := os.ReadFile(filepath.Join(dir, AsOfFile)); err == nil {
		if asOf, err = time.Parse("2006-01-02", strings.TrimSpace(string(b))); err != nil {
			t.Fatalf("%s: %v", filepath.Join(dir, AsOfFile), err)
		}
	}
	res := linter.Lint(linter.Options{Paths: []string{dir}, Rules: rules, AsOf: asOf, Jobs: 1})
	for _, p := range res.Problems {
		if p.Level != source.LevelNote {
			t.Errorf("input problem: %s", p)
		}
	}
	want, err := Expectations(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Suppression != nil {
			continue
		}
		if !claim(want, f) {
			t.Errorf("unexpected finding: %s", f)
		}
	}
	for _, w := range want {
		if !w.met {
			t.Errorf("missing finding: %s", w)
		}
	}
}

// claim marks the first unmet expectation that f satisfies.
func claim(want []*Expectation, f linter.Finding) bool {
	for _, w := range want {
		if w.met || w.File != f.Range.Path() || w.Line != int(f.Range.Start.Line) || w.RuleID != f.RuleID {
			continue
		}
		if w.Severity != "" && w.Severity != f.Severity.String() {
			continue
		}
		if w.Message != nil && !w.Message.MatchString(f.Message) {
			continue
		}
		w.met = true
		return true
	}
	return false
}

// Expectations reads the markers of every fixture file under dir, with
// paths as the engine names them.
func Expectations(dir string) ([]*Expectation, error) {
	var out []*Expectation
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if strings.HasSuffix(name, ".want") {
			return nil
		}
		display := filepath.ToSlash(filepath.Clean(path))
		var ws []*Expectation
		if strings.HasSuffix(name, ".json") {
			ws, err = readWantFile(display, path+".want")
		} else {
			ws, err = readMarkers(display, path)
		}
		if err != nil {
			return err
		}
		switch {
		case strings.HasPrefix(name, "bad") && len(ws) == 0:
			return fmt.Errorf("%s: a bad fixture needs at least one `want:` marker", display)
		case strings.HasPrefix(name, "good") && len(ws) > 0:
			return fmt.Errorf("%s: a good fixture must not expect findings", display)
		}
		out = append(out, ws...)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, err
}

var marker = regexp.MustCompile(`(?:#|//)\s*want:(.*)$`)

func readMarkers(display, path string) ([]*Expectation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Expectation
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		m := marker.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ws, err := parseWants(display, line, m[1])
		if err != nil {
			return nil, err
		}
		out = append(out, ws...)
	}
	return out, sc.Err()
}

func readWantFile(display, path string) ([]*Expectation, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []*Expectation
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		num, rest, _ := strings.Cut(l, " ")
		line, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: want a line number first, got %q", path, i+1, num)
		}
		ws, err := parseWants(display, line, rest)
		if err != nil {
			return nil, err
		}
		out = append(out, ws...)
	}
	return out, nil
}

var wantItem = regexp.MustCompile(`^\s*(EKS-[A-Z0-9]+-[0-9]+)(?:\[(low|medium|high|critical)\])?(?:\s+"((?:[^"\\]|\\.)*)")?`)

// parseWants reads `ID[sev] "rx" ID2 ...`.
func parseWants(file string, line int, s string) ([]*Expectation, error) {
	var out []*Expectation
	for strings.TrimSpace(s) != "" {
		m := wantItem.FindStringSubmatchIndex(s)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: cannot read want marker at %q", file, line, strings.TrimSpace(s))
		}
		w := &Expectation{File: file, Line: line, RuleID: s[m[2]:m[3]]}
		if m[4] >= 0 {
			w.Severity = s[m[4]:m[5]]
		}
		if m[6] >= 0 {
			rx, err := regexp.Compile(strings.ReplaceAll(s[m[6]:m[7]], `\"`, `"`))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, line, err)
			}
			w.Message = rx
		}
		out = append(out, w)
		s = s[m[1]:]
	}
	return out, nil
}
