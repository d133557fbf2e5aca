package terraform

import (
	"bytes"
	"encoding/json"

	"github.com/ekslint/ekslint/linter/source"
)

// maxNesting bounds how deep a file's expressions may nest before ekslint
// refuses to parse it. hcl's parser recurses through about ten functions
// for every bracket, about 10 KB of stack a level: 20,000 levels took
// 350 MB, 50,000 took 766 MB, and 100,000 overflowed Go's 1 GB stack,
// a fatal error that no recover catches and that ends the whole run.
// Real configurations nest a few levels, a few dozen at the very most.
const maxNesting = 1000

// nestingFrame is one open construct: a bracket, an interpolation, a
// quoted string or a heredoc, with the operators counted in it so far.
type nestingFrame struct {
	kind   byte // '(' '[' '{'; 'i' for ${ or %{; 'q' quoted string; 'h' heredoc; 't' a template with no end
	ops    int
	marker []byte // a heredoc's closing word
}

// nestingScanner measures, without parsing, an upper bound of how deep
// hcl's parser and ekslint's walks over the syntax will recurse: open
// brackets, strings, templates, interpolations and template directives,
// plus the operators of the expression being read at each level (hcl's
// unary operators and conditionals recurse once per operator, and binary
// operators build a tree as deep as they are many). It errs on the deep
// side wherever it is not sure how hcl's lexer will read a byte, so that a
// file it lets through can never be deeper than it measured.
type nestingScanner struct {
	stack      []nestingFrame
	ops        int // the operators of every frame, summed
	directives int // open %{ if } and %{ for } blocks
}

func (s *nestingScanner) depth() int { return len(s.stack) - 1 + s.ops + s.directives }

func (s *nestingScanner) push(f nestingFrame) bool {
	s.stack = append(s.stack, f)
	return s.depth() <= maxNesting
}

func (s *nestingScanner) pop() {
	if len(s.stack) > 1 {
		s.ops -= s.stack[len(s.stack)-1].ops
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (s *nestingScanner) top() *nestingFrame { return &s.stack[len(s.stack)-1] }

func (s *nestingScanner) op() bool {
	s.top().ops++
	s.ops++
	return s.depth() <= maxNesting
}

// endItem: a comma, or a newline where newlines end items, starts a new
// expression at the current level.
func (s *nestingScanner) endItem() {
	s.ops -= s.top().ops
	s.top().ops = 0
}

// hclNesting returns the byte offset at which native syntax src nests
// deeper than maxNesting, or -1.
func hclNesting(src []byte) int {
	// Real files nest a few levels: room for eight is one allocation, and
	// the only one, for nearly every file.
	s := nestingScanner{stack: append(make([]nestingFrame, 0, 8), nestingFrame{kind: '{'})} // the file is a body
	return s.scan(src, 0)
}

// templateNesting is hclNesting for the text of a template (a file given
// to templatefile, or a JSON string holding ${ or %{).
func templateNesting(src []byte) int {
	s := &nestingScanner{stack: []nestingFrame{{kind: '{'}, {kind: 't'}}}
	return s.scan(src, 0)
}

// codeBytes and textBytes are the bytes the scanner acts on in code and
// in the text of strings and templates; it skips runs of the others (most
// of a file: names, numbers, blanks, text) without looking at them one by
// one through its switch.
var codeBytes, textBytes = byteSet("#/\"<([{)]},\n!+*%>&|?-"), byteSet("\\\"\n$%")

func byteSet(bs string) (set [256]bool) {
	for i := 0; i < len(bs); i++ {
		set[bs[i]] = true
	}
	return set
}

func (s *nestingScanner) scan(src []byte, i int) int {
	for ; i < len(src); i++ {
		f := s.top()
		set := &codeBytes
		if f.kind == 'q' || f.kind == 'h' || f.kind == 't' {
			set = &textBytes
		}
		for i < len(src) && !set[src[i]] {
			i++
		}
		if i == len(src) {
			break
		}
		c := src[i]
		switch f.kind {
		case 'q', 'h', 't':
			switch {
			case f.kind == 'q' && c == '\\':
				i++
			case f.kind == 'q' && (c == '"' || c == '\n'):
				// A newline ends a quoted string for the lexer too, with an
				// error; ending it here can only count more as code.
				s.pop()
			case f.kind == 'h' && c == '\n':
				line := src[i+1:]
				if j := bytes.IndexByte(line, '\n'); j >= 0 {
					line = line[:j]
				}
				if bytes.Equal(bytes.TrimSpace(line), f.marker) {
					s.pop()
					i += len(line)
				}
			case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{':
				i += 2 // $${ and %%{ are literal text
			case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
				if c == '%' {
					s.directive(src[i+2:])
				}
				if !s.push(nestingFrame{kind: 'i'}) {
					return i
				}
				i++
			}
			if s.depth() > maxNesting {
				return i
			}
			continue
		}
		switch c {
		case '#':
			i = lineEnd(src, i)
		case '/':
			switch {
			case i+1 < len(src) && src[i+1] == '/':
				i = lineEnd(src, i)
			case i+1 < len(src) && src[i+1] == '*':
				if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
					i += 2 + j + 1
				} else {
					i = len(src)
				}
			default:
				if !s.op() {
					return i
				}
			}
		case '"':
			if !s.push(nestingFrame{kind: 'q'}) {
				return i
			}
		case '<':
			if marker, next, ok := heredoc(src, i); ok {
				if !s.push(nestingFrame{kind: 'h', marker: marker}) {
					return i
				}
				i = next - 1 // at the newline that ends the heredoc's first line
				continue
			}
			if !s.op() {
				return i
			}
		case '(', '[', '{':
			if !s.push(nestingFrame{kind: c}) {
				return i
			}
		case ')', ']', '}':
			// Only a closer that matches is taken as one: any other leaves
			// the count deeper, never shallower, than the parser's.
			if k := f.kind; c == ')' && k == '(' || c == ']' && k == '[' || c == '}' && (k == '{' || k == 'i') {
				s.pop()
			}
		case ',':
			s.endItem()
		case '\n':
			if f.kind == '{' {
				s.endItem()
			}
		case '!', '+', '*', '%', '>', '&', '|', '?':
			if !s.op() {
				return i
			}
		case '-':
			if !inName(src, i) && !s.op() {
				return i
			}
		}
	}
	return -1
}

// directive notes a template directive that opens or closes a block:
// hcl's template parser recurses once for every open %{ if } and %{ for }.
func (s *nestingScanner) directive(rest []byte) {
	rest = bytes.TrimLeft(rest, "~ \t")
	switch {
	case bytes.HasPrefix(rest, []byte("if")), bytes.HasPrefix(rest, []byte("for")):
		s.directives++
	case bytes.HasPrefix(rest, []byte("endif")), bytes.HasPrefix(rest, []byte("endfor")):
		if s.directives > 0 {
			s.directives--
		}
	}
}

// heredoc reads a heredoc's opening (<<WORD or <<-WORD, then the end of
// the line) at src[i]; next is the offset of that line's newline.
func heredoc(src []byte, i int) (marker []byte, next int, ok bool) {
	j := i + 2
	if j > len(src) || src[i+1] != '<' {
		return nil, 0, false
	}
	if j < len(src) && src[j] == '-' {
		j++
	}
	start := j
	for j < len(src) && isNameByte(src[j]) {
		j++
	}
	if j == start {
		return nil, 0, false
	}
	marker = src[start:j]
	if j < len(src) && src[j] == '\r' {
		j++
	}
	if j >= len(src) || src[j] != '\n' {
		return nil, 0, false
	}
	return marker, j, true
}

// inName reports whether the dash at src[i] is inside a name
// (aws_security_group.node-sg), where it is no operator: a name starts
// with a letter or an underscore, so 1-1 is a subtraction. A run longer
// than a name can reasonably be is taken for operators, which keeps the
// look back short.
func inName(src []byte, i int) bool {
	if i+1 >= len(src) || !isNameByte(src[i+1]) {
		return false
	}
	j := i
	for j > 0 && isNameByte(src[j-1]) {
		if j--; i-j > 256 {
			return false
		}
	}
	if j == i {
		return false
	}
	c := src[j]
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isNameByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// lineEnd is the offset just before the newline that ends the line at i.
func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j - 1
	}
	return len(src)
}

// jsonNesting is hclNesting for JSON syntax: arrays and objects, and the
// templates of the strings that hold ${ or %{, which hcl parses as native
// template syntax when it evaluates them.
func jsonNesting(src []byte) int {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '"':
			start := i
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			str := src[start:min(i+1, len(src))]
			if bytes.Contains(str, []byte("${")) || bytes.Contains(str, []byte("%{")) {
				var text string
				if json.Unmarshal(str, &text) != nil {
					continue // hcl reports the string; it parses no template
				}
				s := &nestingScanner{stack: []nestingFrame{{kind: '{'}, {kind: 't'}}}
				s.ops = depth // the string sits this deep in the document
				s.stack[0].ops = depth
				if s.scan([]byte(text), 0) >= 0 {
					return start
				}
			}
		case '[', '{':
			if depth++; depth > maxNesting {
				return i
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return -1
}

// tooDeep is the problem of a file that nests deeper than maxNesting at
// byte offset at: the file is not parsed.
func tooDeep(path string, src []byte, at int) source.Problem {
	p := source.PosOf(src, at)
	return source.Errorf(source.Range{File: source.FileOf(path), Start: p, End: p},
		"nested more than %d levels deep here (brackets, strings, templates and operators together): ekslint does not parse a file this deep, as parsing it could exhaust the stack and end the run", maxNesting)
}
