package linter

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/suppress"
	"github.com/ekslint/ekslint/linter/terraform"
)

// Options say what to lint and how.
type Options struct {
	// Paths are files or folders; empty means ".".
	Paths []string
	// Rules to run, in order (already filtered by enable/disable).
	Rules []*Rule
	// Severity overrides by rule ID.
	Severity map[string]Severity
	// IgnorePaths are globs (config.MatchPath) of files and folders to skip.
	IgnorePaths []string
	// Terraform variables given by the user.
	Terraform terraform.Options
	// AsOf is the date date-dependent rules use; zero means today.
	AsOf time.Time
	// EKSData is the EKS version table (--eks-versions-file); nil means
	// the one built in.
	EKSData *eksdata.Data
	// KnownRule says whether an ID names a rule at all (enabled or not), so
	// that an ignore directive naming a typo is reported.
	KnownRule func(id string) bool
	// Jobs is the number of files read in parallel; 0 means GOMAXPROCS.
	Jobs int
	// Params are rule parameters by rule ID and name, already converted
	// (Param.Convert); a rule reads its default for any not given.
	Params map[string]map[string]any
}

// unitResult is what reading one unit of input (a YAML file or a Terraform
// module folder) produced.
type unitResult struct {
	model    *model.Model
	files    []*source.File
	problems []source.Problem
	// only, when non-nil, limits findings in this unit to these files
	// (Terraform files named on the command line, whose whole folder is
	// read so that variables and links still resolve).
	only map[string]bool
	// dir is the Terraform folder the unit read; modules are the folders
	// of local modules it called and read as children.
	dir     string
	modules []string
}

// Lint runs the whole pipeline: find input, read and adapt it in parallel,
// run the rules, apply suppressions and sort.
func Lint(opts Options) *Result {
	if opts.AsOf.IsZero() {
		opts.AsOf = time.Now()
	}
	// Rules count whole days to a date of the support calendar: the run's
	// date is a day, not the clock time it started at (at 22:00 the day
	// before a date, that date is one day away, not zero).
	y, mo, d := opts.AsOf.UTC().Date()
	opts.AsOf = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	in := discover(opts)
	opts.Terraform.Roots = in.roots
	opts.Terraform.Modules = terraform.NewModules()
	for _, u := range in.units {
		if u.tfDir != "" {
			opts.Terraform.RootModules++
		}
	}
	res := &Result{Rules: opts.Rules, Files: in.fileCount}
	res.Problems = append(res.Problems, in.problems...)

	units := make([]unitResult, len(in.units))
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	parallel(len(in.units), jobs, func(i int) { units[i] = runUnit(in.units[i], opts) })

	children := calledModules(units)
	m := &model.Model{}
	nfiles := 0
	for _, u := range units {
		nfiles += len(u.files)
	}
	files := make([]*source.File, 0, nfiles)
	only := map[string]bool{}
	restricted := map[string]bool{}
	for _, u := range units {
		if u.dir != "" && children[u.dir] && u.only == nil {
			continue
		}
		m.Merge(u.model)
		files = append(files, u.files...)
		res.Problems = append(res.Problems, u.problems...)
		if u.only != nil {
			for _, f := range u.files {
				restricted[f.Path] = true
			}
			for f := range u.only {
				only[f] = true
			}
		}
	}

	if opts.EKSData == nil {
		opts.EKSData = eksdata.Builtin()
	}
	data := &passData{eks: opts.EKSData}
	ruled := runRules(opts.Rules, m, opts, data, jobs)
	total := 0
	for _, rr := range ruled {
		total += rr.findings.n
	}
	kept := make([]*Finding, 0, total)
	for _, rr := range ruled {
		if rr.problem != nil {
			res.Problems = append(res.Problems, *rr.problem)
		}
		for _, block := range rr.findings.blocks {
			for i := range block {
				f := &block[i]
				if len(restricted) > 0 && restricted[f.Range.Path()] && !only[f.Range.Path()] {
					continue
				}
				kept = append(kept, f)
			}
		}
	}
	// Sorted by pointer, so that each finding, a large struct, is copied
	// once: into the result, in its place.
	sortFindings(kept, jobs)
	if len(kept) > 0 {
		res.Findings = make([]Finding, len(kept))
	}
	for i, f := range kept {
		res.Findings[i] = *f
		if s, ok := opts.Severity[f.RuleID]; ok {
			res.Findings[i].Severity = s
		}
	}

	if data.used.Load() && opts.EKSData.Stale(opts.AsOf) {
		// Once per run, however many clusters were judged with it.
		res.Problems = append(res.Problems, source.Notef(source.InFile("ekslint"),
			"the EKS version data (%s, generated %s) is %d days old at %s: newer Kubernetes versions and support dates may be missing; upgrade ekslint or pass a current table with --eks-versions-file",
			opts.EKSData.Name, opts.EKSData.GeneratedAt, int(opts.EKSData.Age(opts.AsOf).Hours()/24), opts.AsOf.Format("2006-01-02")))
	}
	res.Problems = append(res.Problems, applySuppressions(res.Findings, files, opts)...)
	res.Findings = dedupe(res.Findings)
	sortProblems(res.Problems)
	res.Problems = dedupeProblems(res.Problems)
	return res
}

// calledModules returns the Terraform folders that are not roots: a folder
// another folder calls as a local module was read as that call's child,
// with the inputs the call passes, and reading it again on its own would
// report it twice. A folder called only by folders it calls itself (two
// modules calling each other, which Terraform refuses) stays a root, as a
// kustomization does: else nothing of the cycle would be linted, and the
// run would say nothing at all.
func calledModules(units []unitResult) map[string]bool {
	reach := map[string]map[string]bool{} // the folders each root's reading followed
	callers := map[string][]string{}      // the roots whose reading followed each folder
	for _, u := range units {
		if u.dir == "" || len(u.modules) == 0 {
			continue
		}
		r := make(map[string]bool, len(u.modules))
		for _, d := range u.modules {
			if !r[d] && d != u.dir {
				r[d] = true
				callers[d] = append(callers[d], u.dir)
			}
		}
		reach[u.dir] = r
	}
	children := map[string]bool{}
	for d, cs := range callers {
		for _, c := range cs {
			if !reach[d][c] {
				children[d] = true // called from above, not only from within its own cycle
				break
			}
		}
	}
	return children
}

// runUnit reads one unit and never lets a panic escape: a failure inside
// one file is reported with that file's name and the run goes on.
func runUnit(u unit, opts Options) (out unitResult) {
	defer func() {
		if r := recover(); r != nil {
			out = unitResult{problems: []source.Problem{source.Errorf(source.InFile(u.name()),
				"internal error while reading this input (please report it): %v\n%s", r, debug.Stack())}}
		}
	}()
	if u.tfDir != "" {
		out = readTerraform(u, opts)
		out.dir = u.tfDir
		return out
	}
	if u.kustomize != "" {
		return readKustomize(u)
	}
	return readYAML(u.path)
}

// ruleResult is what one rule reported.
type ruleResult struct {
	findings findingList
	problem  *source.Problem
}

// runRules runs the rules over the merged model on jobs workers. Rules only
// read the model, so they run side by side; each result keeps its rule's
// place, so the findings come out in the same order as one by one.
func runRules(rules []*Rule, m *model.Model, opts Options, data *passData, jobs int) []ruleResult {
	out := make([]ruleResult, len(rules))
	parallel(len(rules), jobs, func(i int) {
		r := rules[i]
		out[i].findings, out[i].problem = runRule(r, m, opts.AsOf, opts.Params[r.ID], data)
	})
	return out
}

// parallel calls do(0) … do(n-1) on at most jobs goroutines, each taking
// the next index from a shared counter (a channel would hand every index
// over from one sender, a switch of goroutines each), and returns when all
// are done. Results go by index, so their order does not depend on which
// goroutine ran what.
func parallel(n, jobs int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		}()
	}
	wg.Wait()
}

func runRule(r *Rule, m *model.Model, asOf time.Time, params map[string]any, data *passData) (findings findingList, problem *source.Problem) {
	p := &Pass{Rule: r, Model: m, AsOf: asOf, params: params, data: data}
	defer func() {
		if x := recover(); x != nil {
			pr := source.Errorf(source.InFile("ekslint"), "internal error in rule %s (please report it): %v", r.ID, x)
			findings, problem = findingList{}, &pr
		}
	}()
	r.Check(p)
	return p.findings, nil
}

func applySuppressions(findings []Finding, files []*source.File, opts Options) []source.Problem {
	if !annotated(findings) && !suppress.HasDirective(files) {
		// Nothing can suppress, and no ignore can be malformed or unused:
		// suppress.Apply would match and report nothing.
		for i := range findings {
			findings[i].object = nil
		}
		return nil
	}
	targets := make([]suppress.Target, len(findings))
	for i, f := range findings {
		targets[i] = suppress.Target{RuleID: f.RuleID, Range: f.Range}
		if f.object != nil {
			targets[i].Annotation = f.object.Ignore
		}
		// The object was needed only for its annotations: let go of it, so
		// that the model is freed before the report is written.
		findings[i].object = nil
	}
	enabled := map[string]bool{}
	for _, r := range opts.Rules {
		enabled[r.ID] = true
	}
	known := opts.KnownRule
	if known == nil {
		known = func(id string) bool { return enabled[id] }
	}
	matches, problems := suppress.Apply(targets, files, known, func(id string) bool { return enabled[id] })
	for i, m := range matches {
		if m != nil {
			findings[i].Suppression = &Suppression{Reason: m.Reason, Range: m.Range}
		}
	}
	return problems
}

// annotated reports whether some finding's object has an ignore annotation.
func annotated(findings []Finding) bool {
	for i := range findings {
		if o := findings[i].object; o != nil && o.Ignore.Known() {
			return true
		}
	}
	return false
}

// sortFindings sorts fs stably by compareFindings (by file, position,
// rule, object, end and message), on up to jobs goroutines. Each finding
// is ranked by its place in fs, which breaks ties: the order is total,
// and the same as a stable sort's, which needs more comparisons.
func sortFindings(fs []*Finding, jobs int) {
	ks := make([]ranked, len(fs))
	for i, f := range fs {
		ks[i] = ranked{f, int32(i)}
	}
	sortRanked(ks, make([]ranked, len(ks)), jobs)
	for i := range ks {
		fs[i] = ks[i].f
	}
}

type ranked struct {
	f *Finding
	i int32
}

func compareRanked(a, b ranked) int {
	if c := compareFindings(a.f, b.f); c != 0 {
		return c
	}
	return cmp.Compare(a.i, b.i)
}

// minParallelSort is the length below which sortRanked sorts on one
// goroutine: splitting a short list costs more than it saves.
const minParallelSort = 1024

// sortRanked sorts ks with tmp, as long as ks, for scratch space: the two
// halves side by side (each split again while jobs allow), then merged.
// Sorting is serial work after the rules, which run in parallel: a run
// with thousands of findings would otherwise leave all cores but one idle
// while it sorts.
func sortRanked(ks, tmp []ranked, jobs int) {
	if jobs < 2 || len(ks) < minParallelSort {
		slices.SortFunc(ks, compareRanked)
		return
	}
	mid := len(ks) / 2
	var wg sync.WaitGroup
	wg.Go(func() { sortRanked(ks[:mid], tmp[:mid], jobs/2) })
	sortRanked(ks[mid:], tmp[mid:], jobs-jobs/2)
	wg.Wait()
	copy(tmp, ks)
	a, b := tmp[:mid], tmp[mid:]
	for i := range ks {
		// The order is total: no two are equal.
		if len(b) == 0 || len(a) > 0 && compareRanked(a[0], b[0]) < 0 {
			ks[i], a = a[0], a[1:]
		} else {
			ks[i], b = b[0], b[1:]
		}
	}
}

func compareFindings(a, b *Finding) int {
	if c := a.Range.File.Compare(b.Range.File); c != 0 {
		return c
	}
	if a.Range.Start != b.Range.Start {
		if a.Range.Start.Line != b.Range.Start.Line {
			return cmp.Compare(a.Range.Start.Line, b.Range.Start.Line)
		}
		return cmp.Compare(a.Range.Start.Col, b.Range.Start.Col)
	}
	if c := strings.Compare(a.RuleID, b.RuleID); c != 0 {
		return c
	}
	if c := strings.Compare(a.Object, b.Object); c != 0 {
		return c
	}
	if a.Range.End != b.Range.End {
		if a.Range.Less(b.Range) {
			return -1
		}
		if b.Range.Less(a.Range) {
			return 1
		}
		return 0
	}
	return strings.Compare(a.Message, b.Message)
}

// dedupe drops findings identical to the one before them (same rule,
// object, range and message), which two adapters describing one object can
// otherwise produce.
func dedupe(fs []Finding) []Finding {
	n := 0
	for i := range fs {
		if i > 0 {
			p, f := &fs[i-1], &fs[i]
			if p.RuleID == f.RuleID && p.Range == f.Range && p.Message == f.Message && p.Object == f.Object {
				continue
			}
		}
		if n != i {
			fs[n] = fs[i]
		}
		n++
	}
	return fs[:n]
}

// dedupeProblems drops a problem identical to the one before it: a module
// called from several roots is read, and its problems found, once per call.
func dedupeProblems(ps []source.Problem) []source.Problem {
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

func sortProblems(ps []source.Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Range.File != b.Range.File {
			return a.Range.File.Compare(b.Range.File) < 0
		}
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Line < b.Range.Start.Line ||
				(a.Range.Start.Line == b.Range.Start.Line && a.Range.Start.Col < b.Range.Start.Col)
		}
		if a.Level != b.Level {
			return a.Level < b.Level
		}
		return a.Message < b.Message
	})
}

// String renders a finding as the text format does, without colour.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s %s (%s)", f.Range.Path(), f.Range.Start.Line, f.Range.Start.Col, f.Severity, f.RuleID, f.Message, f.Object)
}
