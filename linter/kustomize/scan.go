// Package kustomize builds kustomizations offline with kustomize's own API
// and adapts what they produce, every node located at the file and line
// that produced it: the base manifest, or the overlay patch that set the
// value. Remote bases and resources are never fetched: each is a located
// problem, and the build goes on without it.
package kustomize

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/regular"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// fileNames are the names kustomize looks for in a folder, in its order.
var fileNames = []string{"kustomization.yaml", "kustomization.yml", "Kustomization"}

// IsFile reports whether a file's base name makes it a kustomization.
func IsFile(name string) bool {
	base := path.Base(filepath.ToSlash(name))
	for _, n := range fileNames {
		if base == n {
			return true
		}
	}
	return false
}

// FileIn returns the kustomization file of the folder dir (a display
// path), if it has one.
func FileIn(dir string) (string, bool) {
	for _, n := range fileNames {
		p := path.Join(dir, n)
		if info, err := os.Stat(filepath.FromSlash(p)); err == nil && !info.IsDir() {
			return p, true
		}
	}
	return "", false
}

// Refs are the local paths one kustomization reads, as display paths.
type Refs struct {
	// Resources are manifest files it lists under resources (or the
	// deprecated bases); they hold whole objects.
	Resources []string
	// Patches are the files it reads as patches: partial objects that
	// must never be linted as manifests of their own.
	Patches []string
	// Dirs are the folders it builds as bases or components.
	Dirs []string
}

// resourceKeys list other files or folders; patchKeys list patches.
var (
	resourceKeys = []string{"resources", "bases", "components"}
	patchKeys    = []string{"patchesStrategicMerge"}
	// patchPathKeys hold lists of mappings whose "path" names a patch file.
	patchPathKeys = []string{"patches", "patchesJson6902"}
)

// Scan reads the kustomization of dir and lists the local paths it
// refers to. Entries that are not local (remote bases, URLs) and entries
// that do not exist are left out: Build reports them.
func Scan(dir string) Refs {
	var refs Refs
	file, ok := FileIn(dir)
	if !ok {
		return refs
	}
	src, err := regular.Read(filepath.FromSlash(file), maxKustomizationSize)
	if err != nil {
		return refs
	}
	docs, _, _ := yamldoc.Decode(file, src)
	if len(docs) == 0 || docs[0].Root.Kind != yaml.MappingNode {
		return refs
	}
	root := docs[0].Root
	for _, key := range resourceKeys {
		for _, e := range entries(root, key) {
			p, isDir, ok := local(dir, e.Value)
			switch {
			case !ok:
			case isDir:
				refs.Dirs = append(refs.Dirs, p)
			case key != "components":
				refs.Resources = append(refs.Resources, p)
			}
		}
	}
	for _, key := range patchKeys {
		for _, e := range entries(root, key) {
			if p, isDir, ok := local(dir, e.Value); ok && !isDir {
				refs.Patches = append(refs.Patches, p)
			}
		}
	}
	for _, key := range patchPathKeys {
		for _, e := range pathEntries(root, key) {
			if p, isDir, ok := local(dir, e.Value); ok && !isDir {
				refs.Patches = append(refs.Patches, p)
			}
		}
	}
	return refs
}

// maxKustomizationSize bounds a kustomization file: real ones are a few
// kilobytes.
const maxKustomizationSize = 1 << 20

// entries returns the string items of the list under key.
func entries(root *yaml.Node, key string) []*yaml.Node {
	list := yamldoc.Deref(yamldoc.Get(root, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, it := range list.Content {
		if it = yamldoc.Deref(it); it != nil && it.Kind == yaml.ScalarNode {
			out = append(out, it)
		}
	}
	return out
}

// pathEntries returns the "path" values of the mappings listed under key.
func pathEntries(root *yaml.Node, key string) []*yaml.Node {
	list := yamldoc.Deref(yamldoc.Get(root, key))
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, it := range list.Content {
		if p := yamldoc.Deref(yamldoc.Get(yamldoc.Deref(it), "path")); p != nil && p.Kind == yaml.ScalarNode {
			out = append(out, p)
		}
	}
	return out
}

// local resolves an entry relative to the kustomization's folder: ok when
// it names a file or folder on this machine.
func local(dir, entry string) (p string, isDir, ok bool) {
	if entry == "" || remote(entry) {
		return "", false, false
	}
	p = path.Clean(path.Join(dir, filepath.ToSlash(entry)))
	if filepath.IsAbs(entry) {
		p = filepath.ToSlash(filepath.Clean(entry))
	}
	info, err := os.Stat(filepath.FromSlash(p))
	if err != nil {
		return "", false, false
	}
	return p, info.IsDir(), true
}

// remote reports whether kustomize would fetch an entry over the network:
// a URL, or a git repository written as host/org/repo or git@host:….
func remote(entry string) bool {
	e := strings.ToLower(entry)
	switch {
	case strings.Contains(e, "://"), strings.HasPrefix(e, "git@"), strings.Contains(e, "?ref="), strings.Contains(e, "?version="):
		return true
	}
	for _, host := range []string{"github.com/", "gitlab.com/", "bitbucket.org/", "dev.azure.com/"} {
		if strings.HasPrefix(e, host) {
			return true
		}
	}
	return false
}
