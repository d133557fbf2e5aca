package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

// GitHub code scanning accepts at most this many results per run and
// documents these lengths for a rule's texts.
const (
	maxSARIFResults     = 25000
	maxSARIFTags        = 10 // GitHub allows 20; 10 keeps the alert page readable
	maxSARIFDescription = 1024
)

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey names ekslint's own partial fingerprint.
const FingerprintKey = "ekslint/v1"

// securityTag is the tag that makes GitHub file a rule's results as
// security alerts, ranked by security-severity.
const securityTag = "security"

// Level maps a severity to a SARIF level: critical and high are errors,
// medium warnings, low notes.
func Level(s linter.Severity) string {
	switch s {
	case linter.Critical, linter.High:
		return "error"
	case linter.Medium:
		return "warning"
	}
	return "note"
}

// SecuritySeverity is the score GitHub ranks security alerts by: 9.0 and
// above shows as critical, 7.0 high, 4.0 medium, below that low.
func SecuritySeverity(s linter.Severity) string {
	scores := [...]string{"3.0", "5.5", "8.0", "9.5"}
	return scores[min(int(s), len(scores)-1)]
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning.
func SARIF(w io.Writer, r *linter.Result, o Options) error {
	driver := sarifDriver{Name: "ekslint", Version: o.ToolVersion, SemanticVersion: semver(o.ToolVersion),
		InformationURI: "https://github.com/ekslint/ekslint", Rules: []sarifRule{}}
	index := map[string]int{}
	for i, rule := range r.Rules {
		if _, dup := index[rule.ID]; !dup {
			index[rule.ID] = i
		}
		driver.Rules = append(driver.Rules, sarifRuleOf(rule))
	}
	inv := invocation(r, o)
	results := []sarifResult{}
	unknown := map[string]int{}
	var unknownIDs []string // in order of first appearance, so the notes are stable
	outside, over := 0, 0
	for _, f := range shown(r, o) {
		idx, ok := index[f.RuleID]
		switch {
		case !ok:
			// A result must name a rule of the driver or GitHub rejects the
			// whole file; say so rather than lose it silently.
			if unknown[f.RuleID] == 0 {
				unknownIDs = append(unknownIDs, f.RuleID)
			}
			unknown[f.RuleID]++
		case isAbsolute(f.Range.Path()):
			// The engine makes paths under the working directory relative;
			// one still absolute lies outside it, so not in the repository,
			// and GitHub rejects a log whose results use absolute paths.
			outside++
		case len(results) == maxSARIFResults:
			over++
		default:
			results = append(results, sarifResultOf(f, idx, r.Rules[idx]))
		}
	}
	for _, id := range unknownIDs {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, warning(fmt.Sprintf(
			"%d finding(s) of rule %q were left out: the rule is not among the run's rules", unknown[id], id)))
	}
	if outside > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, warning(fmt.Sprintf(
			"%d finding(s) in files outside the working directory were left out: code scanning places results only in files of the repository, so run ekslint from the repository's root",
			outside)))
	}
	if over > 0 {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, warning(fmt.Sprintf(
			"%d findings were left out: GitHub code scanning accepts at most %d results per run, so only the first %d are written",
			over, maxSARIFResults, maxSARIFResults)))
	}
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: driver}, Invocations: []sarifInvocation{inv}, Results: []sarifResult{},
		// source.Pos counts columns in Unicode characters.
		ColumnKind: "unicodeCodePoints",
	}}}
	// The results are the run's (log → runs[0] → results: three levels of
	// two spaces); tool and invocations come before them.
	return writeWithArray(w, log, "results", "      ", len(results), func(_ *bytes.Buffer, enc *json.Encoder, i int) error {
		return enc.Encode(results[i])
	})
}

// invocation describes the run: whether all input was read, how ekslint
// was invoked, and the problems with the input as notifications.
func invocation(r *linter.Result, o Options) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: !r.InputLost(), CommandLine: o.CommandLine,
		ToolExecutionNotifications: []sarifNotification{}}
	if !o.StartTime.IsZero() {
		inv.StartTimeUTC = o.StartTime.UTC().Format(time.RFC3339)
	}
	if !o.EndTime.IsZero() {
		inv.EndTimeUTC = o.EndTime.UTC().Format(time.RFC3339)
	}
	for _, p := range r.Problems {
		n := sarifNotification{Level: p.Level.String(), Message: sarifText{Text: p.Message}}
		if p.Range.Path() != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(p.Range.Path())}}
			if p.Range.Start.Line > 0 {
				loc.PhysicalLocation.Region = region(p.Range)
			}
			n.Locations = []sarifLocation{loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

func warning(text string) sarifNotification {
	return sarifNotification{Level: "warning", Message: sarifText{Text: text}}
}

func sarifResultOf(f linter.Finding, idx int, rule *linter.Rule) sarifResult {
	res := sarifResult{
		RuleID: f.RuleID, RuleIndex: idx, Level: Level(f.Severity),
		Message: sarifText{Text: f.Message},
		Locations: []sarifLocation{{
			PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(f.Range.Path()), Region: region(f.Range)},
			LogicalLocations: []sarifLogicalLocation{{FullyQualifiedName: f.Object, Kind: "resource"}},
		}},
		PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint()},
	}
	for i, rel := range f.Related {
		if isAbsolute(rel.Range.Path()) {
			continue // outside the repository, see SARIF
		}
		res.RelatedLocations = append(res.RelatedLocations, sarifRelated{ID: i + 1,
			PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(rel.Range.Path()), Region: region(rel.Range)},
			Message:          sarifText{Text: rel.Message}})
	}
	if f.Severity != rule.Severity {
		res.Properties = &sarifResultProps{Severity: f.Severity.String(), SecuritySeverity: SecuritySeverity(f.Severity)}
	}
	if f.Suppression != nil {
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppression.Reason}}
	}
	return res
}

func sarifRuleOf(r *linter.Rule) sarifRule {
	doc := r.Documentation()
	full := firstParagraph(doc, r.Summary)
	if doc == "" {
		doc = r.Summary
	}
	return sarifRule{
		ID: r.ID, Name: r.Name,
		ShortDescription:     sarifText{Text: clip(r.Summary, maxSARIFDescription)},
		FullDescription:      sarifText{Text: clip(full, maxSARIFDescription)},
		Help:                 sarifHelp{Text: doc, Markdown: doc},
		HelpURI:              r.HelpURI(),
		DefaultConfiguration: sarifConfiguration{Level: Level(r.Severity)},
		Properties:           sarifRuleProps{Tags: sarifTags(r.Tags), Precision: "high", SecuritySeverity: SecuritySeverity(r.Severity)},
	}
}

// sarifTags returns a rule's tags without blanks or repeats, "security"
// first when the rule has it so that the cap never drops it. A rule is a
// security rule because its Tags say so; reliability rules are not tagged
// "security" here, since GitHub would then file them as security alerts.
func sarifTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		if t == securityTag {
			out = append(out, securityTag)
			seen[securityTag] = true
			break
		}
	}
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	if len(out) > maxSARIFTags {
		out = out[:maxSARIFTags]
	}
	return out
}

// firstParagraph returns the doc's first paragraph of prose (after the
// title and the "Severity: …" line) on one line, or fallback.
func firstParagraph(doc, fallback string) string {
	doc = strings.ReplaceAll(doc, "\r\n", "\n")
	for _, para := range strings.Split(doc, "\n\n") {
		p := strings.TrimSpace(para)
		if p == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "Severity:") {
			continue
		}
		return strings.Join(strings.Fields(p), " ")
	}
	return fallback
}

// clip shortens s to at most n characters, ending in "…" when cut; it
// never splits a character.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimRight(string(runes[:n-1]), " ") + "…"
}

// artifact locates a file for SARIF. A relative path (the usual case: the
// CLI is run in the checkout) becomes a relative URI under %SRCROOT%, which
// upload-sarif resolves to the checkout. An absolute path (a file outside
// the working directory) cannot be made relative without guessing, so it
// becomes a file: URI; SARIF writes those only in notifications, where
// GitHub accepts them.
func artifact(file string) sarifArtifact {
	if isAbsolute(file) {
		slash := filepath.ToSlash(file)
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // a Windows drive: C:/x → file:///C:/x
		}
		return sarifArtifact{URI: "file://" + encodeAbsolute(slash)}
	}
	return sarifArtifact{URI: encodePath(file), URIBaseID: "%SRCROOT%"}
}

// isAbsolute reports whether a file path is absolute, on this system or as
// a forward-slash path.
func isAbsolute(file string) bool {
	return filepath.IsAbs(file) || strings.HasPrefix(filepath.ToSlash(file), "/")
}

// encodePath turns a relative file path into a relative URI reference:
// forward slashes, each segment percent-encoded. ":" is encoded too, since
// a first segment holding one would read as a URI scheme ("c:x.tf").
func encodePath(p string) string {
	segs := strings.Split(filepath.ToSlash(p), "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// encodeAbsolute encodes an absolute forward-slash path for a file: URI,
// keeping a Windows drive letter's colon ("/C:/x").
func encodeAbsolute(p string) string {
	enc := encodePath(p)
	if len(p) >= 3 && p[2] == ':' && isLetter(p[1]) {
		enc = p[:3] + enc[len("/C%3A"):]
	}
	return enc
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// region gives SARIF a well-formed region: lines and columns at least 1,
// and an end that does not come before the start.
func region(r source.Range) *sarifRegion {
	reg := &sarifRegion{StartLine: max(int(r.Start.Line), 1), StartColumn: max(int(r.Start.Col), 1), EndLine: int(r.End.Line), EndColumn: max(int(r.End.Col), 1)}
	if reg.EndLine < reg.StartLine || (reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn) {
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn
	}
	return reg
}

// semverPattern is Semantic Versioning 2.0.0's own grammar, which SARIF
// requires of semanticVersion, compiled on first use so that start-up
// does not pay for it.
var semverPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
		`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
		`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)
})

// semver returns the version as SARIF's semanticVersion ("v1.2.3" → "1.2.3"),
// or "" (left out) when it is not a semantic version, such as "devel".
func semver(v string) string {
	v = strings.TrimPrefix(v, "v")
	if !semverPattern().MatchString(v) {
		return ""
	}
	return v
}
