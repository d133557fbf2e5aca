package linter

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/ekslint/ekslint/linter/config"
	"github.com/ekslint/ekslint/linter/kustomize"
	"github.com/ekslint/ekslint/linter/regular"
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
	// tfEntries is tfDir's listing, taken when the folder was walked (nil
	// when it was not): the Terraform reader looks in it for tfvars files
	// rather than listing the folder again.
	tfEntries []os.DirEntry
	// kustomize is a folder whose kustomization is built; kResources are
	// the manifests it reads, linted one by one should the build fail.
	kustomize  string
	kResources []string
}

func (u unit) name() string {
	switch {
	case u.tfDir != "":
		return u.tfDir
	case u.kustomize != "":
		return u.kustomize
	}
	return u.path
}

type input struct {
	units     []unit
	problems  []source.Problem
	fileCount int
	// roots are the real paths of the working folder and of the folders
	// named on the command line: Terraform's file functions read only
	// below them (see terraform.Options.Roots).
	roots []string
}

// discover turns the command line's paths into units of work, in a stable
// order whatever the file system returns.
func discover(opts Options) input {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	d := &discoverer{
		opts:      opts,
		yaml:      map[string]bool{},
		tfWalked:  map[string][]string{},
		tfNamed:   map[string]map[string]bool{},
		tfEntries: map[string][]os.DirEntry{},
		seenDirs:  map[string]bool{},
		dirReal:   map[string]string{},
		kustomize: map[string]bool{},
	}
	d.ignore = config.NewMatcher(opts.IgnorePaths)
	d.jobs = opts.Jobs
	if d.jobs <= 0 {
		d.jobs = runtime.GOMAXPROCS(0)
	}
	for _, p := range paths {
		d.add(p)
	}
	in := d.result()
	if wd, err := regular.RealPath("."); err == nil {
		in.roots = append(in.roots, wd)
	}
	in.roots = append(in.roots, d.roots...)
	return in
}

type discoverer struct {
	opts      Options
	yaml      map[string]bool            // YAML and JSON files to read
	tfWalked  map[string][]string        // folder → files found by walking it (once: seenDirs)
	tfNamed   map[string]map[string]bool // folder → files named on the command line
	tfEntries map[string][]os.DirEntry   // walked folder holding Terraform → its listing
	seenDirs  map[string]bool            // real paths of walked folders (symlink loops)
	kustomize map[string]bool            // folders holding a kustomization file
	problems  []source.Problem
	// Symbolic links are followed after the plain walk, so that what the
	// walk can reach by its own path is shown (and found by code scanning,
	// which knows only the paths of the repository) under that path.
	linkedDirs []linkedDir        // symlinked folders to walk when the plain walk is done
	linkedYAML map[string]string  // YAML file reached through a symbolic link → its real path
	dirReal    map[string]string  // walked folder (as shown) → its real path
	root       string             // real path of the folder named on the command line being walked
	roots      []string           // the real paths of every folder named on the command line
	rootShown  string             // that folder as shown
	ignore     *config.Matcher    // the --ignore-path and configuration globs
	jobs       int                // folders listed at once by prefetch
	listed     map[string]listing // folder (as opened) → its listing, taken ahead of the walk
}

// linkedDir is a symbolic link to a folder, found by the walk of the
// folder it is in.
type linkedDir struct{ osPath, p string }

// listing is what os.ReadDir returned for a folder.
type listing struct {
	entries []os.DirEntry
	err     error
}

func (d *discoverer) add(arg string) {
	p := displayPath(arg)
	info, err := os.Stat(arg)
	if err != nil {
		d.problems = append(d.problems, source.Errorf(source.InFile(p), "cannot read: %s", plainError(err)))
		return
	}
	if info.IsDir() {
		real, err := regular.RealPath(arg)
		if err != nil {
			d.problems = append(d.problems, source.Errorf(source.InFile(p), "cannot read: %s", plainError(err)))
			return
		}
		d.prefetch(arg, p)
		d.root, d.rootShown = real, p
		d.roots = append(d.roots, real)
		d.walk(arg, p, real)
		// The links, last: a folder the plain walk reached is not walked
		// again (seenDirs), and a link met on the way may lead to more.
		for i := 0; i < len(d.linkedDirs); i++ {
			l := d.linkedDirs[i]
			d.walk(l.osPath, l.p, "")
		}
		d.linkedDirs = d.linkedDirs[:0]
		d.listed = nil
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
		if kustomize.IsFile(p) {
			// A kustomization named on the command line is built.
			d.kustomize[pathDir(p)] = true
		}
	}
}

// walk reads the folder osPath, shown as p. real is its resolved absolute
// path when the caller knows it (a plain subfolder of a resolved folder),
// or "" to resolve it here: resolving every folder would stat each
// component of its path again.
func (d *discoverer) walk(osPath, p, real string) {
	if real == "" {
		r, err := regular.RealPath(osPath)
		if err != nil {
			d.problems = append(d.problems, source.Errorf(source.InFile(p), "cannot read: %s", plainError(err)))
			return
		}
		real = r
	}
	if !regular.Within(real, d.root) {
		// A link out of the tree (to /, to a home folder) would have the
		// walk read the whole machine, files of others included.
		d.outside(p, real)
		return
	}
	if d.seenDirs[real] {
		return // a symlink loop, or a folder reached twice
	}
	d.seenDirs[real] = true
	d.dirReal[p] = real
	if d.ignored(p) {
		return
	}
	entries, err := d.readDir(osPath)
	if err != nil {
		d.problems = append(d.problems, source.Errorf(source.InFile(p), "cannot read folder: %s", plainError(err)))
		return
	}
	if holdsChart(entries) {
		d.problems = append(d.problems, source.Notef(source.InFile(p),
			"skipped Helm chart: its templates are not plain YAML; lint the output of `helm template` instead"))
		return
	}
	for _, e := range entries {
		name := e.Name()
		cp := joinDisplay(p, name)
		isDir := e.IsDir()
		symlink := e.Type()&fs.ModeSymlink != 0
		if symlink {
			info, err := os.Stat(filepath.Join(osPath, name))
			if err != nil {
				d.problems = append(d.problems, source.Warnf(source.InFile(cp), "skipped broken symbolic link: %s", plainError(err)))
				continue
			}
			isDir = info.IsDir()
			if !isDir && kindOf(name) != kindOther {
				target, inside := d.staysInside(filepath.Join(osPath, name), cp)
				if !inside {
					continue // a link to a file out of the tree, as for folders (see walk)
				}
				if kindOf(name) == kindYAML && target != "" && !d.ignored(cp) {
					if d.linkedYAML == nil {
						d.linkedYAML = map[string]string{}
					}
					d.linkedYAML[cp] = target
				}
			}
		}
		if isDir {
			if skipDirs[name] {
				continue
			}
			if symlink {
				// Resolved by the walk, which also finds loops.
				d.linkedDirs = append(d.linkedDirs, linkedDir{filepath.Join(osPath, name), cp})
				continue
			}
			d.walk(filepath.Join(osPath, name), cp, filepath.Join(real, name))
			continue
		}
		if d.ignored(cp) {
			continue
		}
		switch kindOf(name) {
		case kindTerraform:
			dir := p
			if d.tfWalked[dir] == nil {
				d.tfEntries[dir] = entries
			}
			d.tfWalked[dir] = append(d.tfWalked[dir], cp)
		case kindYAML:
			d.yaml[cp] = true
		}
		if kustomize.IsFile(name) && !isDir {
			d.kustomize[p] = true
		}
	}
}

// staysInside reports whether the link at osPath (shown as p) leads to a
// file inside the walked folder, and notes it when it does not: a link to
// ~/.aws/credentials named x.yaml must not be read. It returns the link's
// target, or "" when it cannot be resolved.
func (d *discoverer) staysInside(osPath, p string) (string, bool) {
	r, err := regular.RealPath(osPath)
	if err != nil {
		return "", true // the read that follows reports what is wrong
	}
	if regular.Within(r, d.root) {
		return r, true
	}
	d.outside(p, r)
	return r, false
}

// outside notes a symbolic link at p that leads out of the walked folder,
// to real.
func (d *discoverer) outside(p, real string) {
	d.problems = append(d.problems, source.Notef(source.InFile(p),
		"not followed: this symbolic link leads out of %s, to %s", d.rootShown, filepath.ToSlash(real)))
}

// holdsChart reports whether a folder's listing holds a Helm chart, whose
// folder is not walked.
func holdsChart(entries []os.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == "Chart.yaml" && !e.IsDir() {
			return true
		}
	}
	return false
}

// prefetch lists the folder osPath (shown as p) and the plain folders
// below it that the walk will enter, a level of the tree at a time with
// d.jobs listings at once, so that the walk that follows finds them
// listed: listing folders is nearly all of the walk's time, and the walk
// itself runs on one core. The walk still decides everything, in its own
// order; prefetch only reads ahead. It follows no symbolic link (so it
// meets no loop) and enters no folder the walk would skip (skipDirs,
// --ignore-path, a Helm chart); the walk lists what it did not.
func (d *discoverer) prefetch(osPath, p string) {
	if d.jobs < 2 {
		return
	}
	type folder struct{ osPath, p string }
	d.listed = map[string]listing{}
	level := []folder{{osPath, p}}
	for len(level) > 0 {
		got := make([]listing, len(level))
		parallel(len(level), d.jobs, func(i int) {
			entries, err := os.ReadDir(level[i].osPath)
			got[i] = listing{entries, err}
		})
		var next []folder
		for i, l := range got {
			f := level[i]
			d.listed[f.osPath] = l
			if l.err != nil || holdsChart(l.entries) {
				continue
			}
			for _, e := range l.entries {
				// A symbolic link's type is ModeSymlink, not a folder.
				if !e.IsDir() || skipDirs[e.Name()] {
					continue
				}
				if cp := joinDisplay(f.p, e.Name()); !d.ignored(cp) {
					next = append(next, folder{filepath.Join(f.osPath, e.Name()), cp})
				}
			}
		}
		level = next
	}
}

// readDir is os.ReadDir, answered from what prefetch listed when it can.
func (d *discoverer) readDir(osPath string) ([]os.DirEntry, error) {
	if l, ok := d.listed[osPath]; ok {
		delete(d.listed, osPath) // the walk enters a folder once (seenDirs)
		return l.entries, l.err
	}
	return os.ReadDir(osPath)
}

func (d *discoverer) ignored(p string) bool { return d.ignore.Match(p) }

func (d *discoverer) result() input {
	in := input{problems: d.problems}
	kunits := d.kustomizeUnits() // first: it takes files out of d.yaml
	d.dropLinkedYAML()
	dirs := make(map[string]bool, len(d.tfWalked)+len(d.tfNamed))
	for dir := range d.tfWalked {
		dirs[dir] = true
	}
	for dir := range d.tfNamed {
		dirs[dir] = true
	}
	in.units = make([]unit, 0, len(kunits)+len(d.yaml)+len(dirs))
	in.units = append(in.units, kunits...)
	for p := range d.yaml {
		in.units = append(in.units, unit{path: p})
	}
	for dir := range dirs {
		u := unit{tfDir: dir}
		if walked, ok := d.tfWalked[dir]; ok {
			// A folder is walked once, so its files are distinct.
			u.tfFiles = walked
			u.tfEntries = d.tfEntries[dir]
		} else {
			files := map[string]bool{}
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
			u.tfFiles = make([]string, 0, len(files))
			for f := range files {
				u.tfFiles = append(u.tfFiles, f)
			}
		}
		sort.Strings(u.tfFiles)
		in.units = append(in.units, u)
	}
	sort.Slice(in.units, func(i, j int) bool { return in.units[i].name() < in.units[j].name() })
	for _, u := range in.units {
		switch {
		case u.tfDir != "":
			in.fileCount += len(u.tfFiles)
		case u.kustomize != "":
			in.fileCount += 1 + len(u.kResources)
		default:
			in.fileCount++
		}
	}
	return in
}

// dropLinkedYAML reads a YAML file once: a symbolic link to a file the
// walk also reads under its own path, or to one another link already
// leads to, is not read again, so that its objects are not reported
// twice, under two names. Terraform files are not dropped: a linked file
// (a shared providers.tf) is part of each module that holds it.
func (d *discoverer) dropLinkedYAML() {
	if len(d.linkedYAML) == 0 {
		return
	}
	read := map[string]bool{} // real paths of the YAML files read
	for p := range d.yaml {
		if _, linked := d.linkedYAML[p]; linked {
			continue
		}
		if dir, ok := d.dirReal[pathDir(p)]; ok {
			read[filepath.Join(dir, p[strings.LastIndexByte(p, '/')+1:])] = true
		}
	}
	links := make([]string, 0, len(d.linkedYAML))
	for p := range d.linkedYAML {
		if d.yaml[p] {
			links = append(links, p)
		}
	}
	sort.Strings(links)
	for _, p := range links {
		target := d.linkedYAML[p]
		if read[target] {
			delete(d.yaml, p)
			continue
		}
		read[target] = true
	}
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

// reach is what a kustomization reads, its bases' included.
type reach struct {
	resources, consumed []string
	dirs                map[string]bool
}

// maxKustomizeDepth bounds how deep bases of bases are followed.
const maxKustomizeDepth = 32

// kustomizeUnits turns the kustomizations found into units: one per root
// kustomization, that is one no other kustomization found uses as a base
// or component. The files a built kustomization reads (its manifests and
// patches, and its bases' kustomization files) are taken out of the plain
// YAML units, so a manifest is never reported twice and a patch is never
// mistaken for a whole object.
func (d *discoverer) kustomizeUnits() []unit {
	if len(d.kustomize) == 0 {
		return nil
	}
	// Each kustomization is read once, however many others reach it: a
	// chain of 1,001 overlays was read 33,000 times.
	scans := map[string]kustomize.Refs{}
	scan := func(dir string) kustomize.Refs {
		refs, ok := scans[dir]
		if !ok {
			refs = kustomize.Scan(dir)
			scans[dir] = refs
		}
		return refs
	}
	reachOf := func(root string) reach {
		r := reach{dirs: map[string]bool{}}
		var visit func(dir string, depth int)
		visit = func(dir string, depth int) {
			if r.dirs[dir] || depth > maxKustomizeDepth {
				return
			}
			r.dirs[dir] = true
			if f, ok := kustomize.FileIn(dir); ok {
				r.consumed = append(r.consumed, f)
			}
			refs := scan(dir)
			r.resources = append(r.resources, refs.Resources...)
			r.consumed = append(r.consumed, refs.Resources...)
			r.consumed = append(r.consumed, refs.Patches...)
			for _, sub := range refs.Dirs {
				visit(sub, depth+1)
			}
		}
		visit(root, 0)
		return r
	}
	dirs := make([]string, 0, len(d.kustomize))
	for dir := range d.kustomize {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	reaches := map[string]reach{}
	child := map[string]bool{}
	for _, dir := range dirs {
		r := reachOf(dir)
		reaches[dir] = r
		for sub := range r.dirs {
			if sub != dir {
				child[sub] = true
			}
		}
	}
	var units []unit
	for _, dir := range dirs {
		if child[dir] && !d.cyclic(dir, reaches) {
			continue
		}
		r := reaches[dir]
		for _, f := range r.consumed {
			delete(d.yaml, f)
		}
		res := append([]string(nil), r.resources...)
		sort.Strings(res)
		units = append(units, unit{kustomize: dir, kResources: compact(res)})
	}
	return units
}

// cyclic reports whether dir is only reached from kustomizations that it
// reaches itself (bases that refer to each other): then it is built as a
// root, and kustomize reports the cycle, rather than nothing being built.
func (d *discoverer) cyclic(dir string, reaches map[string]reach) bool {
	for other, r := range reaches {
		if other != dir && r.dirs[dir] && !reaches[dir].dirs[other] {
			return false
		}
	}
	return true
}

// compact drops adjacent duplicates of a sorted list.
func compact(l []string) []string {
	out := l[:0]
	for i, s := range l {
		if i == 0 || s != l[i-1] {
			out = append(out, s)
		}
	}
	return out
}
