// Package emit writes a linter.Result as text, JSON or SARIF. Every format
// is deterministic: the same Result gives the same bytes.
package emit

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

// Options shape the output.
type Options struct {
	// Color writes ANSI colour (text only); the CLI sets it on a terminal
	// when NO_COLOR is unset.
	Color bool
	// IncludeSuppressed writes suppressed findings too, marked as such.
	IncludeSuppressed bool
	ToolVersion       string
	// CommandLine as invoked, without absolute paths of the machine.
	CommandLine        string
	StartTime, EndTime time.Time
}

// Emitter writes a Result in one format.
type Emitter func(w io.Writer, r *linter.Result, o Options) error

var emitters = map[string]Emitter{"text": Text, "json": JSON, "sarif": SARIF, "github": GitHub, "markdown": Markdown}

// Formats lists the format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(emitters))
	for n := range emitters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ByName returns the emitter of a format.
func ByName(name string) (func(io.Writer, *linter.Result, Options) error, bool) {
	e, ok := emitters[name]
	return e, ok
}

// shown returns the findings a report shows.
func shown(r *linter.Result, o Options) []linter.Finding {
	if o.IncludeSuppressed {
		return r.Findings
	}
	out := make([]linter.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
)

var severityColour = map[linter.Severity]string{
	linter.Critical: ansiRed, linter.High: ansiRed, linter.Medium: ansiYellow, linter.Low: ansiCyan,
}

// Text writes one line per finding: path:line:col: severity RULE-ID message (object).
// The findings are read in place, not copied (shown), and each line is
// written straight to w: a large run has tens of thousands of them.
func Text(w io.Writer, r *linter.Result, o Options) error {
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppression != nil && !o.IncludeSuppressed {
			continue
		}
		sev, id := f.Severity.String(), f.RuleID
		if o.Color {
			sev = severityColour[f.Severity] + sev + ansiReset
			id = ansiBold + id + ansiReset
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s %s %s (%s)", printable(f.Range.Path()), f.Range.Start.Line, f.Range.Start.Col, sev, id, printable(f.Message), printable(f.Object)); err != nil {
			return err
		}
		if f.Suppression != nil {
			if _, err := fmt.Fprintf(w, " [suppressed: %s]", printable(f.Suppression.Reason)); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	return nil
}

// TextProblems writes the problems with the input, one per line, for stderr.
func TextProblems(w io.Writer, r *linter.Result, o Options) error {
	for _, p := range r.Problems {
		level := p.Level.String()
		if o.Color {
			c := ansiCyan
			switch p.Level {
			case source.LevelError:
				c = ansiRed
			case source.LevelWarning:
				c = ansiYellow
			}
			level = c + level + ansiReset
		}
		var err error
		if p.Range.Start.Line == 0 {
			_, err = fmt.Fprintf(w, "%s: %s: %s\n", printable(p.Range.Path()), level, printable(p.Message))
		} else {
			_, err = fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", printable(p.Range.Path()), p.Range.Start.Line, p.Range.Start.Col, level, printable(p.Message))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// printable escapes the control characters of s (\x1b, \n, \r, …) as
// \xNN: a file name or a value from the input is printed into a terminal
// or a CI log, where a newline would forge a line of its own ("a\nmain.tf:1:1:
// critical …") and an escape sequence would rewrite the screen.
func printable(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] != 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
