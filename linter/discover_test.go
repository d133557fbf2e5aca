package linter

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestPrefetchChangesNothing: with several jobs the walk finds its folders
// listed ahead (prefetch); what it makes of them must be exactly what the
// walk alone makes, on a tree holding every kind of folder the walk treats
// apart: skipped and ignored folders, a Helm chart, a symbolic link to a
// folder and one that loops, an unreadable folder, nested modules and
// kustomizations.
func TestPrefetchChangesNothing(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/main.tf":                    cluster,
		"a/b/c/d/main.tf":              cluster,
		"a/b/pod.yaml":                 "apiVersion: v1\nkind: Pod\n",
		"a/node_modules/x/main.tf":     cluster,
		"a/.terraform/modules/main.tf": cluster,
		"ignored/deep/main.tf":         cluster,
		"chart/Chart.yaml":             "name: c\n",
		"chart/templates/pod.yaml":     "kind: Pod\n",
		"k/base/kustomization.yaml":    "resources: [pod.yaml]\n",
		"k/base/pod.yaml":              "apiVersion: v1\nkind: Pod\n",
		"k/prod/kustomization.yaml":    "resources: [../base]\n",
		"target/inner/main.tf":         cluster,
		"locked/main.tf":               cluster,
	})
	if err := os.Symlink(filepath.Join(dir, "target"), filepath.Join(dir, "a", "link")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "a", "b", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(filepath.Join(dir, "locked"), 0o755) }()

	for _, paths := range [][]string{nil, {"a", "k"}, {dir}} {
		alone := discover(Options{Paths: paths, Jobs: 1, IgnorePaths: []string{"ignored/**"}})
		for _, jobs := range []int{2, 8} {
			d := &discoverer{jobs: jobs}
			d.prefetch(".", ".")
			if jobs > 1 && len(d.listed) < 10 {
				t.Fatalf("prefetch listed %d folders: it is not reading ahead", len(d.listed))
			}
			ahead := discover(Options{Paths: paths, Jobs: jobs, IgnorePaths: []string{"ignored/**"}})
			if !reflect.DeepEqual(alone, ahead) {
				t.Errorf("paths %v, %d jobs: discovery differs with prefetch:\n%+v\nwithout:\n%+v", paths, jobs, ahead, alone)
			}
		}
	}
}

// TestLinksAreFollowedLast: what the walk reaches both by its own path and
// through a symbolic link is read once, under its own path, the one code
// scanning finds in the repository, whichever name sorts first. What only
// a link reaches is still read, once, under the first link's name; a
// Terraform file linked into a module stays part of that module.
func TestLinksAreFollowedLast(t *testing.T) {
	pod := "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
	writeTree(t, map[string]string{
		"base/pod.yaml":             pod,
		"base/main.tf":              cluster,
		"env/kept.yaml":             pod,
		"node_modules/hidden.yaml":  pod,
		"shared/providers.tf":       "provider \"aws\" {}\n",
		"roots/prod/main.tf":        cluster,
		"chain/d2/deep.yaml":        pod,
		"chain/d0/unrelated/x.yaml": pod,
		"chain/d1/unrelated/y.tf":   cluster,
		"node_modules/pkg/m.yaml":   pod,
	})
	links := map[string]string{
		"aaa":                     "base",             // a folder, sorting before its own name
		"env/pod.yaml":            "../base/pod.yaml", // a file read under its own name too
		"env/again.yaml":          "../base/pod.yaml", // a second link to it
		"env/a-hidden.yaml":       "../node_modules/hidden.yaml",
		"env/b-hidden.yaml":       "../node_modules/hidden.yaml", // the same file, only ever linked
		"roots/prod/providers.tf": "../../shared/providers.tf",
		"chain/d0/a":              "../d1",
		"chain/d0/b":              "../d1",
		"chain/d1/a":              "../d2",
		"chain/d1/b":              "../d2",
		"zlink":                   "node_modules/pkg", // a folder only a link reaches
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.FromSlash(name)); err != nil {
			t.Skip(err)
		}
	}
	in := discover(Options{Jobs: 1})
	var yaml, tf []string
	for _, u := range in.units {
		if u.path != "" {
			yaml = append(yaml, u.path)
		}
		tf = append(tf, u.tfFiles...)
	}
	wantYAML := []string{"base/pod.yaml", "chain/d0/unrelated/x.yaml", "chain/d2/deep.yaml", "env/a-hidden.yaml", "env/kept.yaml", "zlink/m.yaml"}
	if !reflect.DeepEqual(yaml, wantYAML) {
		t.Errorf("YAML files read:\n got %q\nwant %q", yaml, wantYAML)
	}
	wantTF := []string{"base/main.tf", "chain/d1/unrelated/y.tf", "roots/prod/main.tf", "roots/prod/providers.tf", "shared/providers.tf"}
	if !reflect.DeepEqual(tf, wantTF) {
		t.Errorf("Terraform files read:\n got %q\nwant %q", tf, wantTF)
	}
}
