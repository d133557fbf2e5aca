package kustomize

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/kube"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/regular"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Result is what building one kustomization produced.
type Result struct {
	Model *model.Model
	// Files are the source files the build read (for suppression comments).
	Files    []*source.File
	Problems []source.Problem
	// Built is false when kustomize could not build the kustomization;
	// Problems then say why, and the caller lints its resources as plain
	// manifests so that nothing goes unread.
	Built bool
}

// Annotations kustomize adds when asked to record where objects came
// from; they are read, then removed before the objects are adapted.
const (
	originAnnotation         = "config.kubernetes.io/origin"
	transformationAnnotation = "alpha.config.kubernetes.io/transformations"
)

// maxObjects bounds what one build may produce.
const maxObjects = 10000

// maxFileSize bounds each file a build reads, as linter.MaxFileSize
// bounds the files ekslint reads itself.
const maxFileSize = 16 << 20

// maxDocuments bounds the YAML documents the manifests and patches of one
// build may hold in all. kustomize checks each object it adds against all
// those it holds, so its build time grows with the square of their number
// (2,000 objects take seconds, 10,000 minutes); past this bound the build
// is refused and the manifests are linted one by one instead, in linear
// time.
const maxDocuments = 2000

// maxNodes bounds the YAML nodes of the manifests and patches one build
// reads, together (each is bounded by yamldoc.MaxNodes alone): kustomize
// holds them all at once.
const maxNodes = yamldoc.MaxNodes

// Build builds the kustomization in dir (a display path, cleaned, with
// forward slashes) offline, and adapts each object it produces.
func Build(dir string) (res Result) {
	res.Model = &model.Model{}
	kfile, found := FileIn(dir)
	if found {
		if info, err := os.Stat(filepath.FromSlash(kfile)); err == nil && !info.Mode().IsRegular() {
			// Never opened (see guardedFS): say why rather than let
			// kustomize say it found no kustomization.
			res.Problems = append(res.Problems, source.Errorf(source.InFile(kfile),
				"%s", regular.NotRegularError{Mode: info.Mode().Type()}.Refusal()))
			return res
		}
		switch t := estimate(dir); {
		case t.visits > maxVisits:
			res.Problems = append(res.Problems, source.Warnf(source.InFile(kfile),
				"building this kustomization reads more than %d kustomizations (bases and components, each counted every time a kustomization lists it); kustomize builds each again every time, so ekslint does not build it and lints its resources as plain manifests instead", maxVisits))
			return res
		case t.squares > maxSquares:
			res.Problems = append(res.Problems, source.Warnf(source.InFile(kfile),
				"the manifests and patches of this kustomization hold more than %d YAML documents, counted at every level of bases that builds them; kustomize's build time grows with the square of their number at each level, so ekslint does not build it and lints its resources as plain manifests instead", maxDocuments))
			return res
		}
	}
	abs, err := filepath.Abs(filepath.FromSlash(dir))
	if err != nil {
		res.Problems = append(res.Problems, source.Errorf(source.InFile(dir), "cannot read folder: %v", err))
		return res
	}
	b := &builder{
		rootDisplay: dir, rootAbs: abs,
		files: map[string]*sourceFile{},
	}
	fs := guardedFS{FileSystem: filesys.MakeFsOnDisk(), b: b}
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	rm, err := k.Run(fs, abs)
	res.Problems = append(res.Problems, b.problems...)
	if err != nil && b.bomb != "" {
		res.Problems = append(res.Problems, source.Warnf(source.InFile(b.bomb),
			"the YAML aliases of this file expand it to more than %d times its size; kustomize would expand every one of them, so ekslint does not build the kustomization %s and lints its resources as plain manifests instead", aliasGrowth, kfile))
		return res
	}
	if err != nil && b.documents > maxDocuments {
		res.Problems = append(res.Problems, source.Warnf(source.InFile(kfile),
			"the manifests and patches of this kustomization hold more than %d YAML documents in all; kustomize's build time grows with the square of their number, so ekslint does not build it and lints its resources as plain manifests instead", maxDocuments))
		return res
	}
	if err != nil {
		if isComponent(kfile) {
			// A Component patches what the kustomization that lists it
			// builds; on its own it usually has nothing to patch.
			res.Problems = append(res.Problems, source.Notef(source.InFile(kfile),
				"this Component is not listed under components by any kustomization in the input, and kustomize cannot build it alone (%s); its resources are linted as plain manifests instead", b.plain(err)))
			return res
		}
		res.Problems = append(res.Problems, source.Warnf(source.InFile(kfile),
			"kustomize could not build this kustomization (%s); its resources are linted as plain manifests instead", b.plain(err)))
		return res
	}
	res.Built = true
	resources := rm.Resources()
	if len(resources) > maxObjects {
		res.Problems = append(res.Problems, source.Warnf(source.InFile(kfile),
			"the kustomization produces %d objects; only the first %d are linted", len(resources), maxObjects))
		resources = resources[:maxObjects]
	}
	for _, r := range resources {
		m, ps := b.adapt(r, kfile)
		res.Model.Merge(m)
		res.Problems = append(res.Problems, ps...)
	}
	names := make([]string, 0, len(b.files))
	for p := range b.files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if f := b.files[p].file; f != nil {
			res.Files = append(res.Files, f)
		}
	}
	return res
}

// isComponent reports whether the kustomization file kfile is a
// kind: Component.
func isComponent(kfile string) bool {
	src, err := regular.Read(filepath.FromSlash(kfile), maxKustomizationSize)
	if err != nil {
		return false
	}
	docs, _, _ := yamldoc.Decode(kfile, src)
	return len(docs) > 0 && yamldoc.ScalarOf(yamldoc.Get(docs[0].Root, "kind")) == "Component"
}

// builder holds one build's state: the files read, the patches seen and
// the problems met while sanitising kustomizations.
type builder struct {
	rootDisplay, rootAbs string
	files                map[string]*sourceFile // by display path
	patches              []located              // documents of the patch files read, in the order applied
	documents            int                    // YAML documents in the manifests and patches kustomize read
	nodes                int                    // and their nodes, at most (yamldoc.NodeCount)
	bomb                 string                 // a manifest or patch whose aliases expand it too much
	images               []imageEntry           // images entries, in the order applied
	problems             []source.Problem
}

// sourceFile is a manifest or patch file decoded with positions.
type sourceFile struct {
	docs []*yamldoc.Doc
	file *source.File
}

// located is a node and the file it lies in; for a patch, also the
// target its kustomization entry gives (nil: the patch's own kind and
// name say which object it patches).
type located struct {
	file   string
	node   *yaml.Node
	target *target
}

// display maps a path kustomize uses (absolute) back to a display path
// relative to how the kustomization was named.
func (b *builder) display(abs string) string {
	rel, err := filepath.Rel(b.rootAbs, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return path.Clean(path.Join(b.rootDisplay, filepath.ToSlash(rel)))
}

// plain rewrites the absolute paths in a kustomize error as display paths.
func (b *builder) plain(err error) string {
	msg := err.Error()
	return strings.ReplaceAll(msg, b.rootAbs, b.rootDisplay)
}

// read decodes a source file once per build.
func (b *builder) read(p string) *sourceFile {
	if f, ok := b.files[p]; ok {
		return f
	}
	f := &sourceFile{}
	b.files[p] = f
	src, err := regular.Read(filepath.FromSlash(p), maxFileSize)
	if err != nil {
		return f
	}
	f.docs, f.file, _ = yamldoc.Decode(p, src)
	return f
}

// guardedFS is the disk as kustomize sees it, except that every
// kustomization file it reads is sanitised first (see sanitise).
type guardedFS struct {
	filesys.FileSystem
	b *builder
}

func (g guardedFS) ReadFile(p string) ([]byte, error) {
	// A named pipe would block the build, a device never end it: the disk
	// is read through regular.Read, which opens without waiting and checks
	// what it opened.
	src, err := regular.Read(p, maxFileSize)
	var nr regular.NotRegularError
	var tl regular.TooLargeError
	switch {
	case errors.As(err, &nr):
		return nil, fmt.Errorf("%s is %s", g.b.display(p), nr.Refusal())
	case errors.As(err, &tl):
		return nil, fmt.Errorf("%s is %w", g.b.display(p), tl)
	case err != nil:
		return nil, err
	}
	if !IsFile(p) {
		if isManifest(p) {
			if g.b.documents += countDocuments(src); g.b.documents > maxDocuments {
				return nil, fmt.Errorf("more than %d YAML documents", maxDocuments) // Build reports it
			}
			// Charged its length until the build nears the bound, then
			// counted; a file past the bound alone is past it here too.
			n, left := 2*len(src)+4, maxNodes-g.b.nodes
			if n > left {
				var at int
				if n, at = yamldoc.NodeCount(src, left); at >= 0 {
					return nil, fmt.Errorf("the manifests and patches of this build may hold more than %d YAML nodes together, by %s", maxNodes, g.b.display(p)) // Build reports it
				}
			}
			g.b.nodes += n
			if bytes.IndexByte(src, '&') >= 0 && aliasBomb(src) {
				g.b.bomb = g.b.display(p)
				return nil, fmt.Errorf("%s: aliases expand it too much", g.b.bomb) // Build reports it
			}
		}
		return src, nil
	}
	if len(src) > maxKustomizationSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", g.b.display(p), maxKustomizationSize)
	}
	return g.b.sanitise(g.b.display(p), src, filepath.Dir(p) == g.b.rootAbs)
}

// isManifest reports whether kustomize reads p as YAML objects (not as
// the text of a generated ConfigMap or Secret).
func isManifest(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// aliasGrowth is yamldoc.AliasGrowth, which the messages name.
const aliasGrowth = yamldoc.AliasGrowth

// aliasBomb reports whether the aliases of src expand its documents to
// more than aliasGrowth times their nodes (plus a margin for small files).
func aliasBomb(src []byte) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		if dec.Decode(&n) != nil {
			break // the end, or a syntax error kustomize reports
		}
		docs = append(docs, &n)
	}
	tooMuch, _ := yamldoc.Expansion(docs)
	return tooMuch
}

// countDocuments counts the YAML documents of src: one, plus one per
// document separator that starts a line.
func countDocuments(src []byte) int {
	n := 1
	for _, line := range bytes.Split(src, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("---")) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r') {
			n++
		}
	}
	return n
}

// Writes never happen in a build; refuse them all the same.
func (g guardedFS) WriteFile(string, []byte) error { return errReadOnly }
func (g guardedFS) Create(string) (filesys.File, error) {
	return nil, errReadOnly
}
func (g guardedFS) RemoveAll(string) error { return errReadOnly }

var errReadOnly = errors.New("ekslint never writes during a kustomize build")

// sanitise drops every entry of a kustomization that would make kustomize
// reach the network or run a program (remote bases and resources, Helm
// charts), each reported at its line, and asks the root kustomization to
// record each object's origin. It also notes the patch files it names.
func (b *builder) sanitise(p string, src []byte, root bool) ([]byte, error) {
	docs, _, problems := yamldoc.Decode(p, src)
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", problems[0].Message)
	}
	if len(docs) == 0 || docs[0].Root.Kind != yaml.MappingNode {
		return src, nil
	}
	top := docs[0].Root
	dir := path.Dir(p)
	keep := func(e *yaml.Node) bool {
		switch _, _, ok := local(dir, e.Value); {
		case ok:
			return true
		case remote(e.Value):
			b.problems = append(b.problems, source.Warnf(yamldoc.Range(source.FileOf(p), e),
				"remote %q is not fetched (ekslint works offline); the kustomization is built without it", e.Value))
		default:
			b.problems = append(b.problems, source.Warnf(yamldoc.Range(source.FileOf(p), e),
				"%q does not exist; the kustomization is built without it", e.Value))
		}
		return false
	}
	for _, key := range append(append([]string{}, resourceKeys...), patchKeys...) {
		filterList(top, key, func(it *yaml.Node) bool {
			it = yamldoc.Deref(it)
			return it == nil || it.Kind != yaml.ScalarNode || keep(it)
		})
	}
	for _, key := range patchPathKeys {
		filterList(top, key, func(it *yaml.Node) bool {
			pn := yamldoc.Deref(yamldoc.Get(yamldoc.Deref(it), "path"))
			return pn == nil || pn.Kind != yaml.ScalarNode || keep(pn)
		})
	}
	if k, _ := yamldoc.Lookup(top, "helmCharts"); k != nil {
		b.problems = append(b.problems, source.Notef(yamldoc.Range(source.FileOf(p), k),
			"helmCharts are not inflated (that runs helm); lint the output of `kustomize build --enable-helm` instead"))
		deleteKey(top, "helmCharts")
	}
	b.dropFetched(p, top)
	b.dropInlineBombs(p, top)
	b.notePatches(dir, top)
	b.noteImages(p, top)
	for _, d := range deprecatedKeys {
		if k, _ := yamldoc.Lookup(top, d.key); k != nil {
			b.problems = append(b.problems, source.Notef(yamldoc.Range(source.FileOf(p), k),
				"%s is deprecated in kustomize; use %s (`kustomize edit fix` rewrites it)", d.key, d.use))
		}
	}
	if root {
		deleteKey(top, "buildMetadata")
		top.Content = append(top.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: "buildMetadata", Tag: "!!str"},
			&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "originAnnotations", Tag: "!!str"}}})
	}
	return yaml.Marshal(top)
}

// dropFetched drops, each reported at its line, the URLs of the other
// fields whose entries kustomize loads as files: its file loader fetches
// an http or https path itself, past the file system it is given.
func (b *builder) dropFetched(p string, top *yaml.Node) {
	fetched := func(n *yaml.Node) bool {
		n = yamldoc.Deref(n)
		if n == nil || n.Kind != yaml.ScalarNode || !remote(n.Value) {
			return false
		}
		b.problems = append(b.problems, source.Warnf(yamldoc.Range(source.FileOf(p), n),
			"remote %q is not fetched (ekslint works offline); the kustomization is built without it", n.Value))
		return true
	}
	notFetched := func(it *yaml.Node) bool { return !fetched(it) }
	for _, key := range []string{"configurations", "crds", "transformers", "generators", "validators"} {
		filterList(top, key, notFetched)
	}
	filterList(top, "replacements", func(it *yaml.Node) bool {
		return !fetched(yamldoc.Get(yamldoc.Deref(it), "path"))
	})
	if o := yamldoc.Deref(yamldoc.Get(top, "openapi")); o != nil && o.Kind == yaml.MappingNode && fetched(yamldoc.Get(o, "path")) {
		deleteKey(o, "path")
	}
	for _, key := range []string{"configMapGenerator", "secretGenerator"} {
		list := yamldoc.Deref(yamldoc.Get(top, key))
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for _, g := range list.Content {
			if g = yamldoc.Deref(g); g == nil || g.Kind != yaml.MappingNode {
				continue
			}
			filterList(g, "files", notFetched)
			filterList(g, "envs", notFetched)
			if fetched(yamldoc.Get(g, "env")) {
				deleteKey(g, "env")
			}
		}
	}
}

// dropInlineBombs drops, each reported at its line, the inline patches
// (patches[].patch, patchesJson6902[].patch, a patchesStrategicMerge
// entry written as YAML) and inline transformer, generator and validator
// configurations whose aliases expand them too much: kustomize would
// expand every alias, as for a patch file (see aliasBomb).
func (b *builder) dropInlineBombs(p string, top *yaml.Node) {
	bomb := func(n *yaml.Node, what string) bool {
		n = yamldoc.Deref(n)
		if n == nil || n.Kind != yaml.ScalarNode || !strings.Contains(n.Value, "&") || !aliasBomb([]byte(n.Value)) {
			return false
		}
		b.problems = append(b.problems, source.Warnf(yamldoc.Range(source.FileOf(p), n),
			"the YAML aliases of this inline %s expand it to more than %d times its size; kustomize would expand every one of them, so the kustomization is built without it", what, aliasGrowth))
		return true
	}
	for _, key := range patchPathKeys {
		filterList(top, key, func(it *yaml.Node) bool { return !bomb(yamldoc.Get(yamldoc.Deref(it), "patch"), "patch") })
	}
	for _, key := range patchKeys {
		filterList(top, key, func(it *yaml.Node) bool { return !bomb(it, "patch") })
	}
	// Transformer, generator and validator configurations may be
	// written inline too.
	for _, key := range []string{"transformers", "generators", "validators"} {
		filterList(top, key, func(it *yaml.Node) bool { return !bomb(it, "configuration") })
	}
}

// notePatches records the documents of the patch files a kustomization
// names, so that values they set are located in them.
func (b *builder) notePatches(dir string, top *yaml.Node) {
	type patchFile struct {
		path   string
		target *target
	}
	var files []patchFile
	for _, key := range patchKeys {
		for _, e := range entries(top, key) {
			if p, isDir, ok := local(dir, e.Value); ok && !isDir {
				files = append(files, patchFile{path: p})
			}
		}
	}
	for _, key := range patchPathKeys {
		list := yamldoc.Deref(yamldoc.Get(top, key))
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range list.Content {
			it = yamldoc.Deref(it)
			pn := yamldoc.Deref(yamldoc.Get(it, "path"))
			if pn == nil || pn.Kind != yaml.ScalarNode {
				continue
			}
			t, ok := readTarget(it)
			if p, isDir, isLocal := local(dir, pn.Value); ok && isLocal && !isDir {
				files = append(files, patchFile{path: p, target: t})
			}
		}
	}
	// kustomize reads a kustomization before the bases and components it
	// names, but applies their patches before its own: each
	// kustomization's patches go before those of the ones read earlier,
	// so that b.patches is in the order the patches were applied.
	var mine []located
	for _, f := range files {
		for _, d := range b.read(f.path).docs {
			node := d.Root
			if node.Kind == yaml.SequenceNode {
				// A JSON 6902 patch: only through a target.
				if node = jsonPatchDoc(node); node == nil || f.target == nil {
					continue
				}
			}
			mine = append(mine, located{file: f.path, node: node, target: f.target})
		}
	}
	b.patches = append(mine, b.patches...)
}

// deprecatedKeys are the kustomization fields kustomize warns about on its
// own standard error; ekslint reports them as located notes instead (the
// command keeps the library's own output out of its report).
var deprecatedKeys = []struct{ key, use string }{
	{"bases", "resources"}, {"commonLabels", "labels"}, {"imageTags", "images"},
	{"patchesJson6902", "patches"}, {"patchesStrategicMerge", "patches"}, {"vars", "replacements"},
}

func filterList(top *yaml.Node, key string, keep func(*yaml.Node) bool) {
	list := yamldoc.Deref(yamldoc.Get(top, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	kept := list.Content[:0]
	for _, it := range list.Content {
		if keep(it) {
			kept = append(kept, it)
		}
	}
	list.Content = kept
}

func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// adapt locates one built object in its sources and adapts it.
func (b *builder) adapt(r *resource.Resource, kfile string) (*model.Model, []source.Problem) {
	obj := r.YNode()
	fallback := b.head(kfile)
	var sources []located
	origin, err := r.GetOrigin()
	switch {
	case err != nil || origin == nil || origin.Repo != "":
	case origin.Path != "":
		file := path.Clean(path.Join(b.rootDisplay, filepath.ToSlash(origin.Path)))
		if doc := b.sourceDoc(file, obj); doc != nil {
			sources = append(sources, located{file: file, node: doc})
			fallback = yamldoc.Range(source.FileOf(file), doc)
		}
	case origin.ConfiguredIn != "":
		// A generated object (configMapGenerator, secretGenerator): it
		// is located at the generator entry that made it.
		file := filepath.ToSlash(origin.ConfiguredIn)
		if filepath.IsAbs(origin.ConfiguredIn) {
			file = b.display(origin.ConfiguredIn)
		} else {
			file = path.Clean(path.Join(b.rootDisplay, file))
		}
		fallback = b.generatorEntry(file, obj)
	}
	stripBuildAnnotations(obj)
	kind, name := kindName(obj)
	srcName := name
	if len(sources) > 0 {
		_, srcName = kindName(sources[0].node)
	}
	for _, p := range b.patches {
		if p.target != nil {
			if p.target.matches(obj, srcName) {
				sources = append(sources, p)
			}
			continue
		}
		pk, pn := kindName(p.node)
		if pk == kind && (pn == srcName || pn == name) {
			sources = append(sources, p)
		}
	}
	ranges, changed := map[*yaml.Node]source.Range{}, map[*yaml.Node]bool{}
	align(obj, sources, fallback, ranges, changed, 0)
	b.locateImages(obj, ranges, changed)
	return kube.AdaptBuilt(obj, func(n *yaml.Node) source.Range {
		if rg, ok := ranges[n]; ok {
			return rg
		}
		return fallback
	}, func(file string) []byte {
		if docs := b.read(file).docs; len(docs) > 0 {
			return docs[0].Src
		}
		return nil
	})
}

// head is where a finding about something a kustomization file made
// points when nothing better is known: its first key.
func (b *builder) head(file string) source.Range {
	docs := b.read(file).docs
	if len(docs) == 0 || docs[0].Root.Kind != yaml.MappingNode || len(docs[0].Root.Content) == 0 {
		return source.InFile(file)
	}
	return yamldoc.Range(source.FileOf(file), docs[0].Root.Content[0])
}

// generatorEntry finds the configMapGenerator or secretGenerator entry of
// the kustomization file that generated obj: the one whose name the
// built name contains (kustomize adds prefixes, suffixes and a hash), the
// longest such name first. Failing that, the kustomization's first key.
func (b *builder) generatorEntry(file string, obj *yaml.Node) source.Range {
	kind, name := kindName(obj)
	key := map[string]string{"ConfigMap": "configMapGenerator", "Secret": "secretGenerator"}[kind]
	docs := b.read(file).docs
	if key == "" || len(docs) == 0 {
		return b.head(file)
	}
	list := yamldoc.Deref(yamldoc.Get(docs[0].Root, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return b.head(file)
	}
	var best *yaml.Node
	bestLen := -1
	for _, it := range list.Content {
		n := yamldoc.ScalarOf(yamldoc.Get(yamldoc.Deref(it), "name"))
		if n != "" && strings.Contains(name, n) && len(n) > bestLen {
			best, bestLen = it, len(n)
		}
	}
	if best == nil {
		return b.head(file)
	}
	return yamldoc.Range(source.FileOf(file), best)
}

// sourceDoc finds the document of file that produced obj: the one of the
// same kind whose name the built name contains (name prefixes and suffixes
// are the only renames kustomize makes), the longest such name first.
func (b *builder) sourceDoc(file string, obj *yaml.Node) *yaml.Node {
	kind, name := kindName(obj)
	var best *yaml.Node
	bestLen := -1
	for _, d := range b.read(file).docs {
		k, n := kindName(d.Root)
		if k == kind && strings.Contains(name, n) && len(n) > bestLen {
			best, bestLen = d.Root, len(n)
		}
	}
	return best
}

func kindName(n *yaml.Node) (kind, name string) {
	return yamldoc.ScalarOf(yamldoc.Get(n, "kind")), yamldoc.ScalarOf(yamldoc.Get(yamldoc.Get(n, "metadata"), "name"))
}

// stripBuildAnnotations removes what kustomize added to record origins.
func stripBuildAnnotations(obj *yaml.Node) {
	meta := yamldoc.Get(obj, "metadata")
	ann := yamldoc.Get(meta, "annotations")
	if ann == nil || ann.Kind != yaml.MappingNode {
		return
	}
	deleteKey(ann, originAnnotation)
	deleteKey(ann, transformationAnnotation)
	if len(ann.Content) == 0 {
		deleteKey(meta, "annotations")
	}
}
