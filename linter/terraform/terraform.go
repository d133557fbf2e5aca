// Package terraform reads a Terraform module (a folder of .tf and .tf.json
// files) and adapts the AWS resources it declares into the model, with the
// provider's defaults for omitted attributes.
package terraform

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// File is one configuration file of a module, already read.
type File struct {
	Path string // as the engine names it (relative, forward slashes)
	Src  []byte
}

// Options are the variable sources given by the user.
type Options struct {
	// Vars from --var and the config file, as raw strings (k=v).
	Vars map[string]string
	// VarFiles from --var-file and the config file, in order.
	VarFiles []string
}

// variable is a declared input variable and its resolved value.
type variable struct {
	typ   cty.Type // cty.DynamicPseudoType when untyped
	value cty.Value
}

// resource is a resource block of the module.
type resource struct {
	typ, name string
	block     *hcl.Block
}

func (r *resource) address() string { return r.typ + "." + r.name }

// module is one folder being read.
type module struct {
	dir      string
	parser   *hclparse.Parser
	problems []source.Problem

	vars       map[string]*variable
	varObj     cty.Value
	locals     map[string]*hcl.Attribute
	localVals  map[string]cty.Value
	localBusy  map[string]bool
	localStack []string
	resources  []*resource
	byAddress  map[string]*resource
	funcs      map[string]function.Function
	// scope holds count, each and dynamic-block iterators while one
	// instance or block is evaluated.
	scope    map[string]cty.Value
	boundHit string
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "output", LabelNames: []string{"name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "type"}, {Name: "default"}}}

// Load reads one module: dir is its folder, files its .tf and .tf.json
// files. It returns the adapted model, what suppression needs to know about
// each file, and any problems. A panic is turned into a problem naming the
// folder: one broken module never stops the run.
func Load(dir string, files []File, opts Options) (out *model.Model, srcFiles []*source.File, problems []source.Problem) {
	m := &module{
		dir: dir, parser: hclparse.NewParser(),
		vars: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		localVals: map[string]cty.Value{}, localBusy: map[string]bool{}, byAddress: map[string]*resource{},
	}
	defer func() {
		if r := recover(); r != nil {
			out = &model.Model{}
			m.problems = append(m.problems, source.Errorf(source.Range{File: dir},
				"internal error while reading this Terraform module (please report it): %v\n%s", r, debug.Stack()))
			problems = m.problems
		}
	}()
	var contents []*hcl.BodyContent
	for _, f := range files {
		hf, diags := m.parse(f.Path, f.Src)
		m.diagnostics(diags)
		if hf == nil {
			continue
		}
		srcFiles = append(srcFiles, fileInfo(f, hf))
		content, _, diags := hf.Body.PartialContent(topSchema)
		m.diagnostics(diags)
		contents = append(contents, content)
	}
	for _, c := range contents {
		m.declare(c)
	}
	m.resolveVariables(opts)
	out = m.adapt()
	return out, srcFiles, m.problems
}

func (m *module) parse(path string, src []byte) (*hcl.File, hcl.Diagnostics) {
	if strings.HasSuffix(strings.ToLower(path), ".json") {
		return m.parser.ParseJSON(src, path)
	}
	return m.parser.ParseHCL(src, path)
}

// diagnostics turns HCL's errors into located problems.
func (m *module) diagnostics(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		r := source.Range{File: m.dir}
		if d.Subject != nil {
			r = rangeOf(*d.Subject)
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		m.problems = append(m.problems, source.Errorf(r, "invalid Terraform: %s", msg))
	}
}

// declare records the variables, locals and resources of one file.
func (m *module) declare(c *hcl.BodyContent) {
	for _, b := range c.Blocks {
		switch b.Type {
		case "variable":
			v := &variable{typ: cty.DynamicPseudoType, value: cty.DynamicVal}
			vc, _, diags := b.Body.PartialContent(variableSchema)
			m.diagnostics(diags)
			if t, ok := vc.Attributes["type"]; ok {
				if ty, diags := typeexpr.TypeConstraint(t.Expr); !diags.HasErrors() {
					v.typ = ty
				}
			}
			if d, ok := vc.Attributes["default"]; ok {
				if val, diags := d.Expr.Value(nil); !diags.HasErrors() {
					v.value = m.convert(val, v.typ)
				}
			}
			m.vars[b.Labels[0]] = v
		case "locals":
			attrs, diags := b.Body.JustAttributes()
			m.diagnostics(diags)
			for name, a := range attrs {
				m.locals[name] = a
			}
		case "resource":
			r := &resource{typ: b.Labels[0], name: b.Labels[1], block: b}
			if _, dup := m.byAddress[r.address()]; dup {
				continue
			}
			m.byAddress[r.address()] = r
			m.resources = append(m.resources, r)
		}
	}
}

func (m *module) convert(v cty.Value, ty cty.Type) cty.Value {
	if ty == cty.DynamicPseudoType {
		return v
	}
	if c, err := convert.Convert(v, ty); err == nil {
		return c
	}
	return v
}

// resolveVariables applies, lowest first: defaults, terraform.tfvars,
// *.auto.tfvars (lexical order), --var-file files, --var values.
func (m *module) resolveVariables(opts Options) {
	var auto []string
	if entries, err := os.ReadDir(filepath.FromSlash(m.dir)); err == nil {
		for _, e := range entries {
			n := e.Name()
			if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
				auto = append(auto, n)
			}
		}
	}
	sort.Strings(auto)
	var varFiles []string
	for _, n := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if _, err := os.Stat(filepath.Join(filepath.FromSlash(m.dir), n)); err == nil {
			varFiles = append(varFiles, join(m.dir, n))
		}
	}
	for _, n := range auto {
		varFiles = append(varFiles, join(m.dir, n))
	}
	varFiles = append(varFiles, opts.VarFiles...)
	for _, p := range varFiles {
		m.readVarFile(p)
	}
	names := make([]string, 0, len(opts.Vars))
	for k := range opts.Vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		v, ok := m.vars[k]
		if !ok {
			continue
		}
		raw := opts.Vars[k]
		if v.typ == cty.String || v.typ == cty.DynamicPseudoType {
			v.value = cty.StringVal(raw)
			continue
		}
		expr, diags := hclsyntax.ParseExpression([]byte(raw), "--var "+k, hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			m.problems = append(m.problems, source.Warnf(source.Range{File: m.dir}, "--var %s: %q is not a valid value for a %s variable", k, raw, v.typ.FriendlyName()))
			continue
		}
		if val, diags := expr.Value(nil); !diags.HasErrors() {
			v.value = m.convert(val, v.typ)
		}
	}
}

func (m *module) readVarFile(p string) {
	src, err := os.ReadFile(filepath.FromSlash(p))
	if err != nil {
		m.problems = append(m.problems, source.Errorf(source.Range{File: p}, "cannot read variables file: %v", err))
		return
	}
	f, diags := m.parse(p, src)
	m.diagnostics(diags)
	if f == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	m.diagnostics(diags)
	for name, a := range attrs {
		v, ok := m.vars[name]
		if !ok {
			continue // Terraform warns about undeclared values; nothing to lint
		}
		if val, diags := a.Expr.Value(nil); !diags.HasErrors() {
			v.value = m.convert(val, v.typ)
		}
	}
}

// fileInfo collects a file's comments and block ranges for suppression.
func fileInfo(f File, hf *hcl.File) *source.File {
	info := &source.File{Path: f.Path}
	body, ok := hf.Body.(*hclsyntax.Body)
	if !ok {
		return info // JSON has no comments
	}
	var walk func(b *hclsyntax.Body, depth int)
	walk = func(b *hclsyntax.Body, depth int) {
		if depth > 100 {
			return
		}
		for _, blk := range b.Blocks {
			info.Scopes = append(info.Scopes, rangeOf(blk.Range()))
			walk(blk.Body, depth+1)
		}
	}
	walk(body, 0)
	// Comments matter only for ignore directives; lexing the file a
	// second time is the costliest step of reading it, so skip it when no
	// directive can be there.
	if !bytes.Contains(f.Src, []byte("ekslint:ignore")) {
		return info
	}
	tokens, _ := hclsyntax.LexConfig(f.Src, f.Path, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	for _, t := range tokens {
		if t.Type != hclsyntax.TokenComment {
			continue
		}
		text := strings.TrimRight(string(t.Bytes), "\r\n")
		switch {
		case strings.HasPrefix(text, "#"):
			text = text[1:]
		case strings.HasPrefix(text, "//"):
			text = text[2:]
		case strings.HasPrefix(text, "/*"):
			text = strings.TrimSuffix(text[2:], "*/")
		}
		r := rangeOf(t.Range)
		if r.End.Line > r.Start.Line && strings.HasSuffix(string(t.Bytes), "\n") {
			// A line comment's token includes its newline; end it on its own line.
			r.End = source.Pos{Line: r.Start.Line, Col: r.Start.Col + len([]rune(strings.TrimRight(string(t.Bytes), "\r\n")))}
		}
		info.Comments = append(info.Comments, source.Comment{Range: r, Text: text})
	}
	return info
}

func rangeOf(r hcl.Range) source.Range {
	return source.Range{File: r.Filename,
		Start: source.Pos{Line: r.Start.Line, Col: r.Start.Column},
		End:   source.Pos{Line: r.End.Line, Col: r.End.Column}}
}

func warnAt(r hcl.Range, format string, args ...any) source.Problem {
	return source.Warnf(rangeOf(r), format, args...)
}

func join(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return dir + "/" + name
}
