package kustomize

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// write creates files under dir and returns dir as a display path.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.ToSlash(dir)
}

const baseDeploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.25
      - name: side
        image: busybox:1.36
`

func TestBuildLocatesBaseAndPatch(t *testing.T) {
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources:\n- deploy.yaml\n",
		"base/deploy.yaml":        baseDeploy,
		"prod/kustomization.yaml": "namespace: prod\nnamePrefix: prod-\nresources:\n- ../base\npatches:\n- path: patch.yaml\n",
		"prod/patch.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        securityContext:
          privileged: true
`,
	})
	res := Build(dir + "/prod")
	if !res.Built {
		t.Fatalf("not built: %v", res.Problems)
	}
	if len(res.Model.Workloads) != 1 {
		t.Fatalf("want 1 workload, got %d", len(res.Model.Workloads))
	}
	w := res.Model.Workloads[0]
	if w.Address != "Deployment/prod/prod-web" {
		t.Errorf("address %q, want the built name and namespace", w.Address)
	}
	at := func(r source.Range) string {
		return strings.TrimPrefix(r.Path(), dir+"/") + ":" + itoa(int(r.Start.Line)) + ":" + itoa(int(r.Start.Col))
	}
	if got := at(w.Range); got != "base/deploy.yaml:1:1" {
		t.Errorf("object at %s, want its base manifest", got)
	}
	web, side := w.Containers[0], w.Containers[1]
	if got := at(web.Privileged.Range); !web.Privileged.Val || got != "prod/patch.yaml:11:11" {
		t.Errorf("privileged %v at %s, want true at the patch's line", web.Privileged.Val, got)
	}
	if got := at(web.Range); got != "base/deploy.yaml:10:9" {
		t.Errorf("container web at %s, want where the base declares it", got)
	}
	if got := at(web.Image.Range); got != "base/deploy.yaml:11:16" {
		t.Errorf("image at %s, want the base's value", got)
	}
	if got := at(side.Range); got != "base/deploy.yaml:12:9" {
		t.Errorf("container side at %s", got)
	}
	var read []string
	for _, f := range res.Files {
		read = append(read, strings.TrimPrefix(f.Path, dir+"/"))
	}
	// The kustomization too: a finding about what a transformer added points there.
	if strings.Join(read, ",") != "base/deploy.yaml,prod/kustomization.yaml,prod/patch.yaml" {
		t.Errorf("files for suppression comments: %v", read)
	}
}

func TestRemoteEntriesAreLocatedProblemsNotDownloads(t *testing.T) {
	dir := write(t, map[string]string{
		"kustomization.yaml": "resources:\n- github.com/example/repo//base?ref=v1\n- https://example.com/x.yaml\n- missing.yaml\n- deploy.yaml\nhelmCharts:\n- name: x\n",
		"deploy.yaml":        baseDeploy,
	})
	t.Setenv("PATH", "") // no git to run, had anything tried
	res := Build(dir)
	if !res.Built || len(res.Model.Workloads) != 1 {
		t.Fatalf("the local resource should still be built: %v", res.Problems)
	}
	want := map[int]string{2: "remote", 3: "remote", 4: "does not exist", 6: "helmCharts"}
	for _, p := range res.Problems {
		if strings.HasSuffix(p.Range.Path(), "kustomization.yaml") && strings.Contains(p.Message, want[int(p.Range.Start.Line)]) {
			delete(want, int(p.Range.Start.Line))
		}
	}
	if len(want) > 0 {
		t.Errorf("missing located problems for lines %v; got %v", want, res.Problems)
	}
}

func TestBrokenBuildIsReported(t *testing.T) {
	dir := write(t, map[string]string{
		"a/kustomization.yaml": "resources:\n- ../b\n",
		"b/kustomization.yaml": "resources:\n- ../a\n",
	})
	res := Build(dir + "/a")
	if res.Built {
		t.Fatal("a cycle of bases cannot build")
	}
	if len(res.Problems) == 0 || !strings.Contains(res.Problems[len(res.Problems)-1].Message, "could not build") {
		t.Errorf("want a problem saying the build failed, got %v", res.Problems)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Values the kube adapter reads as key-value spans (replicas, template
// labels) are located in the patch that set them, in the patch's own file,
// and a later kustomization's patch wins over its base's.
func TestBuildLocatesPatchedReplicas(t *testing.T) {
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources:\n- deploy.yaml\npatches:\n- path: base-patch.yaml\n",
		"base/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
`,
		"base/base-patch.yaml":    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n",
		"prod/kustomization.yaml": "resources:\n- ../base\npatches:\n- path: patch.yaml\n",
		"prod/patch.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {tier: prod}
spec:
  replicas: 5
`,
	})
	res := Build(dir + "/prod")
	if !res.Built || len(res.Model.Workloads) != 1 {
		t.Fatalf("not built: %v", res.Problems)
	}
	w := res.Model.Workloads[0]
	at := func(r source.Range) string {
		return strings.TrimPrefix(r.Path(), dir+"/") + ":" + itoa(int(r.Start.Line)) + ":" + itoa(int(r.Start.Col)) + "-" + itoa(int(r.End.Line)) + ":" + itoa(int(r.End.Col))
	}
	if got := at(w.Replicas.Range); w.Replicas.Val != 5 || got != "prod/patch.yaml:7:3-7:14" {
		t.Errorf("replicas %d at %s, want 5 at the overlay patch's line", w.Replicas.Val, got)
	}
	if got := at(w.TemplateLabels.Range); got != "base/deploy.yaml:9:7-9:25" {
		t.Errorf("template labels at %s, want the base's", got)
	}
}

// A Component that no kustomization of the input lists cannot be built
// alone: that is a note, not a warning, and its resources are still read.
func TestLoneComponentIsANote(t *testing.T) {
	dir := write(t, map[string]string{
		"kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- extra.yaml\npatches:\n- path: patch.yaml\n",
		"extra.yaml":         baseDeploy,
		"patch.yaml":         "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frontend\nspec:\n  replicas: 3\n",
	})
	res := Build(dir)
	if res.Built {
		t.Fatal("the patch has no target: the Component cannot build alone")
	}
	if len(res.Problems) != 1 || res.Problems[0].Level != source.LevelNote || !strings.Contains(res.Problems[0].Message, "Component") {
		t.Errorf("want one note about the Component, got %v", res.Problems)
	}
}

// Patches chosen by a target: are located too: a strategic merge patch
// whose own name is a placeholder, and a JSON 6902 patch's operations.
func TestBuildLocatesTargetedPatches(t *testing.T) {
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources:\n- deploy.yaml\n",
		"base/deploy.yaml":        baseDeploy,
		"prod/kustomization.yaml": `resources:
- ../base
patches:
- path: host.yaml
  target: {kind: Deployment, name: "w.*"}
- path: replicas.yaml
  target: {kind: Deployment, name: web}
- path: other.yaml
  target: {kind: Deployment, name: other}
- path: selected.yaml
  target: {kind: Deployment, labelSelector: "tier in (front)"}
`,
		"prod/host.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: any
spec:
  template:
    spec:
      hostNetwork: true
`,
		"prod/replicas.yaml": `- op: replace
  path: /spec/replicas
  value: 4
- op: add
  path: /spec/template/spec/containers/0/securityContext
  value: {privileged: true}
`,
		"prod/other.yaml":    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  minReadySeconds: 5\n",
		"prod/selected.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  minReadySeconds: 5\n",
	})
	res := Build(dir + "/prod")
	if !res.Built || len(res.Model.Workloads) != 1 {
		t.Fatalf("not built: %v", res.Problems)
	}
	w := res.Model.Workloads[0]
	at := func(r source.Range) string {
		return strings.TrimPrefix(r.Path(), dir+"/") + ":" + itoa(int(r.Start.Line)) + ":" + itoa(int(r.Start.Col))
	}
	if got := at(w.HostNetwork.Range); !w.HostNetwork.Val || got != "prod/host.yaml:8:7" {
		t.Errorf("hostNetwork %v at %s, want true at the targeted patch's line", w.HostNetwork.Val, got)
	}
	if got := at(w.Replicas.Range); w.Replicas.Val != 4 || got != "prod/replicas.yaml:3:3" {
		t.Errorf("replicas %d at %s, want 4 at the JSON patch's value", w.Replicas.Val, got)
	}
	// The container was patched through a list index: located in the base.
	if web := w.Containers[0]; !web.Privileged.Val || !strings.HasPrefix(at(web.Privileged.Range), "base/deploy.yaml:") {
		t.Errorf("privileged %v at %s", web.Privileged.Val, at(web.Privileged.Range))
	}
}

// An image an images: entry rewrote is located at that entry, the last
// applied one; an image no entry touched stays at its manifest.
func TestBuildLocatesImagesEntries(t *testing.T) {
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources:\n- deploy.yaml\nimages:\n- name: nginx\n  newTag: \"1.26\"\n",
		"base/deploy.yaml":        baseDeploy,
		"prod/kustomization.yaml": "resources:\n- ../base\nimages:\n- name: nginx\n  newName: example.com/nginx\n  newTag: latest\n- name: redis\n  newTag: \"7\"\n",
	})
	res := Build(dir + "/prod")
	if !res.Built || len(res.Model.Workloads) != 1 {
		t.Fatalf("not built: %v", res.Problems)
	}
	at := func(r source.Range) string {
		return strings.TrimPrefix(r.Path(), dir+"/") + ":" + itoa(int(r.Start.Line)) + ":" + itoa(int(r.Start.Col))
	}
	web, side := res.Model.Workloads[0].Containers[0], res.Model.Workloads[0].Containers[1]
	if got := at(web.Image.Range); web.Image.Val != "example.com/nginx:latest" || got != "prod/kustomization.yaml:6:3" {
		t.Errorf("image %s at %s, want the overlay's newTag", web.Image.Val, got)
	}
	if got := at(side.Image.Range); side.Image.Val != "busybox:1.36" || got != "base/deploy.yaml:13:16" {
		t.Errorf("image %s at %s, want the base's", side.Image.Val, got)
	}
	var read []string
	for _, f := range res.Files {
		read = append(read, strings.TrimPrefix(f.Path, dir+"/"))
	}
	if strings.Join(read, ",") != "base/deploy.yaml,base/kustomization.yaml,prod/kustomization.yaml" {
		t.Errorf("files for suppression comments: %v", read)
	}
}

// An object a generator made is located at its generator entry, in the
// kustomization that declares it (a base's), never at line 0.
func TestBuildLocatesGeneratedObjects(t *testing.T) {
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources: []\nconfigMapGenerator:\n- name: other\n  literals: [a=b]\n- name: aws-auth\n  namespace: kube-system\n  files: [mapRoles=roles.yaml]\n  options: {disableNameSuffixHash: true}\n",
		"base/roles.yaml":         "- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [system:masters]\n",
		"prod/kustomization.yaml": "resources: [../base]\nsecretGenerator:\n- name: creds\n  literals: [password=x]\n",
	})
	res := Build(dir + "/prod")
	if !res.Built || len(res.Problems) != 0 {
		t.Fatalf("built %v, problems %v", res.Built, res.Problems)
	}
	if len(res.Model.Access.AuthMaps) != 1 || len(res.Model.Access.AuthMaps[0].Entries) != 1 {
		t.Fatalf("auth maps %+v", res.Model.Access.AuthMaps)
	}
	am := res.Model.Access.AuthMaps[0]
	want := dir + "/base/kustomization.yaml:5:3"
	if got := am.Range.String(); got != want {
		t.Errorf("aws-auth at %s, want its generator entry %s", got, want)
	}
	if got := am.Entries[0].Range; got.Path() != dir+"/base/kustomization.yaml" || got.Start.Line == 0 {
		t.Errorf("entry at %s", got)
	}
}

// The entries of a built aws-auth are located inside its mapRoles text,
// in the file that wrote it: the base, or the patch that replaced it.
func TestBuildLocatesAuthEntries(t *testing.T) {
	const auth = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/ops\n      groups: [system:masters]\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/ann\n      groups: [system:masters]\n"
	dir := write(t, map[string]string{
		"base/kustomization.yaml": "resources: [auth.yaml]\n",
		"base/auth.yaml":          auth,
		"prod/kustomization.yaml": "resources: [../base]\npatches: [{path: patch.yaml}]\n",
		"prod/patch.yaml":         "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapUsers: |\n    - userarn: arn:aws:iam::111122223333:user/bob\n      groups: [system:masters]\n",
	})
	res := Build(dir + "/prod")
	if !res.Built || len(res.Problems) != 0 || len(res.Model.Access.AuthMaps) != 1 {
		t.Fatalf("built %v, problems %v, maps %d", res.Built, res.Problems, len(res.Model.Access.AuthMaps))
	}
	var got []string
	for _, e := range res.Model.Access.AuthMaps[0].Entries {
		got = append(got, strconv.Itoa(int(e.Range.Start.Line))+":"+strconv.Itoa(int(e.Range.Start.Col))+" "+strings.TrimPrefix(e.Range.Path(), dir+"/")+" "+e.ARN.Val)
		if g := e.Groups.Val; len(g) != 1 || g[0].Range.Path() != e.Range.Path() || g[0].Range.Start.Line != e.Range.Start.Line+1 {
			t.Errorf("groups of %s at %+v", e.ARN.Val, g)
		}
	}
	want := "8:7 base/auth.yaml arn:aws:iam::111122223333:role/ops\n6:7 prod/patch.yaml arn:aws:iam::111122223333:user/bob"
	if strings.Join(got, "\n") != want {
		t.Errorf("entries at\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
