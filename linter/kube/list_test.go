package kube

import (
	"fmt"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestList(t *testing.T) {
	m := adaptClean(t, `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: a, namespace: shop}
    spec:
      template:
        spec:
          containers: [{name: app, image: a}]
  - apiVersion: v1
    kind: Service
    metadata: {name: s}
  - kind: Pod
    metadata: {name: p}
    spec: {containers: [{name: c}]}
`)
	if len(m.Workloads) != 2 {
		t.Fatalf("workloads %d, want 2", len(m.Workloads))
	}
	d, p := m.Workloads[0], m.Workloads[1]
	if d.Address != "Deployment/shop/a" || d.Range != span(4, 5, 4, 15) || d.PodSpec != span(9, 9, 9, 13) {
		t.Errorf("deployment %+v podSpec %+v", d.Object, d.PodSpec)
	}
	if p.Address != "Pod/default/p" || p.Range != span(14, 5, 14, 9) || p.PodSpec != span(16, 5, 16, 9) {
		t.Errorf("pod %+v podSpec %+v", p.Object, p.PodSpec)
	}
}

func TestTypedListAndNesting(t *testing.T) {
	tests := []struct {
		name, src string
		addresses []string
	}{
		{"typed list whose items have no kind", `apiVersion: apps/v1
kind: DeploymentList
items:
  - metadata: {name: a}
    spec: {template: {spec: {containers: [{name: app}]}}}
  - metadata: {name: b}
    spec: {template: {spec: {containers: [{name: app}]}}}
`, []string{"Deployment/default/a", "Deployment/default/b"}},
		{"list in a list", `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: List
    items:
      - {apiVersion: v1, kind: Pod, metadata: {name: inner}, spec: {containers: [{name: c}]}}
`, []string{"Pod/default/inner"}},
		{"empty list", "apiVersion: v1\nkind: List\nitems: []\n", nil},
		{"null items", "apiVersion: v1\nkind: List\nitems:\n", nil},
		{"a custom kind named like a list", `apiVersion: x.io/v1
kind: AllowList
metadata: {name: al}
items: {a: b}
spec: {template: {spec: {containers: [{name: c}]}}}
`, []string{"AllowList/default/al"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := adaptClean(t, tt.src)
			var got []string
			for _, w := range m.Workloads {
				got = append(got, w.Address)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.addresses) {
				t.Errorf("got %v, want %v", got, tt.addresses)
			}
		})
	}
}

func TestMultiDocumentLines(t *testing.T) {
	m := adaptClean(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
# the pod
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: x
`)
	w := one(t, m)
	if w.Range != span(6, 1, 6, 11) || w.PodSpec != span(9, 1, 9, 5) {
		t.Errorf("range %+v podSpec %+v", w.Range, w.PodSpec)
	}
	c := w.Containers[0]
	if c.Range != span(11, 7, 12, 15) || c.Image != source.SetAt("x", span(12, 14, 12, 15)) {
		t.Errorf("container %+v image %+v", c.Range, c.Image)
	}
}

func TestJSONManifest(t *testing.T) {
	m := adaptClean(t, `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j", "namespace": "ns"},
 "spec": {"containers": [
   {"name": "app", "image": "x", "resources": {"requests": {"cpu": "1"}}}
 ]}}`)
	w := one(t, m)
	if w.Address != "Pod/ns/j" || w.Range != span(1, 2, 1, 14) || w.PodSpec != span(2, 2, 2, 8) {
		t.Errorf("workload %+v podSpec %+v", w.Object, w.PodSpec)
	}
	c := w.Containers[0]
	if c.Range != span(3, 4, 3, 74) {
		t.Errorf("container range %+v", c.Range)
	}
	if c.CPURequest != source.SetAt("1", span(3, 61, 3, 71)) {
		t.Errorf("cpu request %+v", c.CPURequest)
	}
	if want := source.DefaultAt("", span(3, 48, 3, 58)); c.MemoryRequest != want {
		t.Errorf("memory request %+v, want %+v", c.MemoryRequest, want)
	}
	if c.Image != source.SetAt("x", span(3, 29, 3, 32)) {
		t.Errorf("image %+v", c.Image)
	}
}
