// Package terraform reads a Terraform module (a folder of .tf and .tf.json
// files) and adapts the AWS resources it declares into the model, with the
// provider's defaults for omitted attributes.
//
// Reading goes in four steps: parse every file (one broken file never
// stops the others), declare what the files hold (variables, locals,
// resources), resolve the variables from their sources, then adapt the
// resources, evaluating their attributes with a small, bounded evaluator.
package terraform

import (
	"io/fs"
	"path"
	"runtime/debug"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
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
	// VarFiles from --var-file and the config file, in order; paths are
	// relative to the working directory.
	VarFiles []string
	// Listing is the module folder's entries (os.ReadDir) when the caller
	// has listed it already; nil means LoadModule lists it.
	Listing []fs.DirEntry
	// Roots are real, absolute paths (the working folder, the folders
	// named on the command line): file functions read only files below
	// one of them, links resolved. A module in a pull request must not
	// read file("../../../../proc/self/environ") into a value that a
	// finding's message, and a public log, would print. Empty: no bound.
	Roots []string
	// RootModules is how many root modules the run reads: their local
	// module calls share one bound (see MaxRunModuleCalls). Zero: this one
	// alone.
	RootModules int
	// Modules are the run's module folders, read once for all its roots.
	// Nil: each root module reads the folders it calls for itself.
	Modules *Modules
}

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
	localStack []string // the names of the locals being evaluated, outermost first
	// evalDepth counts the evaluations under way, one inside another (a
	// local that refers to a local that refers to …); chained told that
	// a chain was cut (see eval).
	evalDepth int
	chained   bool
	resources []*resource
	byAddress map[string]*resource
	modules   []*hcl.Block // module calls, in declaration order
	// key is the module's dotted call path ("" for the root), root the
	// root module's folder: .terraform/modules/modules.json lives there.
	key, root string
	// passed records, while one object is adapted, which of its values
	// came through a module input (see notePassed); hasInputs says
	// whether a module call passed this module any input at all.
	passed    model.Passed
	hasInputs bool

	funcs    map[string]function.Function
	allFuncs bool // every standard function is in funcs
	// files caches what the file functions read; inTemplate is set while
	// templatefile evaluates a template.
	files      map[string]readResult
	inTemplate bool
	// eksCalls are the clusters of the module's terraform-aws-modules/eks
	// calls, by call name, for the submodule calls that name them.
	eksCalls map[string]*model.Cluster
	// engines are the NetworkPolicy engines the module and the modules it
	// calls install (network.go's policyEngines), for the root's vpc-cni
	// add-ons.
	engines []source.Value[string]
	// addonCalls are the aws_eks_addon resources whose cluster_name is an
	// output of a module call, by call name, linked when an eks module
	// call of that name is read (versions.go).
	addonCalls map[string][]*model.Addon
	// templatesBy indexes the module's aws_launch_template instances by
	// the known value of an attribute (name, or id in a plan), built on
	// first use (network.go's launchTemplateBy).
	templatesBy map[string]map[string][]templateInstance
	// scope holds count, each and dynamic-block iterators while one
	// instance or block is evaluated.
	scope map[string]cty.Value
	// budget is what the expression being evaluated may still spend
	// (see bounds.go); what the root module and the modules it calls have
	// spent is calls.work.
	budget   budget
	prepared map[hcl.Expression]bool
	// jsonTemplates holds the strings of .tf.json expressions parsed as
	// templates and prepared (see jsonValue).
	jsonTemplates map[templateKey]parsedTemplate
	// parsed holds the files already parsed while reading one root module
	// and the modules it calls, shared by all of them: a module called
	// several times (once per call, or by several calls) is parsed once.
	// The map is never shared between roots, which are read in parallel,
	// and neither is a root's own syntax: prepare rewrites parsed
	// expressions in place. The syntax of called modules comes from the
	// run's Modules, its hooks planted before it is shared.
	parsed map[string]*hcl.File
	// shared are the files of a called module's folder as the run's
	// Modules parsed them (nil for a root module, which parses its own).
	shared map[string]parsedFile
	// calls is what reading one root module and the modules it calls
	// share, like parsed: the local module calls followed (two calls of
	// one module in each of sixteen nested modules are 65,536 modules to
	// read: see MaxModuleCalls), the module folders, the budget of work,
	// what the decode functions gave and the modules manifest.
	calls *callState
	// roots are Options.Roots, shared with the modules it calls.
	roots []string
}

func newModule(dir string) *module {
	return &module{
		dir: dir, parser: hclparse.NewParser(),
		vars: map[string]*variable{}, locals: map[string]*hcl.Attribute{},
		localVals: map[string]cty.Value{}, localBusy: map[string]bool{},
		byAddress: map[string]*resource{},
		parsed:    map[string]*hcl.File{}, calls: &callState{max: MaxModuleCalls},
	}
}

// Load reads one module: dir is its folder, files its .tf and .tf.json
// files. It returns the adapted model, what suppression needs to know about
// each file, and any problems. Load never panics: a panic while reading one
// file or adapting one resource becomes an error problem located there, and
// the rest of the module is still read.
func Load(dir string, files []File, opts Options) (*model.Model, []*source.File, []source.Problem) {
	l := LoadModule(dir, files, opts)
	return l.Model, l.Files, l.Problems
}

// LoadModule is Load that also follows the module's calls to local
// modules, and says which folders it read as children.
func LoadModule(dir string, files []File, opts Options) Loaded {
	return newModule(dir).load(files, opts)
}

// load is LoadModule for the root module m.
func (m *module) load(files []File, opts Options) (out Loaded) {
	dir := m.dir
	m.root, m.roots = dir, opts.Roots
	m.calls.max, m.calls.roots = callsPerRoot(opts.RootModules), opts.RootModules
	if m.calls.modules = opts.Modules; m.calls.modules == nil {
		m.calls.modules = NewModules()
	}
	defer func() {
		// Last resort: every step below is protected on its own.
		if r := recover(); r != nil {
			m.problems = append(m.problems, source.Errorf(source.InFile(dir),
				"internal error while reading this Terraform module (please report it): %v\n%s", r, debug.Stack()))
			out = Loaded{Model: &model.Model{}, Problems: dedupe(m.problems)}
		}
	}()
	out.Files = m.read(files)
	m.resolveVariables(opts)
	out.Model = m.adapt()
	m.follow(&out, []string{path.Clean(dir)})
	m.markPolicyEngines(out.Model)
	out.Problems = dedupe(append(m.problems, out.Problems...))
	return out
}

// read parses and declares a module's files; override files merge in last.
func (m *module) read(files []File) (srcFiles []*source.File) {
	type fileContent struct {
		path     string
		content  *hcl.BodyContent
		override bool
	}
	var contents []fileContent
	left := maxModuleTokens // what the files may hold together
	for _, f := range files {
		m.protect(hcl.Range{Filename: f.Path}, "this file", func() {
			hf, diags := m.parse(f.Path, f.Src, &left)
			m.diagnostics(diags)
			if hf == nil {
				return
			}
			srcFiles = append(srcFiles, fileInfo(f, hf))
			content, diags := partialContent(hf.Body, topSchema)
			m.diagnostics(diags)
			contents = append(contents, fileContent{f.Path, content, isOverride(f.Path)})
		})
	}
	// What the files took, toward the root's bound (nothing for a called
	// module's: its folder was parsed, and is charged, as a whole).
	if m.calls != nil {
		m.calls.tokens += maxModuleTokens - left
	}
	for _, c := range contents {
		if !c.override {
			m.protect(hcl.Range{Filename: c.path}, "this file", func() { m.declare(c.content) })
		}
	}
	// Override files merge in after every other file, in lexical order
	// (files arrive sorted).
	for _, c := range contents {
		if c.override {
			m.protect(hcl.Range{Filename: c.path}, "this file", func() { m.applyOverrides(c.content) })
		}
	}
	return srcFiles
}

// parse reads one file: JSON syntax for .json names, native syntax else.
// A file this root has parsed already (for another call of the same
// module) is reused, and its problems were reported the first time. left
// is as for parseFile (a called module's shared files took theirs when
// they were read).
func (m *module) parse(path string, src []byte, left *int) (*hcl.File, hcl.Diagnostics) {
	if f, ok := m.parsed[path]; ok {
		if f != nil {
			m.parser.AddFile(path, f)
		}
		return f, nil
	}
	// A called module's file was parsed once for the run (its problems are
	// reported once by each root that reads it); a root's own is parsed
	// here.
	p, ok := m.shared[path]
	if !ok {
		p = parseFile(path, src, left)
	}
	m.parsed[path] = p.file
	if p.refused != nil {
		m.problems = append(m.problems, *p.refused)
		return nil, nil
	}
	if p.file != nil {
		m.parser.AddFile(path, p.file)
	}
	return p.file, p.diags
}

// diagnostics turns HCL's errors into located problems.
func (m *module) diagnostics(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		r := source.InFile(m.dir)
		if d.Subject != nil {
			r = rangeOf(*d.Subject)
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		m.problems = append(m.problems, source.Errorf(r, "invalid HCL: %s", msg))
	}
}

// protect runs f; a panic inside it becomes an error problem at r, so
// that one construct ekslint cannot handle never loses the whole module.
// The evaluator's state is restored by its own defers.
func (m *module) protect(r hcl.Range, what string, f func()) (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			m.problems = append(m.problems, source.Errorf(rangeOf(r),
				"internal error while reading %s (please report it): %v\n%s", what, x, debug.Stack()))
			ok = false
		}
	}()
	f()
	return true
}

// dedupe drops repeated problems, keeping the first: an attribute is
// evaluated once per instance, and its problems are the same each time.
func dedupe(ps []source.Problem) []source.Problem {
	seen := make(map[source.Problem]bool, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	// The duplicates' slots, past the end, would keep their messages
	// alive as long as the slice.
	clear(ps[len(out):])
	return slices.Clip(out)
}

func rangeOf(r hcl.Range) source.Range {
	return source.Range{File: source.FileOf(r.Filename),
		Start: source.PosAt(r.Start.Line, r.Start.Column),
		End:   source.PosAt(r.End.Line, r.End.Column)}
}

func warnAt(r hcl.Range, format string, args ...any) source.Problem {
	return source.Warnf(rangeOf(r), format, args...)
}

func noteAt(r hcl.Range, format string, args ...any) source.Problem {
	return source.Notef(rangeOf(r), format, args...)
}

func join(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return dir + "/" + name
}
