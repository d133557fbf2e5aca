package kube

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// podWith is a Pod whose only container's first key is at line 6, column 7.
func podWith(container string) string {
	return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - " + container
}

func TestResourceDefaults(t *testing.T) {
	type quantities struct{ cpuReq, memReq, cpuLim, memLim source.Value[string] }
	tests := []struct {
		name, container string
		want            quantities
	}{
		{"no resources", `name: app
      image: x
`, quantities{
			source.DefaultAt("", span(6, 7, 7, 15)), source.DefaultAt("", span(6, 7, 7, 15)),
			source.DefaultAt("", span(6, 7, 7, 15)), source.DefaultAt("", span(6, 7, 7, 15)),
		}},
		{"only resources:", `name: app
      resources:
`, quantities{
			source.DefaultAt("", span(7, 7, 7, 16)), source.DefaultAt("", span(7, 7, 7, 16)),
			source.DefaultAt("", span(7, 7, 7, 16)), source.DefaultAt("", span(7, 7, 7, 16)),
		}},
		{"empty resources", `name: app
      resources: {}
`, quantities{
			source.DefaultAt("", span(7, 7, 7, 16)), source.DefaultAt("", span(7, 7, 7, 16)),
			source.DefaultAt("", span(7, 7, 7, 16)), source.DefaultAt("", span(7, 7, 7, 16)),
		}},
		{"only limits, a number", `name: app
      resources:
        limits:
          cpu: 1
`, quantities{
			source.DefaultAt("", span(7, 7, 7, 16)), source.DefaultAt("", span(7, 7, 7, 16)),
			source.SetAt("1", span(9, 11, 9, 17)), source.DefaultAt("", span(8, 9, 8, 15)),
		}},
		{"null requests, quoted limit", `name: app
      resources:
        requests:
        limits: {memory: "1Gi"}
`, quantities{
			source.DefaultAt("", span(8, 9, 8, 17)), source.DefaultAt("", span(8, 9, 8, 17)),
			source.DefaultAt("", span(9, 9, 9, 15)), source.SetAt("1Gi", span(9, 18, 9, 31)),
		}},
		{"everything", `name: app
      resources:
        requests: {cpu: 0.5, memory: 512Mi}
        limits: {cpu: 500m, memory: null}
`, quantities{
			source.SetAt("0.5", span(8, 20, 8, 28)), source.SetAt("512Mi", span(8, 30, 8, 43)),
			source.SetAt("500m", span(9, 18, 9, 27)), source.DefaultAt("", span(9, 9, 9, 15)),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := one(t, adaptClean(t, podWith(tt.container))).Containers[0]
			got := quantities{c.CPURequest, c.MemoryRequest, c.CPULimit, c.MemoryLimit}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestImageAndProbes(t *testing.T) {
	tests := []struct {
		name, container     string
		image               source.Value[string]
		liveness, readiness source.Value[bool]
	}{
		{"none", "name: app\n",
			source.DefaultAt("", span(6, 7, 6, 16)),
			source.DefaultAt(false, span(6, 7, 6, 16)), source.DefaultAt(false, span(6, 7, 6, 16))},
		{"quoted image, both probes", `name: app
      image: "nginx:1.27"
      livenessProbe:
        httpGet: {path: /, port: 80}
      readinessProbe: {tcpSocket: {port: 80}}
`, source.SetAt("nginx:1.27", span(7, 14, 7, 26)),
			source.SetAt(true, span(8, 7, 8, 20)), source.SetAt(true, span(10, 7, 10, 21))},
		{"null image and probe", `name: app
      image: null
      readinessProbe: ~
`, source.DefaultAt("", span(6, 7, 8, 24)),
			source.DefaultAt(false, span(6, 7, 8, 24)), source.DefaultAt(false, span(6, 7, 8, 24))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := one(t, adaptClean(t, podWith(tt.container))).Containers[0]
			if c.Image != tt.image {
				t.Errorf("image %+v, want %+v", c.Image, tt.image)
			}
			if c.LivenessProbe != tt.liveness || c.ReadinessProbe != tt.readiness {
				t.Errorf("probes %+v %+v, want %+v %+v", c.LivenessProbe, c.ReadinessProbe, tt.liveness, tt.readiness)
			}
		})
	}
}

func TestContainerKindsAndSidecars(t *testing.T) {
	w := one(t, adaptClean(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      restartPolicy: Always
  initContainers:
    - name: migrate
    - name: proxy
      restartPolicy: Always
    - name: retry
      restartPolicy: OnFailure
  ephemeralContainers:
    - name: debug
`))
	type got struct {
		name    string
		kind    model.ContainerKind
		sidecar bool
		line    int
	}
	want := []got{
		{"migrate", model.Init, false, 9},
		{"proxy", model.Init, true, 10},
		{"retry", model.Init, false, 12},
		{"app", model.App, false, 6},
		{"debug", model.Ephemeral, false, 15},
	}
	if len(w.Containers) != len(want) {
		t.Fatalf("containers %d, want %d", len(w.Containers), len(want))
	}
	for i, c := range w.Containers {
		if g := (got{c.Name, c.Kind, c.Sidecar, int(c.Range.Start.Line)}); g != want[i] {
			t.Errorf("container %d: %+v, want %+v", i, g, want[i])
		}
	}
}

func TestIgnoreAnnotation(t *testing.T) {
	const body = "spec:\n  template:\n    spec:\n      containers: [{name: c}]\n"
	tests := []struct {
		name, metadata string
		want           source.Value[string]
	}{
		{"set", `metadata:
  name: web
  annotations:
    ekslint.io/ignore: "EKS-K8S-010 -- batch"
`, source.SetAt("EKS-K8S-010 -- batch", span(6, 24, 6, 46))},
		{"plain scalar", `metadata:
  annotations: {other: x, ekslint.io/ignore: EKS-K8S-050 -- pinned by digest elsewhere}
`, source.SetAt("EKS-K8S-050 -- pinned by digest elsewhere", span(4, 46, 4, 87))},
		{"absent", "metadata:\n  annotations: {other: x}\n", source.Value[string]{}},
		{"no annotations", "metadata: {name: web}\n", source.Value[string]{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := one(t, adaptClean(t, "apiVersion: apps/v1\nkind: Deployment\n"+tt.metadata+body))
			if w.Ignore != tt.want {
				t.Errorf("ignore %+v, want %+v", w.Ignore, tt.want)
			}
		})
	}
}

func TestGenerateNameInAddress(t *testing.T) {
	w := one(t, adaptClean(t, "apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: backup-, namespace: ops}\nspec: {template: {spec: {containers: [{name: c}]}}}\n"))
	if w.Address != "Job/ops/backup-" || w.Name != "" || w.Namespace != "ops" {
		t.Errorf("address %q name %q namespace %q", w.Address, w.Name, w.Namespace)
	}
}
