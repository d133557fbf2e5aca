// Package linter is ekslint's engine: it finds and reads the input, hands
// it to the adapters that build the model, runs the enabled rules over the
// model, applies suppressions and returns the findings in a stable order.
package linter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/ekslint/ekslint/docs"
	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Severity ranks findings. The zero value is Low.
type Severity uint8

const (
	Low Severity = iota
	Medium
	High
	Critical
)

var severityNames = [...]string{"low", "medium", "high", "critical"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// ParseSeverity reads "low", "medium", "high" or "critical" (any case).
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return Low, fmt.Errorf("unknown severity %q (want low, medium, high or critical)", s)
}

// Rule is one check. A rule is a value: rules/all.go lists them all, and
// nothing registers itself.
type Rule struct {
	ID       string   // "EKS-CP-001": stable, never reused
	Name     string   // "cluster-endpoint-public-unrestricted"
	Summary  string   // one line, shown in --list-rules and SARIF shortDescription
	Severity Severity // the default severity; Report may raise or lower it per finding
	// Default: enabled without configuration (opt-in rules are false).
	Default bool
	// Formats the rule reads; the registry test checks that fixtures exist
	// for each.
	Formats []model.Format
	// Tags for SARIF (e.g. "security", "reliability").
	Tags []string
	// Doc overrides the rule's documentation; Documentation reads
	// docs/rules/<ID>.md when it is empty.
	Doc string
	// Params are the settings the rule reads from .ekslint.yaml
	// (rules.<ID>.<name>), each with its default.
	Params []Param
	// Check reads the model and reports findings.
	Check func(*Pass)
}

// ParamKind is the type of a rule parameter.
type ParamKind uint8

const (
	// StringList is a YAML sequence of strings ([]string).
	StringList ParamKind = iota
	// Int is a whole number (int).
	Int
	// Bool is true or false (bool).
	Bool
	// String is one string (string).
	String
)

func (k ParamKind) String() string {
	return [...]string{"a list of strings", "a whole number", "true or false", "a string"}[k]
}

// Param is one setting a rule reads from the configuration file.
type Param struct {
	Name    string // the key under rules.<ID> in .ekslint.yaml
	Kind    ParamKind
	Default any // of the Go type Kind names
	Doc     string
}

// Convert checks a value decoded from YAML against the parameter's kind
// and returns it as the Go type the rule reads.
func (p Param) Convert(v any) (any, error) {
	switch p.Kind {
	case StringList:
		list, ok := v.([]any)
		if !ok {
			if v == nil {
				return []string{}, nil
			}
			return nil, fmt.Errorf("must be %s", p.Kind)
		}
		out := make([]string, 0, len(list))
		for i, e := range list {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("item %d must be a string", i+1)
			}
			out = append(out, s)
		}
		return out, nil
	case Int:
		if n, ok := v.(int); ok {
			return n, nil
		}
	case Bool:
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case String:
		if s, ok := v.(string); ok {
			return s, nil
		}
	}
	return nil, fmt.Errorf("must be %s", p.Kind)
}

// Param returns the rule's parameter called name.
func (r *Rule) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// HelpURI is where the rule's documentation is published.
func (r *Rule) HelpURI() string {
	return "https://github.com/ekslint/ekslint/blob/main/docs/rules/" + r.ID + ".md"
}

// Pass is what a rule's Check receives.
type Pass struct {
	Rule  *Rule
	Model *model.Model
	// AsOf is the date that date-dependent rules use (--as-of, default today).
	AsOf time.Time
	// params are the configured parameter values (converted), by name.
	params map[string]any
	// data is the run's shared data, such as the EKS version table.
	data *passData

	findings findingList
}

// findingList holds one pass's findings in blocks that never move once
// made: appending to one growing slice would copy every finding at each
// growth and leave the old copies to the collector, and Lint copies them
// into the result once anyway. Blocks grow from firstBlock to maxBlock
// findings, so that a rule with few findings allocates little and one
// with many wastes at most part of its last block (of 64 findings, 11 kB:
// larger blocks left a third of them empty for rules with a few hundred).
type findingList struct {
	blocks [][]Finding
	n      int
}

const (
	firstBlock = 16
	maxBlock   = 64
)

// add appends f and returns where it is stored, which stays valid.
func (l *findingList) add(f Finding) *Finding {
	if k := len(l.blocks); k == 0 || len(l.blocks[k-1]) == cap(l.blocks[k-1]) {
		size := firstBlock
		if k > 0 {
			size = min(2*cap(l.blocks[k-1]), maxBlock)
		}
		l.blocks = append(l.blocks, make([]Finding, 0, size))
	}
	last := &l.blocks[len(l.blocks)-1]
	*last = append(*last, f)
	l.n++
	return &(*last)[len(*last)-1]
}

// all returns the findings in the order they were added, in one slice.
func (l *findingList) all() []Finding {
	out := make([]Finding, 0, l.n)
	for _, b := range l.blocks {
		out = append(out, b...)
	}
	return out
}

// passData is what every Pass of one run shares.
type passData struct {
	eks *eksdata.Data
	// used: a rule judged a version with eks (a stale table is then
	// noted, once). Rules run in parallel, hence atomic.
	used atomic.Bool
}

// EKSData returns the EKS version table of the run (built in, or from
// --eks-versions-file). Call it only when about to judge a version: the
// run notes a stale table only when a rule used it.
func (p *Pass) EKSData() *eksdata.Data {
	if p.data == nil {
		return eksdata.Builtin()
	}
	p.data.used.Store(true)
	return p.data.eks
}

// param returns a parameter's configured value or its default. Asking for
// a parameter the rule does not declare is a bug in the rule.
func (p *Pass) param(name string) any {
	decl, ok := p.Rule.Param(name)
	if !ok {
		panic(fmt.Sprintf("rule %s reads undeclared parameter %q", p.Rule.ID, name))
	}
	if v, ok := p.params[name]; ok {
		return v
	}
	return decl.Default
}

// Strings returns a StringList parameter.
func (p *Pass) Strings(name string) []string { v, _ := p.param(name).([]string); return v }

// Int returns an Int parameter.
func (p *Pass) Int(name string) int { v, _ := p.param(name).(int); return v }

// Bool returns a Bool parameter.
func (p *Pass) Bool(name string) bool { v, _ := p.param(name).(bool); return v }

// String returns a String parameter.
func (p *Pass) String(name string) string { v, _ := p.param(name).(string); return v }

// Findings returns what the rule has reported on this pass so far, for
// tests that run a rule over a model built by hand.
func (p *Pass) Findings() []Finding { return p.findings.all() }

// Report records a finding at the rule's default severity. at is where the
// finding points: the bad value, or for a missing value the enclosing block
// or mapping that should hold it.
func (p *Pass) Report(obj model.Located, at source.Range, format string, args ...any) Reported {
	return p.ReportSeverity(p.Rule.Severity, obj, at, format, args...)
}

// ReportSeverity records a finding at a severity other than the rule's
// default, for rules whose catalog entry grades findings.
func (p *Pass) ReportSeverity(sev Severity, obj model.Located, at source.Range, format string, args ...any) Reported {
	o := obj.Obj()
	if at.IsZero() {
		at = o.Range
	}
	r := Reported{f: p.findings.add(Finding{
		RuleID:   p.Rule.ID,
		Severity: sev,
		Message:  clip(withNote(message(format, args), o.Note)),
		Range:    at,
		Object:   clip(o.Address),
		Format:   o.Format,
		object:   o,
	})}
	if o.Passed != nil {
		if arg, ok := (*o.Passed)[at]; ok {
			r.Also(arg, "the value is passed here, by the module call")
		}
	}
	return r
}

// message is fmt.Sprintf(format, args...). One message in ten, and most
// related locations, are a fixed sentence: without arguments or verbs,
// Sprintf would only copy format.
func message(format string, args []any) string {
	if len(args) == 0 && !strings.Contains(format, "%") {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// maxText bounds a finding's message and object name, in bytes. Names
// come from the input, which may make them as long as it likes, and a
// finding is reported for every instance: a 100 KB resource name with
// count = 1000 made 900 MB of report from a 100 KB file.
const maxText = 1024

// clip shortens s past maxText to its start and its end (where instance
// keys and indexes are), saying how much is left out between them.
func clip(s string) string {
	if len(s) <= maxText {
		return s
	}
	head, tail := maxText/2, len(s)-maxText/4
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + "…(" + strconv.Itoa(tail-head) + " bytes)…" + s[tail:]
}

func withNote(msg, note string) string {
	if note == "" {
		return msg
	}
	return msg + " (" + note + ")"
}

// Reported is a finding just reported, to which a rule can add the other
// places it involves.
type Reported struct {
	f *Finding // in its pass's findingList, where it does not move
}

// Also adds a related location: another object the finding involves (the
// subnet that pins a node group to one zone, a launch template). SARIF
// writes these as relatedLocations.
func (r Reported) Also(at source.Range, format string, args ...any) Reported {
	if !at.IsZero() {
		r.f.Related = append(r.f.Related, Related{Range: at, Message: clip(message(format, args))})
	}
	return r
}

// In names the part of the object the finding concerns, for rules that can
// report one object more than once (see Finding.Path).
func (r Reported) In(path string) Reported {
	r.f.Path = path
	return r
}

// Related is another place a finding involves.
type Related struct {
	Range   source.Range
	Message string
}

// Finding is one reported misconfiguration.
type Finding struct {
	RuleID   string
	Severity Severity
	// Format is that of the object's input. (Next to Severity: two bytes
	// share one word of padding, in a struct of which a run holds many.)
	Format  model.Format
	Message string
	Range   source.Range
	// Object is the address of the object the finding is about.
	Object string
	// Path tells apart findings of one rule on one object: the part of the
	// object concerned ("containers[web]"); empty when a rule reports an
	// object at most once.
	Path string
	// Related are other places the finding involves.
	Related []Related
	// Suppression is set when an ignore comment or annotation matched.
	Suppression *Suppression

	object *model.Object
}

// Fingerprint identifies a finding without its position or wording, so
// that it survives code moving and messages being reworded: a hash of rule,
// file, object and path. SARIF's partialFingerprints and baselines use it.
func (f Finding) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{f.RuleID, f.Range.Path(), f.Object, f.Path} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Suppression says why a finding was silenced.
type Suppression struct {
	Reason string
	Range  source.Range // the comment or annotation
}

// Documentation is the rule's documentation in Markdown: Doc when set,
// else docs/rules/<ID>.md from the binary, read only when asked for so that
// a pre-commit run that needs no rule help does not pay for it.
func (r *Rule) Documentation() string {
	if r.Doc != "" {
		return r.Doc
	}
	d, _ := docs.Rule(r.ID)
	return d
}
