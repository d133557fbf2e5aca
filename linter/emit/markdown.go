package emit

import (
	"fmt"
	"io"
	"strings"

	"github.com/ekslint/ekslint/linter"
)

// markdownOpenFiles is how many files are shown expanded; the rest are
// collapsed so that a large report stays readable in a PR comment.
const markdownOpenFiles = 10

// markdownMaxRows bounds the rows per file; GitHub comments and step
// summaries have size limits (65,536 characters and 1 MiB).
const markdownMaxRows = 50

// Markdown writes a summary for $GITHUB_STEP_SUMMARY or a PR comment:
// counts by severity, then findings grouped by file with rule, line and the
// message, which ends with the fix.
func Markdown(w io.Writer, r *linter.Result, o Options) error {
	var b strings.Builder
	findings := shown(r, o)
	counts := map[linter.Severity]int{}
	for _, f := range findings {
		if f.Suppression == nil {
			counts[f.Severity]++
		}
	}
	b.WriteString("## ekslint\n\n")
	if len(findings) == 0 {
		fmt.Fprintf(&b, "No findings in %d files.\n", r.Files)
	}
	if len(findings) > 0 {
		b.WriteString("| Severity | Findings |\n|---|---:|\n")
		for _, s := range []linter.Severity{linter.Critical, linter.High, linter.Medium, linter.Low} {
			fmt.Fprintf(&b, "| %s | %d |\n", s, counts[s])
		}
		b.WriteString("\n")
	}
	var files []string
	byFile := map[string][]linter.Finding{}
	for _, f := range findings {
		if _, ok := byFile[f.Range.Path()]; !ok {
			files = append(files, f.Range.Path())
		}
		byFile[f.Range.Path()] = append(byFile[f.Range.Path()], f)
	}
	for i, file := range files {
		fs := byFile[file]
		open := ""
		if i < markdownOpenFiles {
			open = " open"
		}
		fmt.Fprintf(&b, "<details%s><summary><code>%s</code> — %d finding(s)</summary>\n\n", open, mdEscape(file), len(fs))
		b.WriteString("| Line | Severity | Rule | Object | Finding |\n|---:|---|---|---|---|\n")
		for j, f := range fs {
			if j == markdownMaxRows {
				fmt.Fprintf(&b, "| | | | | … and %d more |\n", len(fs)-markdownMaxRows)
				break
			}
			msg := f.Message
			if f.Suppression != nil {
				msg += " *(suppressed: " + f.Suppression.Reason + ")*"
			}
			fmt.Fprintf(&b, "| %d | %s | %s | `%s` | %s |\n", f.Range.Start.Line, f.Severity, f.RuleID, mdEscape(f.Object), mdEscape(msg))
		}
		b.WriteString("\n</details>\n\n")
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(&b, "### Input problems (%d)\n\n", len(r.Problems))
		for _, p := range r.Problems {
			loc := p.Range.Path()
			if p.Range.Start.Line > 0 {
				loc = fmt.Sprintf("%s:%d", loc, p.Range.Start.Line)
			}
			fmt.Fprintf(&b, "- **%s** `%s`: %s\n", p.Level, mdEscape(loc), mdEscape(p.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscape keeps a value from breaking a table cell or turning into markup.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "`", "'").Replace(s)
}
