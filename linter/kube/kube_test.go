package kube

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

func adapt(t *testing.T, src string) (*model.Model, []source.Problem) {
	t.Helper()
	docs, _, problems := yamldoc.Decode("k.yaml", []byte(src))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	m := &model.Model{}
	var all []source.Problem
	for _, d := range docs {
		dm, ps := Adapt(d)
		m.Merge(dm)
		all = append(all, ps...)
	}
	return m, all
}

const containers = `
      containers:
        - name: app
          image: nginx:1.27`

func TestPodSpecPaths(t *testing.T) {
	tests := []struct {
		kind, body  string
		longRunning bool
	}{
		{"Pod", "spec:\n  containers:\n    - name: app\n      image: nginx", true},
		{"Deployment", "spec:\n  template:\n    spec:" + containers, true},
		{"StatefulSet", "spec:\n  template:\n    spec:" + containers, true},
		{"DaemonSet", "spec:\n  template:\n    spec:" + containers, true},
		{"ReplicaSet", "spec:\n  template:\n    spec:" + containers, true},
		{"ReplicationController", "spec:\n  template:\n    spec:" + containers, true},
		{"Job", "spec:\n  template:\n    spec:" + containers, false},
		{"CronJob", "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: app\n              image: x", false},
		{"PodTemplate", "template:\n  spec:\n    containers:\n      - name: app\n        image: x", true},
		{"Rollout", "spec:\n  template:\n    spec:" + containers, true},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			m, problems := adapt(t, "apiVersion: x/v1\nkind: "+tt.kind+"\nmetadata:\n  name: w\n"+tt.body+"\n")
			if len(problems) != 0 || len(m.Workloads) != 1 {
				t.Fatalf("workloads %d, problems %v", len(m.Workloads), problems)
			}
			w := m.Workloads[0]
			if w.LongRunning != tt.longRunning || len(w.Containers) != 1 || w.Containers[0].Name != "app" {
				t.Errorf("%+v", w)
			}
			if w.Address != tt.kind+"/default/w" {
				t.Errorf("address %q", w.Address)
			}
		})
	}
	m, _ := adapt(t, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  template:\n    spec: {}\n")
	if len(m.Workloads) != 0 {
		t.Error("a kind without containers in its template is not a workload")
	}
}

func TestListMultiDocAndPositions(t *testing.T) {
	m, _ := adapt(t, `apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: p
      namespace: shop
      annotations:
        ekslint.io/ignore: "EKS-K8S-010 -- batch"
    spec:
      restartPolicy: Never
      initContainers:
        - name: sidecar
          image: envoy
          restartPolicy: Always
      containers:
        - name: app
          image: app:1
          livenessProbe:
            exec: {command: [true]}
          resources:
            limits:
              cpu: 1
      ephemeralContainers:
        - name: debug
          image: busybox
`)
	if len(m.Workloads) != 1 {
		t.Fatalf("workloads %d", len(m.Workloads))
	}
	w := m.Workloads[0]
	if w.Address != "Pod/shop/p" || w.Range.Start.Line != 8 || w.Range.Start.Col != 5 || w.LongRunning {
		t.Errorf("workload %+v", w.Object)
	}
	if !w.Ignore.IsSet() || w.Ignore.Val != "EKS-K8S-010 -- batch" || w.Ignore.Range.Start.Line != 14 {
		t.Errorf("ignore %+v", w.Ignore)
	}
	if len(w.Containers) != 3 {
		t.Fatalf("containers %d", len(w.Containers))
	}
	side, app, debug := w.Containers[0], w.Containers[1], w.Containers[2]
	if side.Kind != model.Init || !side.Sidecar || debug.Kind != model.Ephemeral || app.Kind != model.App {
		t.Errorf("kinds %v %v %v", side.Kind, app.Kind, debug.Kind)
	}
	if app.Range.Start != (source.Pos{Line: 22, Col: 11}) {
		t.Errorf("item range %+v", app.Range)
	}
	if !source.IsTrue(app.LivenessProbe) || app.LivenessProbe.Range.Start.Line != 24 {
		t.Errorf("liveness %+v", app.LivenessProbe)
	}
	if !app.ReadinessProbe.IsDefault() || app.ReadinessProbe.Range.Start.Line != 22 {
		t.Errorf("readiness %+v", app.ReadinessProbe)
	}
	if app.CPULimit.Val != "1" || app.CPULimit.Range.Start.Line != 28 {
		t.Errorf("cpu limit %+v", app.CPULimit)
	}
	if !app.CPURequest.IsDefault() || app.CPURequest.Range.Start.Line != 26 {
		t.Errorf("a missing request points at resources when there is no requests key: %+v", app.CPURequest)
	}
	if !app.MemoryLimit.IsDefault() || app.MemoryLimit.Range.Start.Line != 27 {
		t.Errorf("a missing limit points at limits: %+v", app.MemoryLimit)
	}
	if !side.CPURequest.IsDefault() || side.CPURequest.Range.Start.Line != 18 {
		t.Errorf("no resources: at the item: %+v", side.CPURequest)
	}
}

func TestJSONManifest(t *testing.T) {
	m, _ := adapt(t, `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},
 "spec": {"containers": [
   {"name": "app", "image": "x", "resources": {"requests": {"cpu": "1"}}}
 ]}}`)
	c := m.Workloads[0].Containers[0]
	if c.Range.Start != (source.Pos{Line: 3, Col: 4}) || c.CPURequest.Val != "1" || c.CPURequest.Range.Start.Line != 3 {
		t.Errorf("%+v %+v", c.Range, c.CPURequest)
	}
}

func TestWrongShapes(t *testing.T) {
	m, problems := adapt(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - just-a-string
    - name: ok
      resources:
        requests: 5
`)
	if len(m.Workloads) != 1 || len(m.Workloads[0].Containers) != 1 {
		t.Fatalf("the valid container must still be read: %+v", m.Workloads)
	}
	if m.Workloads[0].Containers[0].CPURequest.Known() {
		t.Error("requests that are not a mapping are unknown")
	}
	if len(problems) != 2 || problems[0].Range.Start.Line != 6 || problems[1].Range.Start.Line != 9 {
		t.Errorf("problems %v", problems)
	}
}

// TestCorpus reads every manifest of the Kubernetes examples.
func TestCorpus(t *testing.T) {
	root := "../../../shared/corpora/kubernetes-examples"
	if _, err := os.Stat(root); err != nil {
		t.Skip("corpus not present")
	}
	var workloads, containers, files int
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return err
		}
		files++
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		docs, _, _ := yamldoc.Decode(p, src)
		for _, d := range docs {
			if av, k := d.APIVersionKind(); av == "" || k == "" {
				continue
			}
			m, ps := Adapt(d)
			for _, pr := range ps {
				if pr.Level == source.LevelError {
					t.Errorf("%s", pr)
				}
			}
			workloads += len(m.Workloads)
			for _, w := range m.Workloads {
				containers += len(w.Containers)
			}
		}
		return nil
	})
	if files < 100 || workloads < 100 || containers < workloads {
		t.Errorf("read %d files, %d workloads, %d containers: fewer than expected", files, workloads, containers)
	}
}
