package emit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/source"
)

// GitHub code scanning accepts at most this many results per run.
const maxSARIFResults = 25000

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey names ekslint's own partial fingerprint.
const FingerprintKey = "ekslint/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	CommandLine                string              `json:"commandLine,omitempty"`
	StartTimeUTC               string              `json:"startTimeUtc,omitempty"`
	EndTimeUTC                 string              `json:"endTimeUtc,omitempty"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifRelated     `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Severity string `json:"severity"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type sarifRelated struct {
	ID               int           `json:"id"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          sarifText     `json:"message"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical          `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

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

// SecuritySeverity is the score GitHub ranks alerts by.
func SecuritySeverity(s linter.Severity) string {
	return [...]string{"3.0", "5.5", "8.0", "9.5"}[s]
}

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning.
func SARIF(w io.Writer, r *linter.Result, o Options) error {
	driver := sarifDriver{Name: "ekslint", Version: o.ToolVersion, SemanticVersion: semver(o.ToolVersion),
		InformationURI: "https://github.com/ekslint/ekslint", Rules: []sarifRule{}}
	index := map[string]int{}
	for i, rule := range r.Rules {
		index[rule.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(rule))
	}
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
		if p.Range.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(p.Range.File)}}
			if p.Range.Start.Line > 0 {
				loc.PhysicalLocation.Region = region(p.Range)
			}
			n.Locations = []sarifLocation{loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	results := []sarifResult{}
	findings := shown(r, o)
	if len(findings) > maxSARIFResults {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "warning",
			Message: sarifText{Text: fmt.Sprintf("%d findings were left out: GitHub code scanning accepts at most %d results per run",
				len(findings)-maxSARIFResults, maxSARIFResults)}})
		findings = findings[:maxSARIFResults]
	}
	for _, f := range findings {
		idx, ok := index[f.RuleID]
		if !ok {
			continue
		}
		res := sarifResult{
			RuleID: f.RuleID, RuleIndex: idx, Level: Level(f.Severity),
			Message: sarifText{Text: f.Message},
			Locations: []sarifLocation{{
				PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(f.Range.File), Region: region(f.Range)},
				LogicalLocations: []sarifLogicalLocation{{FullyQualifiedName: f.Object, Kind: "resource"}},
			}},
			PartialFingerprints: map[string]string{FingerprintKey: f.Fingerprint()},
		}
		for i, rel := range f.Related {
			res.RelatedLocations = append(res.RelatedLocations, sarifRelated{ID: i + 1,
				PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(rel.Range.File), Region: region(rel.Range)},
				Message:          sarifText{Text: rel.Message}})
		}
		if f.Severity != r.Rules[idx].Severity {
			res.Properties = &sarifResultProps{Severity: f.Severity.String()}
		}
		if f.Suppression != nil {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppression.Reason}}
		}
		results = append(results, res)
	}
	log := sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{{
		Tool: sarifTool{Driver: driver}, Invocations: []sarifInvocation{inv}, Results: results, ColumnKind: "unicodeCodePoints",
	}}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifRuleOf(r *linter.Rule) sarifRule {
	// GitHub counts a result as a security alert when its rule is tagged
	// "security"; reliability rules keep their own tags only.
	tags := append([]string{}, r.Tags...)
	if len(tags) > 10 {
		tags = tags[:10]
	}
	doc := r.Doc
	if doc == "" {
		doc = r.Summary
	}
	return sarifRule{
		ID: r.ID, Name: r.Name,
		ShortDescription:     sarifText{Text: r.Summary},
		FullDescription:      sarifText{Text: firstParagraph(r.Doc, r.Summary)},
		Help:                 sarifHelp{Text: doc, Markdown: doc},
		HelpURI:              r.HelpURI(),
		DefaultConfiguration: sarifConfiguration{Level: Level(r.Severity)},
		Properties:           sarifRuleProps{Tags: tags, Precision: "high", SecuritySeverity: SecuritySeverity(r.Severity)},
	}
}

// firstParagraph returns the doc's first paragraph of prose (after the
// title and the severity line), or fallback.
func firstParagraph(doc, fallback string) string {
	for _, para := range strings.Split(doc, "\n\n") {
		p := strings.TrimSpace(para)
		if p == "" || strings.HasPrefix(p, "#") || strings.HasPrefix(p, "Severity:") {
			continue
		}
		p = strings.Join(strings.Fields(p), " ")
		if len(p) > 1000 {
			p = p[:1000]
		}
		return p
	}
	return fallback
}

func artifact(file string) sarifArtifact {
	return sarifArtifact{URI: encodePath(file), URIBaseID: "%SRCROOT%"}
}

// encodePath percent-encodes each segment of a relative, forward-slash path.
func encodePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func region(r source.Range) *sarifRegion {
	reg := &sarifRegion{StartLine: max(r.Start.Line, 1), StartColumn: max(r.Start.Col, 1), EndLine: r.End.Line, EndColumn: r.End.Col}
	if reg.EndLine < reg.StartLine || (reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn) {
		reg.EndLine, reg.EndColumn = reg.StartLine, reg.StartColumn
	}
	reg.EndColumn = max(reg.EndColumn, 1)
	return reg
}

// semver keeps the part of a version SARIF's semanticVersion accepts.
func semver(v string) string {
	return strings.TrimPrefix(v, "v")
}
