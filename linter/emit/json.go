package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

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

// JSON writes the report as one JSON document, its findings one by one
// (writeWithArray).
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
		rep.Problems = append(rep.Problems, jsonProblem{Level: p.Level.String(), File: p.Range.Path(),
			Line: int(p.Range.Start.Line), Column: int(p.Range.Start.Col), Message: p.Message})
	}
	rep.Summary.Problems = len(r.Problems)
	rep.Summary.Files = r.Files

	var shownIdx []int
	for i := range r.Findings {
		if show(&r.Findings[i]) {
			shownIdx = append(shownIdx, i)
		}
	}
	var scratch []byte
	return writeWithArray(w, rep, "findings", "  ", len(shownIdx), func(out *bytes.Buffer, enc *json.Encoder, i int) error {
		f := &r.Findings[shownIdx[i]]
		jf := jsonFinding{
			RuleID: f.RuleID, RuleName: names[f.RuleID], Severity: f.Severity.String(), Message: f.Message,
			File: f.Range.Path(), StartLine: int(f.Range.Start.Line), StartColumn: int(f.Range.Start.Col),
			EndLine: int(f.Range.End.Line), EndColumn: int(f.Range.End.Col), Object: f.Object, Format: f.Format.String(),
		}
		if f.Suppression != nil {
			jf.Suppressed = &jsonSuppressed{Reason: f.Suppression.Reason}
		}
		var err error
		scratch, err = appendFinding(scratch[:0], &jf)
		out.Write(scratch)
		return err
	})
}

// appendFinding appends jf as an Encoder indenting by two spaces would
// write it as an element of the report's findings (keys at six spaces),
// with Encode's newline: encoding/json spends most of a large report's
// time on reflection and on indenting its own output a second time.
// TestAppendFindingMatchesEncoder holds it to encoding/json's bytes.
func appendFinding(b []byte, jf *jsonFinding) ([]byte, error) {
	var err error
	str := func(key, v string, last bool) {
		b = append(b, "      \""...)
		b = append(b, key...)
		b = append(b, "\": "...)
		if b, err = appendString(b, v, err); !last {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	num := func(key string, v int) {
		b = append(b, "      \""...)
		b = append(b, key...)
		b = append(b, "\": "...)
		b = strconv.AppendInt(b, int64(v), 10)
		b = append(b, ",\n"...)
	}
	b = append(b, "{\n"...)
	str("ruleId", jf.RuleID, false)
	str("ruleName", jf.RuleName, false)
	str("severity", jf.Severity, false)
	str("message", jf.Message, false)
	str("file", jf.File, false)
	num("startLine", jf.StartLine)
	num("startColumn", jf.StartColumn)
	num("endLine", jf.EndLine)
	num("endColumn", jf.EndColumn)
	str("object", jf.Object, false)
	str("format", jf.Format, jf.Suppressed == nil)
	if jf.Suppressed != nil {
		b = append(b, "      \"suppressed\": {\n        \"reason\": "...)
		b, err = appendString(b, jf.Suppressed.Reason, err)
		b = append(b, "\n      }\n"...)
	}
	b = append(b, "    }\n"...)
	return b, err
}

// appendString appends s as a JSON string. Plain printable ASCII without
// quotes or backslashes is written as is; anything else is left to
// encoding/json (with HTML escaping off, as the report's encoder), so
// every escape is exactly its own.
func appendString(b []byte, s string, err error) ([]byte, error) {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"'), err
	}
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	if e := enc.Encode(s); e != nil && err == nil {
		err = e
	}
	return append(b, bytes.TrimSuffix(q.Bytes(), []byte("\n"))...), err
}

// writeWithArray writes doc as an Encoder indenting by two spaces would,
// with the n elements of its array key (written empty in doc, at the given
// indentation) encoded one by one by elem into a reused buffer (with enc,
// which indents as the array's elements are, or directly), rather
// than all at once: a whole report of a large run, marshalled and then
// indented in growing buffers, held it several times over. The first
// occurrence of the key at that indentation must be the array's (keys
// before it hold no raw newline: strings are escaped).
func writeWithArray(w io.Writer, doc any, key, indent string, n int, elem func(out *bytes.Buffer, enc *json.Encoder, i int) error) error {
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	slot := "\n" + indent + `"` + key + `": []`
	at := bytes.Index(whole.Bytes(), []byte(slot))
	if at < 0 {
		return fmt.Errorf("emit: no %q array in the report", key)
	}
	head, tail := whole.Bytes()[:at+len(slot)-1], whole.Bytes()[at+len(slot)-1:]
	if _, err := w.Write(head); err != nil {
		return err
	}
	var one bytes.Buffer
	eenc := json.NewEncoder(&one)
	eenc.SetIndent(indent+"  ", "  ")
	eenc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		one.Reset()
		if i > 0 {
			one.WriteByte(',')
		}
		one.WriteString("\n" + indent + "  ")
		if err := elem(&one, eenc, i); err != nil {
			return err
		}
		one.Truncate(one.Len() - 1) // Encode's newline
		if _, err := w.Write(one.Bytes()); err != nil {
			return err
		}
	}
	if n > 0 {
		if _, err := io.WriteString(w, "\n"+indent); err != nil {
			return err
		}
	}
	_, err := w.Write(tail)
	return err
}
