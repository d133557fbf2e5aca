package terraform

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// loadSyntax reads files as one root module: with shared, from syntax
// parsed as the run's Modules parse it (every hook planted first), else
// parsed and hooked as each expression is evaluated.
func loadSyntax(dir string, files []File, shared bool) Loaded {
	m := newModule(dir)
	if shared {
		m.shared = map[string]parsedFile{}
		for _, f := range files {
			m.shared[f.Path] = parseShared(f.Path, f.Src, nil)
		}
	}
	return m.load(files, Options{})
}

// sameLoad reports how the two reads of files differ, if they do.
func sameLoad(t *testing.T, dir string, files []File) {
	t.Helper()
	lazy, eager := loadSyntax(dir, files, false), loadSyntax(dir, files, true)
	if !reflect.DeepEqual(lazy.Model, eager.Model) {
		t.Errorf("%s: the models differ", dir)
	}
	problems := func(ps []source.Problem) []string {
		var out []string
		for _, p := range ps {
			if !strings.Contains(p.Message, "internal error") { // a stack differs
				out = append(out, p.String())
			}
		}
		return out
	}
	if a, b := problems(lazy.Problems), problems(eager.Problems); !reflect.DeepEqual(a, b) {
		t.Errorf("%s: problems differ:\n%q\n%q", dir, a, b)
	}
}

// TestSharedSyntaxReadsTheSame: a module read from shared syntax, whose
// hooks were all planted before any evaluation, gives the model and the
// problems that reading it on its own gives, for every Terraform folder of
// the fixtures.
func TestSharedSyntaxReadsTheSame(t *testing.T) {
	dirs := map[string][]File{}
	root := filepath.Join("..", "..", "fixtures")
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		dirs[dir] = append(dirs[dir], File{Path: filepath.ToSlash(p), Src: src})
		return nil
	})
	if len(dirs) < 10 {
		t.Fatalf("%d Terraform folders under %s", len(dirs), root)
	}
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		sameLoad(t, d, dirs[d])
	}
}
