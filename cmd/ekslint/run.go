package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/baseline"
	"github.com/ekslint/ekslint/linter/config"
	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/emit"
	"github.com/ekslint/ekslint/rules"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage error, or input that could not be read
)

const usageHead = `ekslint lints Amazon EKS infrastructure code offline: Terraform, eksctl
ClusterConfig files and Kubernetes manifests.

Usage:
  ekslint [flags] [PATH ...]      (default: the current folder)

Flags:
`

const usageTail = `
Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage error or input that could not be read.

Suppress a finding with a comment on its line or the line above it (or above
its enclosing block, document or list item):
  # ekslint:ignore EKS-CP-001 -- sandbox, torn down nightly
`

type flags struct {
	format, config            string
	outputs                   []string
	sarif                     string
	baseline, writeBaseline   string
	enable, disable, varFiles []string
	vars                      []string
	failOn, asOf, explain     string
	eksVersionsFile           string
	listRules, showVersion    bool
	includeSuppressed         bool
}

// run is the whole command, so that tests can drive it: it returns the
// exit code instead of exiting.
func run(args []string, stdout, stderr io.Writer, terminal bool) int {
	fs := pflag.NewFlagSet("ekslint", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	var f flags
	fs.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(emit.Formats(), ", "))
	fs.StringArrayVarP(&f.outputs, "output", "o", nil, "write the report to `FILE` instead of standard output; FORMAT=FILE adds a report in that format (repeatable)")
	fs.StringVar(&f.sarif, "sarif", "", "also write a SARIF report to `FILE` (same as -o sarif=FILE)")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings that are not in the baseline `FILE`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record today's findings in the baseline `FILE` and exit 0")
	fs.StringVarP(&f.config, "config", "c", "", "configuration `FILE` (default: ./"+config.FileName+" when present)")
	fs.StringSliceVar(&f.enable, "enable", nil, "enable these rules (`RULE-ID`,...), including opt-in ones")
	fs.StringSliceVar(&f.disable, "disable", nil, "disable these rules (`RULE-ID`,...)")
	fs.StringArrayVar(&f.vars, "var", nil, "set a Terraform variable, `NAME=VALUE` (repeatable; the value may contain commas)")
	fs.StringArrayVar(&f.varFiles, "var-file", nil, "read Terraform variables from a .tfvars `FILE` (repeatable)")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above this `SEVERITY`: low, medium, high, critical (default low)")
	fs.StringVar(&f.asOf, "as-of", "", "the `DATE` (YYYY-MM-DD) that date-dependent rules use (default today)")
	fs.StringVar(&f.eksVersionsFile, "eks-versions-file", "", "read the EKS version support dates from this JSON `FILE` instead of the built-in table")
	fs.BoolVar(&f.includeSuppressed, "include-suppressed", false, "also report suppressed findings (marked as such)")
	fs.BoolVar(&f.listRules, "list-rules", false, "list every rule and exit")
	fs.StringVar(&f.explain, "explain", "", "print the documentation of `RULE-ID` and exit")
	fs.BoolVar(&f.showVersion, "version", false, "print the version and exit")
	help := fs.BoolP("help", "h", false, "show this help")

	usage := func(w io.Writer) {
		fmt.Fprint(w, usageHead)
		fmt.Fprint(w, fs.FlagUsages())
		fmt.Fprint(w, usageTail)
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "ekslint: %v\n\n", err)
		usage(stderr)
		return exitError
	}
	all := rules.All()
	switch {
	case *help:
		usage(stdout)
		return exitClean
	case f.showVersion:
		fmt.Fprintf(stdout, "ekslint %s\n", version)
		return exitClean
	case f.listRules:
		listRules(stdout, all)
		return exitClean
	case f.explain != "":
		r := rules.ByID(strings.ToUpper(strings.TrimSpace(f.explain)))
		if r == nil {
			fmt.Fprintf(stderr, "ekslint: --explain: no rule %q%s\n", f.explain, suggest(f.explain, all))
			return exitError
		}
		fmt.Fprint(stdout, r.Documentation())
		return exitClean
	}

	opts, failOn, err := buildOptions(fs, &f, all)
	if err != nil {
		fmt.Fprintf(stderr, "ekslint: %v\n", err)
		return exitError
	}
	outs, toStdout, err := outputs(&f)
	if err != nil {
		fmt.Fprintf(stderr, "ekslint: %v\n", err)
		return exitError
	}
	var bl *baseline.Baseline
	if f.baseline != "" {
		if bl, err = baseline.Load(f.baseline); err != nil {
			fmt.Fprintf(stderr, "ekslint: %v\n", err)
			return exitError
		}
	}

	restore := quietLibraries()
	res := linter.Lint(opts)
	restore()
	if f.writeBaseline != "" {
		if err := writeReport(f.writeBaseline, stdout, func(w io.Writer) error { return baseline.Write(w, res.Findings) }); err != nil {
			fmt.Fprintf(stderr, "ekslint: %v\n", err)
			return exitError
		}
		_ = emit.TextProblems(stderr, res, emit.Options{})
		if res.InputLost() {
			return exitError
		}
		return exitClean
	}
	if bl != nil {
		var known int
		res.Findings, known = bl.Filter(res.Findings)
		if known > 0 {
			fmt.Fprintf(stderr, "ekslint: %d finding(s) already in the baseline %s were left out\n", known, f.baseline)
		}
	}
	eo := emit.Options{
		IncludeSuppressed: f.includeSuppressed,
		ToolVersion:       version,
		CommandLine:       commandLine(args),
		// No start and end times: the same input gives the same bytes.
	}
	for _, o := range outs {
		eo := eo
		eo.Color = o.path == "" && o.format == "text" && terminal && os.Getenv("NO_COLOR") == ""
		if err := writeReport(o.path, stdout, func(w io.Writer) error { return o.write(w, res, eo) }); err != nil {
			fmt.Fprintf(stderr, "ekslint: %v\n", err)
			return exitError
		}
	}
	if toStdout == "" || toStdout == "text" {
		// Problems go to stderr so that a machine-readable report on
		// stdout stays parseable.
		_ = emit.TextProblems(stderr, res, eo)
	}
	return exitCode(res, failOn)
}

// output is one report to write: a format and a file ("" = stdout).
type output struct {
	format, path string
	write        func(io.Writer, *linter.Result, emit.Options) error
}

// outputs reads -f, -o and --sarif. A plain -o FILE sends the -f report
// to FILE instead of stdout; -o FORMAT=FILE and --sarif FILE add reports,
// so one run can print text for the developer and write SARIF for upload.
// toStdout is the format written to stdout ("" when none).
func outputs(f *flags) (outs []output, toStdout string, err error) {
	main := output{format: f.format}
	extra := append([]string{}, f.outputs...)
	if f.sarif != "" {
		extra = append(extra, "sarif="+f.sarif)
	}
	for _, o := range extra {
		if format, path, ok := strings.Cut(o, "="); ok {
			if _, known := emit.ByName(format); known && path != "" {
				outs = append(outs, output{format: format, path: path})
				continue
			}
		}
		if main.path != "" {
			return nil, "", fmt.Errorf("-o given twice (%s and %s); use -o FORMAT=FILE for more reports", main.path, o)
		}
		main.path = o
	}
	outs = append([]output{main}, outs...)
	for i := range outs {
		w, ok := emit.ByName(outs[i].format)
		if !ok {
			return nil, "", fmt.Errorf("unknown format %q (want one of %s)", outs[i].format, strings.Join(emit.Formats(), ", "))
		}
		outs[i].write = w
	}
	if main.path == "" || main.path == "-" {
		toStdout = main.format
	}
	return outs, toStdout, nil
}

// buildOptions merges the configuration file and the flags (flags win).
func buildOptions(fs *pflag.FlagSet, f *flags, all []*linter.Rule) (linter.Options, linter.Severity, error) {
	known := map[string]*linter.Rule{}
	for _, r := range all {
		known[r.ID] = r
	}
	isRule := func(id string) bool { return known[id] != nil }

	var cfg *config.Config
	path := f.config
	if path == "" {
		if p, ok := config.Find("."); ok {
			path = p
		}
	}
	if path != "" {
		c, err := config.LoadChecked(path, isRule, func(id, name string, v any) (any, error) {
			decl, ok := known[id].Param(name)
			if !ok {
				return nil, fmt.Errorf("%s has no parameter %q%s", id, name, paramNames(known[id]))
			}
			return decl.Convert(v)
		})
		if err != nil {
			return linter.Options{}, 0, err
		}
		cfg = c
	} else {
		cfg = &config.Config{}
	}

	enabled := map[string]bool{}
	for _, r := range all {
		enabled[r.ID] = r.Default
	}
	setAll := func(ids []string, on bool, from string) error {
		for _, id := range ids {
			id = strings.ToUpper(strings.TrimSpace(id))
			if id == "" {
				continue
			}
			if !isRule(id) {
				return fmt.Errorf("%s: no rule %q%s", from, id, suggest(id, all))
			}
			enabled[id] = on
		}
		return nil
	}
	for _, step := range []struct {
		ids  []string
		on   bool
		from string
	}{{cfg.Enable, true, cfg.Path}, {cfg.Disable, false, cfg.Path}, {f.enable, true, "--enable"}, {f.disable, false, "--disable"}} {
		if err := setAll(step.ids, step.on, step.from); err != nil {
			return linter.Options{}, 0, err
		}
	}

	opts := linter.Options{
		Paths:       fs.Args(),
		Severity:    map[string]linter.Severity{},
		IgnorePaths: cfg.IgnorePaths,
		Params:      cfg.Rules,
		KnownRule:   isRule,
	}
	for _, r := range all {
		if enabled[r.ID] {
			opts.Rules = append(opts.Rules, r)
		}
	}
	ids := make([]string, 0, len(cfg.Severity))
	for id := range cfg.Severity {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s, err := linter.ParseSeverity(cfg.Severity[id])
		if err != nil {
			return linter.Options{}, 0, fmt.Errorf("%s: severity of %s: %w", cfg.Path, id, err)
		}
		opts.Severity[id] = s
	}

	failOn := linter.Low
	for _, v := range []struct{ val, from string }{{cfg.FailOn, cfg.Path}, {f.failOn, "--fail-on"}} {
		if v.val == "" {
			continue
		}
		s, err := linter.ParseSeverity(v.val)
		if err != nil {
			return linter.Options{}, 0, fmt.Errorf("%s: %w", v.from, err)
		}
		failOn = s
	}

	if f.asOf != "" {
		t, err := time.Parse("2006-01-02", f.asOf)
		if err != nil {
			return linter.Options{}, 0, fmt.Errorf("--as-of: want a date as YYYY-MM-DD, got %q", f.asOf)
		}
		opts.AsOf = t
	}
	if f.eksVersionsFile != "" {
		d, err := eksdata.Load(f.eksVersionsFile)
		if err != nil {
			return linter.Options{}, 0, fmt.Errorf("--eks-versions-file: %w", err)
		}
		opts.EKSData = d
	}

	opts.Terraform.Vars = map[string]string{}
	for k, v := range cfg.Terraform.Vars {
		opts.Terraform.Vars[k] = v
	}
	for _, kv := range f.vars {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return linter.Options{}, 0, fmt.Errorf("--var: want NAME=VALUE, got %q", kv)
		}
		opts.Terraform.Vars[strings.TrimSpace(k)] = v
	}
	opts.Terraform.VarFiles = append(append([]string{}, cfg.Terraform.VarFiles...), f.varFiles...)
	for _, vf := range opts.Terraform.VarFiles {
		if _, err := os.Stat(vf); err != nil {
			return linter.Options{}, 0, fmt.Errorf("--var-file: cannot read %s", vf)
		}
	}
	return opts, failOn, nil
}

func exitCode(res *linter.Result, failOn linter.Severity) int {
	if res.InputLost() {
		return exitError
	}
	for _, f := range res.Findings {
		if f.Suppression == nil && f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitClean
}

// writeReport writes to FILE, or to stdout when no file is given. A
// regular file is written whole or not at all: beside it, then renamed over
// it, with its permissions kept, and through a symbolic link to it (the
// link stays). Anything else, a device such as /dev/stdout or /dev/null or
// a named pipe, is written to as the shell's > writes to it: renaming over
// it would put a regular file in place of the device, for every program on
// the machine.
func writeReport(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return writeBuffered(stdout, write)
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return fmt.Errorf("cannot write %s: it is a folder", path)
	case err == nil && !st.Mode().IsRegular():
		return writeInPlace(path, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	target, perm := path, fs.FileMode(0)
	if err == nil {
		perm = st.Mode().Perm()
		if real, err := filepath.EvalSymlinks(path); err == nil {
			target = real
		}
	} else if lst, err := os.Lstat(path); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// A link to a file not there yet: created through the link.
		return writeInPlace(path, write)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".ekslint-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	err = writeBuffered(tmp, write)
	if err == nil && perm != 0 {
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// writeInPlace writes a report to what path names as it is: a device, a
// named pipe, or the file a dangling link points to.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	err = writeBuffered(f, write)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// writeBuffered writes a report to w through a buffer.
func writeBuffered(w io.Writer, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// commandLine reconstructs the invocation for SARIF, leaving out absolute
// paths of this machine.
func commandLine(args []string) string {
	parts := []string{"ekslint"}
	for _, a := range args {
		if filepath.IsAbs(a) {
			a = filepath.Base(a)
		}
		if k, v, ok := strings.Cut(a, "="); ok && filepath.IsAbs(v) {
			a = k + "=" + filepath.Base(v)
		}
		if strings.ContainsAny(a, " \t\"'") {
			a = fmt.Sprintf("%q", a)
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

func listRules(w io.Writer, all []*linter.Rule) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tDEFAULT\tNAME\tSUMMARY")
	for _, r := range all {
		on := "on"
		if !r.Default {
			on = "opt-in"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, on, r.Name, r.Summary)
	}
	tw.Flush()
}

// suggest returns " (did you mean X?)" for a near rule ID.
func suggest(id string, all []*linter.Rule) string {
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	if best := config.Nearest(strings.ToUpper(id), ids); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// paramNames lists the parameters a rule takes, for an error about one it
// does not.
func paramNames(r *linter.Rule) string {
	if len(r.Params) == 0 {
		return " (it takes none)"
	}
	names := make([]string, len(r.Params))
	for i, p := range r.Params {
		names[i] = p.Name
	}
	return " (it takes " + strings.Join(names, ", ") + ")"
}

// quietLibraries keeps what libraries print while linting out of the
// command's output: kustomize writes its deprecation warnings to
// os.Stderr and a few more through package log, and ekslint reports those
// as located notes of its own. Nothing of ekslint's writes to standard
// error while Lint runs; os.Stderr is swapped before Lint starts its
// workers and restored after they have all finished.
func quietLibraries() (restore func()) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return func() {}
	}
	stderr, logOut := os.Stderr, log.Writer()
	os.Stderr = devnull
	log.SetOutput(io.Discard)
	return func() {
		os.Stderr = stderr
		log.SetOutput(logOut)
		_ = devnull.Close()
	}
}
