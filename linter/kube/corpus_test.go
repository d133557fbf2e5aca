package kube

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// TestCorpus adapts every manifest of the shared Kubernetes examples: no
// panic, and no error-level problem from the adapter. Files that are not
// valid YAML may fail to decode; that is the decoder's report, not ours.
func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpora", "kubernetes-examples")
	if _, err := os.Stat(root); err != nil {
		t.Skip("corpus not present")
	}
	var files, undecodable, workloads, containers, warnings int
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		docs, _, decodeProblems := yamldoc.Decode(p, src)
		if len(decodeProblems) != 0 {
			undecodable++
		}
		for _, d := range docs {
			if apiVersion, kind := d.APIVersionKind(); apiVersion == "" || kind == "" {
				continue
			}
			m, problems := Adapt(d)
			for _, pr := range problems {
				if pr.Level == source.LevelError {
					t.Errorf("%s", pr)
				}
				warnings++
				t.Logf("%s", pr)
			}
			workloads += len(m.Workloads)
			for _, w := range m.Workloads {
				containers += len(w.Containers)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files (%d with decode problems): %d workloads, %d containers, %d warnings",
		files, undecodable, workloads, containers, warnings)
	if workloads == 0 || containers < workloads {
		t.Errorf("read %d files but found %d workloads and %d containers", files, workloads, containers)
	}
}
