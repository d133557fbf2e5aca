package linter

import (
	"sort"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// everyWorkload reports each workload at its header.
var everyWorkload = &Rule{ID: "EKS-K8S-001", Severity: High, Check: func(p *Pass) {
	for _, w := range p.Model.Workloads {
		p.Report(w, source.Range{}, "workload")
	}
}}

func workloadsAt(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Range.String()+" "+f.Object)
	}
	sort.Strings(out)
	return out
}

const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: nginx}]\n"

// A kustomization's manifests are linted once, as the build produces them;
// its patches are never linted as objects; a base used by an overlay is
// not built again on its own; a manifest no kustomization lists is read as
// a plain file.
func TestKustomizationsAreBuiltOnce(t *testing.T) {
	writeTree(t, map[string]string{
		"k/base/kustomization.yaml": "resources: [deploy.yaml]\n",
		"k/base/deploy.yaml":        deployment,
		"k/base/stray.yaml":         strings.Replace(deployment, "name: web", "name: stray", 1),
		"k/prod/kustomization.yaml": "namespace: prod\nresources: [../base]\npatches: [{path: patch.yaml}]\n",
		"k/prod/patch.yaml":         "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: nginx:2}]\n",
	})
	res := Lint(Options{Paths: []string{"k"}, Rules: []*Rule{everyWorkload}})
	got := strings.Join(workloadsAt(res), "\n")
	want := "k/base/deploy.yaml:1:1 Deployment/prod/web\nk/base/stray.yaml:1:1 Deployment/default/stray"
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	if len(res.Problems) != 0 {
		t.Errorf("problems: %v", res.Problems)
	}
}

// When kustomize cannot build an overlay, the manifests it lists are still
// linted, and the failure is reported at the kustomization.
func TestBrokenKustomizationFallsBackToItsManifests(t *testing.T) {
	writeTree(t, map[string]string{
		"k/kustomization.yaml": "resources: [deploy.yaml]\npatchesStrategicMerge: [patch.yaml]\n",
		"k/deploy.yaml":        deployment,
		"k/patch.yaml":         "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nosuch}\nspec: {replicas: 3}\n",
	})
	res := Lint(Options{Paths: []string{"k"}, Rules: []*Rule{everyWorkload}})
	if got := strings.Join(workloadsAt(res), "\n"); got != "k/deploy.yaml:1:1 Deployment/default/web" {
		t.Errorf("findings: %s", got)
	}
	found := false
	for _, p := range res.Problems {
		if p.Range.Path() == "k/kustomization.yaml" && strings.Contains(p.Message, "linted as plain manifests") {
			found = true
		}
	}
	if !found {
		t.Errorf("no problem says the build failed: %v", res.Problems)
	}
}
