package kustomize

import (
	"path/filepath"
	"testing"
)

// The estimate counts a base every time a kustomization lists it, as
// kustomize builds it, while reading each file once.
func TestEstimate(t *testing.T) {
	dir := write(t, map[string]string{
		"root/kustomization.yaml":   "resources: [../left, ../right, own.yaml]\npatches: [{path: p.yaml}]\n",
		"root/own.yaml":             "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own}\n",
		"root/p.yaml":               "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: own}\ndata: {a: b}\n",
		"left/kustomization.yaml":   "resources: [../common]\nnameSuffix: -l\n",
		"right/kustomization.yaml":  "resources: [../common]\nnameSuffix: -r\n",
		"common/kustomization.yaml": "resources: [cms.yaml, ../missing, https://example.com/x.yaml]\n",
		"common/cms.yaml":           "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
		"loop/kustomization.yaml":   "resources: [../loop2]\n",
		"loop2/kustomization.yaml":  "resources: [../loop]\n",
	})
	t.Chdir(filepath.FromSlash(dir))
	// common holds 3 documents, built under left and under right (3 each,
	// 3² for common and 3² for itself); root holds 3 + 3 + 2.
	want := subtree{docs: 8, visits: 5, squares: 2*(3*3+3*3) + 8*8}
	if got := estimate("root"); got != want {
		t.Errorf("estimate(root) = %+v, want %+v", got, want)
	}
	// A cycle ends the estimate (kustomize reports it).
	if got := estimate("loop"); got.visits != 2 {
		t.Errorf("estimate(loop) = %+v, want 2 visits", got)
	}
}
