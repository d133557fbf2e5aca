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
