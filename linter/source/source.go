// Package source holds the types every other package uses to say where
// something came from: positions, ranges, located values and problems.
// It imports nothing of ekslint's own.
package source

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Pos is a 1-based line and column. Columns count Unicode characters.
// They are 32-bit: no file ekslint reads (linter.MaxFileSize, 16 MiB, at
// most) has more lines or columns than that, and a model holds hundreds
// of thousands of positions.
type Pos struct{ Line, Col int32 }

// Range is a span in one file. File stands for the path as ekslint was
// given it, cleaned and with forward slashes (Path returns it).
type Range struct {
	File       FileID
	Start, End Pos
}

// Path returns the path of r's file.
func (r Range) Path() string { return r.File.Path() }

// IsZero reports whether r has no position at all.
func (r Range) IsZero() bool { return r.File == 0 && r.Start.Line == 0 }

// Contains reports whether p lies inside r (inclusive of both ends).
func (r Range) Contains(p Pos) bool {
	if p.Line < r.Start.Line || p.Line > r.End.Line {
		return false
	}
	if p.Line == r.Start.Line && p.Col < r.Start.Col {
		return false
	}
	if p.Line == r.End.Line && p.Col > r.End.Col {
		return false
	}
	return true
}

func (r Range) String() string {
	return fmt.Sprintf("%s:%d:%d", r.Path(), r.Start.Line, r.Start.Col)
}

// Less orders ranges by file, then start line, then start column.
func (r Range) Less(o Range) bool {
	if r.File != o.File {
		return r.File.Compare(o.File) < 0
	}
	if r.Start.Line != o.Start.Line {
		return r.Start.Line < o.Start.Line
	}
	if r.Start.Col != o.Start.Col {
		return r.Start.Col < o.Start.Col
	}
	if r.End.Line != o.End.Line {
		return r.End.Line < o.End.Line
	}
	return r.End.Col < o.End.Col
}

// Origin says how a value was obtained.
type Origin uint8

const (
	// Unknown is the zero value on purpose: a Value nobody filled in can
	// never make a rule fire.
	Unknown Origin = iota
	// Set: written in the file (directly or through a resolvable expression).
	Set
	// Default: absent from the file; Val is the documented default and
	// Range points at the nearest enclosing block or mapping that exists.
	Default
)

func (o Origin) String() string {
	switch o {
	case Set:
		return "set"
	case Default:
		return "default"
	default:
		return "unknown"
	}
}

// Value is a located value. Rules must check Known before reading Val.
type Value[T any] struct {
	Val    T
	Origin Origin
	Range  Range
}

// Known reports whether the value is set or defaulted (not Unknown).
func (v Value[T]) Known() bool { return v.Origin != Unknown }

// IsSet reports whether the value was written in the file.
func (v Value[T]) IsSet() bool { return v.Origin == Set }

// IsDefault reports whether the value is the default for an omitted field.
func (v Value[T]) IsDefault() bool { return v.Origin == Default }

// SetAt returns a value written in the file at r.
func SetAt[T any](v T, r Range) Value[T] { return Value[T]{Val: v, Origin: Set, Range: r} }

// DefaultAt returns the default v for a field that is absent; r is where a
// finding about it should point (the enclosing block or mapping).
func DefaultAt[T any](v T, r Range) Value[T] { return Value[T]{Val: v, Origin: Default, Range: r} }

// UnknownAt returns a value written at r that cannot be known offline.
func UnknownAt[T any](r Range) Value[T] { return Value[T]{Origin: Unknown, Range: r} }

// IsTrue reports whether b is known to be true. Unknown is neither true nor false.
func IsTrue(b Value[bool]) bool { return b.Known() && b.Val }

// IsFalse reports whether b is known to be false. Unknown is neither true nor false.
func IsFalse(b Value[bool]) bool { return b.Known() && !b.Val }

// List is a located list whose elements are located too. The list can be
// known while some of its elements are not.
type List[T any] = Value[[]Value[T]]

// Strings is the common list of strings.
type Strings = List[string]

// Level is the gravity of a Problem.
type Level uint8

const (
	// LevelError: input was lost (unreadable, unparsable); the run exits 2.
	LevelError Level = iota
	// LevelWarning: input was read but something in it is wrong (e.g. an
	// ignore directive without a reason).
	LevelWarning
	// LevelNote: information (a skipped Helm chart, an unused ignore).
	LevelNote
)

func (l Level) String() string {
	switch l {
	case LevelWarning:
		return "warning"
	case LevelNote:
		return "note"
	default:
		return "error"
	}
}

// Problem is something wrong with the input itself, not a finding about
// the infrastructure it describes.
type Problem struct {
	Level   Level
	Range   Range // Range.File is always set; Start may be zero when no line is known
	Message string
}

func (p Problem) String() string {
	if p.Range.Start.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", p.Range.Path(), p.Level, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.Range.Path(), p.Range.Start.Line, p.Range.Start.Col, p.Level, p.Message)
}

// Errorf returns an error-level problem at r.
func Errorf(r Range, format string, args ...any) Problem {
	return Problem{Level: LevelError, Range: r, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning-level problem at r.
func Warnf(r Range, format string, args ...any) Problem {
	return Problem{Level: LevelWarning, Range: r, Message: fmt.Sprintf(format, args...)}
}

// Notef returns a note-level problem at r.
func Notef(r Range, format string, args ...any) Problem {
	return Problem{Level: LevelNote, Range: r, Message: fmt.Sprintf(format, args...)}
}

// Comment is one comment in a file, as the file's own lexer saw it.
// Text has the comment marker (#, // or /* */) removed and is not trimmed.
type Comment struct {
	Range Range
	Text  string
}

// File is what the suppression step needs to know about one read file:
// its comments, and the ranges of the objects it holds (Terraform blocks,
// YAML documents, mappings and list items), so that an ignore written above
// an enclosing object applies to every finding inside it.
type File struct {
	Path     string
	Comments []Comment
	Scopes   []Range
}

// DirectiveKeyword starts an ignore directive in a comment.
const DirectiveKeyword = "ekslint:ignore"

// MayHoldDirective says whether a file's text can hold an ignore
// directive. A reader that sees false need not collect the file's
// comments or scopes: without the keyword, nothing will read them.
func MayHoldDirective(src []byte) bool {
	return bytes.Contains(src, []byte(DirectiveKeyword))
}

// PosOf returns the position of byte offset i of src: its line, and its
// column counted in characters, as every position is.
func PosOf(src []byte, i int) Pos {
	line := 1 + bytes.Count(src[:i], []byte{'\n'})
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	return PosAt(line, 1+utf8.RuneCount(src[start:i]))
}

// PosAt returns the position at line and col, as the parsers count them.
func PosAt(line, col int) Pos { return Pos{Line: int32(line), Col: int32(col)} }
