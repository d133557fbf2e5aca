package terraform

import (
	"bytes"
	"unicode/utf8"

	"github.com/ekslint/ekslint/linter/source"
)

// maxTokens bounds the tokens of one file that ekslint hands to hcl's
// parser. What the parser holds grows with them, not with the bytes: every
// token costs about 100 bytes in the scanner's list, and every value an
// expression node, and a list of small numbers (a 2 MB "a = [1,1,1,…]",
// a million of them) took 1 GB, a 16 MB one 34 s and 7.9 GB. A file is
// refused past this many: just under it, that list takes 0.6 s and 250 MB.
// Real files reach it at 2 to 3 MB: all of terraform-aws-modules/eks's .tf
// files together, 517 KB, count 77,859 (hcl makes 75,924 tokens); 11,000
// generated security group rules, 1.95 MB, count 495,000 and take 0.65 s
// and 200 MB.
const maxTokens = 500_000

// maxJSONTokens is maxTokens for a .tf.json file, counted by textBound.
// Tools write these (CDK for Terraform's output runs to megabytes): twice
// as many lets through generated files of about 3 MB, and at the worst (a
// list of numbers just under it) takes 1.1 s and 450 MB.
const maxJSONTokens = 2 * maxTokens

// maxModuleTokens bounds the tokens of a module folder's files together,
// which are parsed and kept for as long as the module is read: eight
// files of 400 KB, each of them under maxTokens, took 735 MB and 2.9 s.
// Twice maxTokens, 500 MB at the worst, lets through real modules of
// about 6.5 MB of .tf files. (A variable, for the tests.)
var maxModuleTokens = 2 * maxTokens

// maxRootTokens bounds the tokens of the files one root module reads
// together: its own and those of every module folder it calls, each
// folder counted once, twice a folder's bound. A module whose folder
// would pass it is not read. (A variable, for the tests.)
var maxRootTokens = 4 * maxTokens

// maxPlanTokens is maxTokens for a JSON plan, counted by jsonTokenBound:
// a plan of a large infrastructure is megabytes of small values, a token
// every four bytes or so as `terraform show -json` writes it (on one line;
// the indented plans of the tests, every nine or ten), and four times
// maxTokens lets through plans of about 8 MB; at the worst (a list of
// numbers just under it) it takes 7 s and 1.3 GB.
const maxPlanTokens = 4 * maxTokens

// tokenBound returns the byte offset at which native syntax src holds
// more than limit tokens, or -1, counted without parsing and never fewer
// than hcl's scanner makes (FuzzTokenBound). In code, a run of name or
// number bytes is one token (two where a number runs into a name: "1a"),
// any other byte but a blank is one; the text of a quoted string or a
// heredoc is one token a line and one more at each escape, $ or %, and
// template sequence, whose insides are code again; the end of the file is
// one more. It counts more wherever it is unsure (each byte of a two-byte
// operator or of a character beyond ASCII). A file smaller than limit
// bytes needs no count: every token but the end takes a byte at least.
func tokenBound(src []byte, limit int) int {
	if len(src) < limit {
		return -1
	}
	_, at := tokens(src, limit)
	return at
}

// tokens is tokenBound's count, with no shortcut for a short file: n is
// the count up to where it passed limit (at), or the whole file's (at -1).
func tokens(src []byte, limit int) (n, at int) {
	// What hcl's scanner makes of bad UTF-8 or a control byte depends on
	// the bytes after it (a bad sequence takes a "#" with it, which then
	// starts no comment): such a file is counted byte by byte, without
	// following strings.
	for _, c := range src {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return bytesCount(src, limit)
		}
	}
	if !utf8.Valid(src) {
		return bytesCount(src, limit)
	}
	t := tokenCounter{src: src, limit: limit, n: 1} // the end of the file
	t.stack = append(make([]textFrame, 0, 8), textFrame{kind: '{'})
	at = t.scan()
	return t.n, at
}

// bytesBound is tokenBound without following strings, heredocs or
// comments: every run of name or number bytes is one token (two where a
// number runs into a name), every run of blanks one, every other byte one,
// and the end of the file one more.
//
// It is an upper bound for a template too, and for JSON syntax, strings
// and the templates in them included: hcl parses a .tf.json string as a
// template when it is evaluated, after decoding its escapes ("\u0024{" is
// a template sequence, which a count that followed strings by their bytes
// would miss).
func bytesBound(src []byte, limit int) int {
	_, at := bytesCount(src, limit)
	return at
}

// bytesCount is bytesBound's count, as tokens is tokenBound's.
func bytesCount(src []byte, limit int) (n, at int) {
	n = 1
	if n > limit {
		return n, 0
	}
	run := noRun
	for i, c := range src {
		if !startsToken(&run, c) {
			continue
		}
		if n++; n > limit {
			return n, i
		}
	}
	return n, -1
}

// The runs of bytes that hcl's scanners make one token of, at most.
const (
	noRun byte = iota
	nameRun
	numberRun
	blankRun
)

// startsToken reports whether byte c may begin a token after a byte of
// the run *run (in a run of name, number or blank bytes only the first
// does; a number that runs into a name, "1a", is two), and makes *run c's.
func startsToken(run *byte, c byte) bool {
	switch {
	case c == ' ' || c == '\t':
		if *run == blankRun {
			return false
		}
		*run = blankRun
	case c >= '0' && c <= '9':
		if *run == nameRun || *run == numberRun {
			return false
		}
		*run = numberRun
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		if *run == nameRun {
			return false
		}
		*run = nameRun
	default:
		*run = noRun
	}
	return true
}

// textFrame is one open construct the counter is inside: code between
// braces ('{': the file itself at the bottom, a block, an object, the
// inside of a template sequence), a quoted string ('q') or a heredoc ('h',
// with its closing word).
type textFrame struct {
	kind   byte
	marker []byte
}

type tokenCounter struct {
	src      []byte
	limit, n int
	stack    []textFrame
}

// count adds a token and reports whether the limit still holds.
func (t *tokenCounter) count() bool {
	t.n++
	return t.n <= t.limit
}

func (t *tokenCounter) scan() int {
	src := t.src
	run := noRun
	for i := 0; i < len(src); i++ {
		c := src[i]
		f := &t.stack[len(t.stack)-1]
		if f.kind == 'q' || f.kind == 'h' {
			run = noRun
			if at := t.text(f, &i); at >= 0 {
				return at
			}
			continue
		}
		if c == ' ' || c == '\t' {
			run = noRun // blanks in code are no token
			continue
		}
		if !startsToken(&run, c) {
			continue
		}
		if !t.count() {
			return i
		}
		switch c {
		case '"':
			t.stack = append(t.stack, textFrame{kind: 'q'})
		case '<':
			if marker, next, ok := heredoc(src, i); ok && isASCIIName(marker) {
				t.stack = append(t.stack, textFrame{kind: 'h', marker: marker})
				// On to the newline that ends the heredoc's first line,
				// where the text looks at the next line for the end.
				i = next - 1
			}
		case '{':
			t.stack = append(t.stack, textFrame{kind: '{'})
		case '}':
			if len(t.stack) > 1 {
				t.stack = t.stack[:len(t.stack)-1]
			}
		case '#':
			i = lineEnd(src, i)
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				i = lineEnd(src, i)
			} else if i+1 < len(src) && src[i+1] == '*' {
				// One that never ends is no comment to hcl's scanner.
				if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
					i += 2 + j + 1
				}
			}
		}
	}
	return -1
}

// text counts the text of a quoted string or heredoc from src[*i] to the
// end of its literal run: the run is one token, and what ends it (a quote,
// an escape, a template sequence, the end of a line) one more. It leaves
// *i on the last byte it read, and returns where the limit passed, or -1.
func (t *tokenCounter) text(f *textFrame, i *int) int {
	src := t.src
	start := *i
	if !t.count() { // the run
		return start
	}
	for j := start; j < len(src); j++ {
		c := src[j]
		switch {
		case c == '\\' && f.kind == 'q':
			// An escape, and the escaped byte with it, may be a token of its
			// own, splitting the literal in two: it and the rest, below. (A
			// line end after it is read as a line end again.)
			if j+1 < len(src) && src[j+1] >= 0x20 {
				j++
			}
			if !t.count() {
				return j
			}
		case c == '\n' && f.kind == 'q':
			// A token of its own, and the string goes on (with an error)
			// in another literal, below.
			if !t.count() {
				return j
			}
		case c == '\n':
			line := src[j+1:]
			if k := bytes.IndexByte(line, '\n'); k >= 0 {
				line = line[:k]
			}
			if bytes.Equal(bytes.TrimSpace(line), f.marker) {
				t.stack = t.stack[:len(t.stack)-1]
				*i = j // the closing line is counted as code
				return -1
			}
		case c == '"' && f.kind == 'q':
			t.stack = t.stack[:len(t.stack)-1]
			*i = j
			if !t.count() { // the closing quote
				return j
			}
			return -1
		case c == '\r':
			// A carriage return may be a token of its own, splitting the
			// literal in two: it and the rest, below.
			if !t.count() {
				return j
			}
		case c == '$' || c == '%':
			// hcl begins a template sequence at ${ and %{, and ends a
			// literal at any other $ or %: alone it is a token of its own
			// (and $${ a literal of its own), the rest another, below.
			if j+1 < len(src) && src[j+1] == '{' {
				if !t.count() {
					return j
				}
				t.stack = append(t.stack, textFrame{kind: '{'})
				*i = j + 1
				return -1
			}
			if j+2 < len(src) && src[j+1] == c && src[j+2] == '{' {
				j += 2
			}
			if !t.count() {
				return j
			}
		default:
			continue
		}
		if !t.count() {
			return j
		}
	}
	*i = len(src)
	return -1
}

// tooManyTokens is the problem of a file with more than limit tokens by
// byte offset at: the file is not parsed.
func tooManyTokens(path string, src []byte, at, limit int) source.Problem {
	p := source.PosOf(src, at)
	return source.Errorf(source.Range{File: source.FileOf(path), Start: p, End: p},
		"more than %d tokens by here (names, numbers, strings and operators, counted without parsing): ekslint does not parse a file this large, as parsing it could take gigabytes of memory", limit)
}

// tooManyModuleTokens is the problem of a file past which a module
// folder's files hold more than maxModuleTokens tokens together.
func tooManyModuleTokens(path string, src []byte, at int) source.Problem {
	p := source.PosOf(src, at)
	return source.Errorf(source.Range{File: source.FileOf(path), Start: p, End: p},
		"the files of this module hold more than %d tokens together by here (names, numbers, strings and operators, counted without parsing): ekslint parses no more of them, as parsing them could take gigabytes of memory", maxModuleTokens)
}

// textBound is bytesBound for a file of at least limit bytes: a .tf.json
// file, or a template for templatefile() (which begins in text, not code).
func textBound(src []byte, limit int) int {
	if len(src) < limit {
		return -1
	}
	return bytesBound(src, limit)
}

// jsonTokenBound is tokenBound for JSON whose strings are only text, as a
// plan's are (a .tf.json file's strings hold templates, which are parsed
// too, and tokenBound counts their text): a string is one token, blanks
// none.
func jsonTokenBound(src []byte, limit int) int {
	if len(src) < limit {
		return -1
	}
	n := 1
	run := noRun
	for i := 0; i < len(src); i++ {
		start, c := i, src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			run = noRun // blanks in JSON are no token
			continue
		case c == '"':
			run = noRun
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case !startsToken(&run, c):
			continue
		}
		if n++; n > limit {
			return start
		}
	}
	return -1
}

// isASCIIName reports whether a heredoc's word is one hcl's scanner takes
// for one: "<<0" is two operators and a number. (A word beyond ASCII is
// counted as code, which counts a heredoc's lines no fewer.)
func isASCIIName(word []byte) bool {
	for i, c := range word {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c == '-' || c >= '0' && c <= '9')) {
			return false
		}
	}
	return len(word) > 0
}
