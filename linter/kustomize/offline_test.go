package kustomize

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A build never reaches the network, whatever field of a kustomization
// names a URL.
func TestBuildNeverFetches(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		t.Logf("fetched %s", r.URL.Path)
		_, _ = w.Write([]byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: remote}\n"))
	}))
	defer srv.Close()
	u := srv.URL
	for name, k := range map[string]string{
		"generator files": "configMapGenerator: [{name: x, files: [" + u + "/files]}]\n",
		"generator envs":  "configMapGenerator: [{name: x, envs: [" + u + "/envs]}]\n",
		"generator env":   "configMapGenerator: [{name: x, env: " + u + "/env}]\n",
		"generator key":   "configMapGenerator: [{name: x, files: [k=" + u + "/key]}]\n",
		"secret files":    "secretGenerator: [{name: x, files: [" + u + "/sfiles]}]\n",
		"openapi":         "openapi: {path: " + u + "/openapi}\n",
		"configurations":  "configurations: [" + u + "/configurations]\n",
		"crds":            "crds: [" + u + "/crds]\n",
		"replacements":    "replacements: [{path: " + u + "/replacements}]\n",
		"transformers":    "transformers: [" + u + "/transformers]\n",
		"generators":      "generators: [" + u + "/generators]\n",
		"validators":      "validators: [" + u + "/validators]\n",
		"patches":         "patches: [{path: " + u + "/patches}]\n",
		"resources":       "resources: [" + u + "/resources]\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := write(t, map[string]string{"kustomization.yaml": k})
			res := Build(dir)
			found := false
			for _, p := range res.Problems {
				found = found || (p.Range.Start.Line == 1 && strings.Contains(p.Message, "is not fetched (ekslint works offline)"))
			}
			if !found {
				t.Errorf("no located problem says the URL is not fetched: %v", res.Problems)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the network", n)
	}
}

// A build refuses a file larger than ekslint reads itself, by its size,
// before reading it.
func TestBuildRefusesHugeFiles(t *testing.T) {
	dir := write(t, map[string]string{"kustomization.yaml": "resources: [huge.yaml]\n"})
	f, err := os.Create(filepath.Join(filepath.FromSlash(dir), "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := Build(dir)
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "huge.yaml is larger than 16 MiB") {
		t.Errorf("problems %v", res.Problems)
	}
}
