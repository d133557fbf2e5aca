package linter

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ekslint/ekslint/linter/config"
	"github.com/ekslint/ekslint/linter/source"
)

// skipDirs are never walked into.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".terraform": true}

// unit is one piece of work for a reader: a YAML/JSON file, or a Terraform
// module folder with its files.
type unit struct {
	path    string   // a YAML or JSON file
	tfDir   string   // a Terraform module folder
	tfFiles []string // its .tf and .tf.json files
	// tfOnly lists the files named on the command line when the folder
	// itself was not: findings are limited to them.
	tfOnly []string
}

func (u unit) name() string {
	if u.tfDir != "" {
		return u.tfDir
	}
	return u.path
}

type input struct {
	units     []unit
	problems  []source.Problem
	fileCount int
}

// discover turns the command line's paths into units of work, in a stable
// order whatever the file system returns.
func discover(opts Options) input {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &discoverer{
		opts:       opts,
		yaml:       map[string]bool{},
		tfWalked:   map[string]map[string]bool{},
		tfNamed:    map[string]map[string]bool{},
		seenDirs:   map[string]bool{},
		helmCharts: map[string]bool{},
	}
	for _, p := range paths {
		d.add(p)
	}
	return d.result()
}

type discoverer struct {
	opts       Options
	yaml       map[string]bool
	tfWalked   map[string]map[string]bool // folder → files found by walking it
	tfNamed    map[string]map[string]bool // folder → files named on the command line
	seenDirs   map[string]bool            // real paths of walked folders (symlink loops)
	helmCharts map[string]bool
	problems   []source.Problem
}

func (d *discoverer) add(arg string) {
	p := displayPath(arg)
	info, err := os.Stat(arg)
	if err != nil {
		d.problems = append(d.problems, source.Errorf(source.Range{File: p}, "cannot read: %s", plainError(err)))
		return
	}
	if info.IsDir() {
		d.walk(arg, p, "")
		return
	}
	// A file named on the command line is always read, whatever its name.
	switch kindOf(p) {
	case kindTerraform, kindTFVars:
		dir := pathDir(p)
		if d.tfNamed[dir] == nil {
			d.tfNamed[dir] = map[string]bool{}
		}
		d.tfNamed[dir][p] = true
	default:
		d.yaml[p] = true
	}
}

// walk reads the folder osPath, shown as p. real is its resolved absolute
// path when the caller knows it (a plain subfolder of a resolved folder),
// or "" to resolve it here: resolving every folder would stat each
// component of its path again.
func (d *discoverer) walk(osPath, p, real string) {
	if real == "" {
		r, err := filepath.EvalSymlinks(osPath)
		if err != nil {
			d.problems = append(d.problems, source.Errorf(source.Range{File: p}, "cannot read: %s", plainError(err)))
			return
		}
		if abs, err := filepath.Abs(r); err == nil {
			r = abs
		}
		real = r
	}
	if d.seenDirs[real] {
		return // a symlink loop, or a folder reached twice
	}
	d.seenDirs[real] = true
	if d.ignored(p) {
		return
	}
	entries, err := os.ReadDir(osPath)
	if err != nil {
		d.problems = append(d.problems, source.Errorf(source.Range{File: p}, "cannot read folder: %s", plainError(err)))
		return
	}
	for _, e := range entries {
		if e.Name() == "Chart.yaml" && !e.IsDir() {
			d.problems = append(d.problems, source.Notef(source.Range{File: p},
				"skipped Helm chart: its templates are not plain YAML; lint the output of `helm template` instead"))
			return
		}
	}
	for _, e := range entries {
		name := e.Name()
		child := filepath.Join(osPath, name)
		cp := joinDisplay(p, name)
		isDir := e.IsDir()
		childReal := filepath.Join(real, name)
		if e.Type()&fs.ModeSymlink != 0 {
			childReal = "" // resolved by the walk, which also finds loops
			info, err := os.Stat(child)
			if err != nil {
				d.problems = append(d.problems, source.Warnf(source.Range{File: cp}, "skipped broken symbolic link: %s", plainError(err)))
				continue
			}
			isDir = info.IsDir()
		}
		if isDir {
			if !skipDirs[name] {
				d.walk(child, cp, childReal)
			}
			continue
		}
		if d.ignored(cp) {
			continue
		}
		switch kindOf(name) {
		case kindTerraform:
			dir := p
			if d.tfWalked[dir] == nil {
				d.tfWalked[dir] = map[string]bool{}
			}
			d.tfWalked[dir][cp] = true
		case kindYAML:
			d.yaml[cp] = true
		}
	}
}

func (d *discoverer) ignored(p string) bool {
	for _, g := range d.opts.IgnorePaths {
		if config.MatchPath(g, p) {
			return true
		}
	}
	return false
}

func (d *discoverer) result() input {
	in := input{problems: d.problems}
	for p := range d.yaml {
		in.units = append(in.units, unit{path: p})
	}
	dirs := map[string]bool{}
	for dir := range d.tfWalked {
		dirs[dir] = true
	}
	for dir := range d.tfNamed {
		dirs[dir] = true
	}
	for dir := range dirs {
		u := unit{tfDir: dir}
		files := map[string]bool{}
		if walked, ok := d.tfWalked[dir]; ok {
			for f := range walked {
				files[f] = true
			}
		} else {
			// Only files were named: read the whole folder so variables,
			// locals and links resolve, but report on the named files only.
			for f := range d.tfNamed[dir] {
				u.tfOnly = append(u.tfOnly, f)
			}
			sort.Strings(u.tfOnly)
			for _, f := range listTerraform(dir) {
				files[f] = true
			}
			for f := range d.tfNamed[dir] {
				if kindOf(f) == kindTerraform {
					files[f] = true
				}
			}
		}
		for f := range files {
			u.tfFiles = append(u.tfFiles, f)
		}
		sort.Strings(u.tfFiles)
		in.units = append(in.units, u)
	}
	sort.Slice(in.units, func(i, j int) bool { return in.units[i].name() < in.units[j].name() })
	for _, u := range in.units {
		if u.tfDir != "" {
			in.fileCount += len(u.tfFiles)
		} else {
			in.fileCount++
		}
	}
	return in
}

// listTerraform lists a folder's .tf and .tf.json files.
func listTerraform(dir string) []string {
	entries, err := os.ReadDir(filepath.FromSlash(dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && kindOf(e.Name()) == kindTerraform {
			out = append(out, joinDisplay(dir, e.Name()))
		}
	}
	return out
}

type fileKind uint8

const (
	kindOther fileKind = iota
	kindTerraform
	kindTFVars
	kindYAML
)

func kindOf(name string) fileKind {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tf.json"):
		return kindTerraform
	case strings.HasSuffix(lower, ".tfvars"), strings.HasSuffix(lower, ".tfvars.json"):
		return kindTFVars
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"), strings.HasSuffix(lower, ".json"):
		return kindYAML
	}
	return kindOther
}

// displayPath is how a path is shown and located: relative to the working
// folder when it lies inside it, cleaned, with forward slashes.
func displayPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

func joinDisplay(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func pathDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		if i == 0 {
			return "/"
		}
		return p[:i]
	}
	return "."
}

// plainError strips Go's "op path:" prefix from file errors.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
