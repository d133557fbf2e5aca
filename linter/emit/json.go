package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ekslint/ekslint/linter"
)

// The JSON report's shape is documented in docs/output.md; fields are only
// ever added, never renamed or removed, within version "1".
type jsonReport struct {
	Version  string        `json:"version"`
	Tool     jsonTool      `json:"tool"`
	Findings []jsonFinding `json:"findings"`
	Problems []jsonProblem `json:"problems"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	RuleID      string          `json:"ruleId"`
	RuleName    string          `json:"ruleName"`
	Severity    string          `json:"severity"`
	Message     string          `json:"message"`
	File        string          `json:"file"`
	StartLine   int             `json:"startLine"`
	StartColumn int             `json:"startColumn"`
	EndLine     int             `json:"endLine"`
	EndColumn   int             `json:"endColumn"`
	Object      string          `json:"object"`
	Format      string          `json:"format"`
	Suppressed  *jsonSuppressed `json:"suppressed,omitempty"`
}

type jsonSuppressed struct {
	Reason string `json:"reason"`
}

type jsonProblem struct {
	Level   string `json:"level"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Findings   int            `json:"findings"`
	BySeverity jsonBySeverity `json:"bySeverity"`
	Suppressed int            `json:"suppressed"`
	Problems   int            `json:"problems"`
	Files      int            `json:"files"`
}

type jsonBySeverity struct {
	Critical int `json:"critical"`
	High     int `json:"high"`
	Medium   int `json:"medium"`
	Low      int `json:"low"`
}

// JSON writes the report as one JSON document. The findings are written
// one by one rather than built into one value and encoded at once: a large
// run has tens of thousands of them, and encoding them whole held the
// report three times over (findings, document, indented document).
func JSON(w io.Writer, r *linter.Result, o Options) error {
	rep := jsonReport{
		Version:  "1",
		Tool:     jsonTool{Name: "ekslint", Version: o.ToolVersion},
		Findings: []jsonFinding{},
		Problems: []jsonProblem{},
	}
	names := map[string]string{}
	for _, rule := range r.Rules {
		names[rule.ID] = rule.Name
	}
	show := func(f *linter.Finding) bool { return o.IncludeSuppressed || f.Suppression == nil }
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppression != nil {
			rep.Summary.Suppressed++
			continue
		}
		rep.Summary.Findings++
		switch f.Severity {
		case linter.Critical:
			rep.Summary.BySeverity.Critical++
		case linter.High:
			rep.Summary.BySeverity.High++
		case linter.Medium:
			rep.Summary.BySeverity.Medium++
		default:
			rep.Summary.BySeverity.Low++
		}
	}
	for _, p := range r.Problems {
		rep.Problems = append(rep.Problems, jsonProblem{Level: p.Level.String(), File: p.Range.File,
			Line: p.Range.Start.Line, Column: p.Range.Start.Col, Message: p.Message})
	}
	rep.Summary.Problems = len(r.Problems)
	rep.Summary.Files = r.Files

	// The document without findings, split where they go: the first
	// "findings" key is the report's own (the keys before it are version
	// and tool, whose strings cannot hold a raw newline).
	var doc bytes.Buffer
	enc := json.NewEncoder(&doc)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return err
	}
	const slot = "\n  \"findings\": []"
	at := bytes.Index(doc.Bytes(), []byte(slot))
	if at < 0 {
		return fmt.Errorf("emit: no findings key in the JSON report")
	}
	head, tail := doc.Bytes()[:at+len(slot)-1], doc.Bytes()[at+len(slot)-1:]
	if _, err := w.Write(head); err != nil {
		return err
	}
	// Each finding indented as it would be inside the document: two
	// levels (report, findings array) of two spaces.
	var one bytes.Buffer
	fenc := json.NewEncoder(&one)
	fenc.SetIndent("    ", "  ")
	fenc.SetEscapeHTML(false)
	n := 0
	for i := range r.Findings {
		f := &r.Findings[i]
		if !show(f) {
			continue
		}
		jf := jsonFinding{
			RuleID: f.RuleID, RuleName: names[f.RuleID], Severity: f.Severity.String(), Message: f.Message,
			File: f.Range.File, StartLine: f.Range.Start.Line, StartColumn: f.Range.Start.Col,
			EndLine: f.Range.End.Line, EndColumn: f.Range.End.Col, Object: f.Object, Format: f.Format.String(),
		}
		if f.Suppression != nil {
			jf.Suppressed = &jsonSuppressed{Reason: f.Suppression.Reason}
		}
		one.Reset()
		if n > 0 {
			one.WriteByte(',')
		}
		one.WriteString("\n    ")
		if err := fenc.Encode(jf); err != nil {
			return err
		}
		one.Truncate(one.Len() - 1) // Encode's newline
		if _, err := w.Write(one.Bytes()); err != nil {
			return err
		}
		n++
	}
	if n > 0 {
		if _, err := io.WriteString(w, "\n  "); err != nil {
			return err
		}
	}
	_, err := w.Write(tail)
	return err
}
