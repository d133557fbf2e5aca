package terraform

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/source"
)

// resolveVariables gives each variable its value. Sources apply lowest
// first, each overriding the ones before, as Terraform orders them: the
// default (already set by declare), terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars and *.auto.tfvars.json in lexical order, the --var-file
// files in order, then the --var values.
func (m *module) resolveVariables(opts Options) {
	given := len(opts.VarFiles)
	files := m.varFiles(opts.Listing, opts.VarFiles)
	for i, p := range files {
		// The given files come last (see varFiles).
		named := i >= len(files)-given
		m.protect(hcl.Range{Filename: p}, "this variables file", func() { m.readVarFile(p, named) })
	}
	names := make([]string, 0, len(opts.Vars))
	for k := range opts.Vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if v, ok := m.vars[k]; ok {
			m.setFromFlag(v, opts.Vars[k])
		}
		// A value for a variable this module does not declare may be meant
		// for another module of the same run: nothing to say.
	}
}

// varFiles lists the variables files to read, lowest precedence first.
func (m *module) varFiles(entries []fs.DirEntry, given []string) []string {
	// One listing of the folder, not a stat per name: this runs for every
	// module. ReadDir sorts by name, as Terraform orders *.auto.tfvars.
	// The caller's listing, when it has one, saves listing it again.
	if entries == nil {
		entries, _ = os.ReadDir(filepath.FromSlash(m.dir))
	}
	var out, auto []string
	for _, want := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		for _, e := range entries {
			if e.Name() == want && !e.IsDir() {
				out = append(out, join(m.dir, want))
			}
		}
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
			auto = append(auto, join(m.dir, n))
		}
	}
	return append(append(out, auto...), given...)
}

// readVarFile applies one variables file. Values are plain HCL (or JSON)
// with no references or function calls, as Terraform requires. named is
// true for a file the user named, which may be a pipe (see readGiven).
func (m *module) readVarFile(p string, named bool) {
	read := readFile
	if named {
		read = readGiven
	}
	src, err := read(p)
	if err != nil {
		m.problems = append(m.problems, source.Errorf(source.InFile(p), "cannot read variables file: %s", readError(err)))
		return
	}
	f, diags := m.parse(p, src, nil)
	m.diagnostics(diags)
	if f == nil {
		return
	}
	attrs, diags := f.Body.JustAttributes()
	m.diagnostics(diags)
	for _, a := range sortedAttrs(attrs) {
		v, ok := m.vars[a.Name]
		if !ok {
			continue // Terraform only warns about values for undeclared variables
		}
		val, diags := a.Expr.Value(nil)
		m.diagnostics(diags)
		if !diags.HasErrors() {
			m.assign(v, val, a.Range)
		}
	}
}

// setFromFlag applies a --var value: the raw string for a string or
// untyped variable, else the string parsed as an HCL expression.
func (m *module) setFromFlag(v *variable, raw string) {
	flag := hcl.Range{Filename: "--var " + v.name}
	if v.literal {
		m.assign(v, cty.StringVal(raw), flag)
		return
	}
	bad := func() {
		m.problems = append(m.problems, source.Warnf(source.InFile(m.dir),
			"--var %s=%s is not a valid %s value; the variable is unknown", v.name, raw, v.typ.FriendlyNameForConstraint()))
		v.value, v.from = cty.UnknownVal(v.typ), flag
	}
	expr, diags := hclsyntax.ParseExpression([]byte(raw), flag.Filename, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	if diags.HasErrors() {
		bad()
		return
	}
	val, diags := expr.Value(nil)
	if diags.HasErrors() {
		bad()
		return
	}
	m.assign(v, val, flag)
}

// assign gives v the value val read at `from`, with the type's optional
// attribute defaults applied and converted to the declared type. A value
// of the wrong type is reported where it was written and makes the
// variable unknown (Terraform would refuse to run).
func (m *module) assign(v *variable, val cty.Value, from hcl.Range) {
	val, _ = val.UnmarkDeep()
	if v.defaults != nil {
		val = v.defaults.Apply(val)
	}
	conv, err := convert.Convert(val, v.typ)
	if err != nil {
		at := rangeOf(from)
		if from.Start.Line == 0 {
			at = source.InFile(m.dir) // a --var flag has no file
		}
		m.problems = append(m.problems, source.Warnf(at, "the value of variable %q is not a valid %s (%s); the variable is unknown",
			v.name, v.typ.FriendlyNameForConstraint(), err))
		conv = cty.UnknownVal(v.typ)
	}
	v.value, v.from = conv, from
	m.varObj = cty.NilVal
}
