package emit

import (
	"fmt"
	"io"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

// GitHub writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request's diff:
//
//	::error file=main.tf,line=4,col=3,endLine=4,endColumn=13,title=EKS-CP-001::message
//
// critical and high are errors, medium warnings, low notices. Problems with
// the input are annotations too, so a broken file is visible on the PR.
func GitHub(w io.Writer, r *linter.Result, o Options) error {
	for _, f := range shown(r, o) {
		cmd := map[linter.Severity]string{linter.Critical: "error", linter.High: "error", linter.Medium: "warning"}[f.Severity]
		if cmd == "" {
			cmd = "notice"
		}
		msg := fmt.Sprintf("%s: %s (%s)", f.Severity, f.Message, f.Object)
		if f.Suppression != nil {
			msg += " [suppressed: " + f.Suppression.Reason + "]"
		}
		if err := workflowCommand(w, cmd, f.Range, f.RuleID, msg); err != nil {
			return err
		}
	}
	for _, p := range r.Problems {
		cmd := map[source.Level]string{source.LevelError: "error", source.LevelWarning: "warning"}[p.Level]
		if cmd == "" {
			cmd = "notice"
		}
		if err := workflowCommand(w, cmd, p.Range, "ekslint", p.Message); err != nil {
			return err
		}
	}
	return nil
}

func workflowCommand(w io.Writer, cmd string, r source.Range, title, msg string) error {
	props := []string{"file=" + escapeProperty(r.Path())}
	if r.Start.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", r.Start.Line), fmt.Sprintf("col=%d", r.Start.Col))
		if r.End.Line >= r.Start.Line {
			props = append(props, fmt.Sprintf("endLine=%d", r.End.Line), fmt.Sprintf("endColumn=%d", r.End.Col))
		}
	}
	props = append(props, "title="+escapeProperty(title))
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg))
	return err
}

// escapeData escapes a workflow command's message as the Actions toolkit
// does: %, CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: the message's escapes plus ":"
// and ",", which separate properties.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
