package kube

import (
	"fmt"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func TestPodSpecPathPerKind(t *testing.T) {
	const header = "apiVersion: %s\nkind: %s\nmetadata:\n  name: w\n"
	// templated is the body of every kind with spec.template.spec:
	// the pod spec key is at line 7, column 5.
	const templated = `spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`
	tests := []struct {
		apiVersion, kind, body string
		podSpec                source.Range
	}{
		{"v1", "Pod", "spec:\n  containers:\n    - name: app\n      image: nginx\n", span(5, 1, 5, 5)},
		{"apps/v1", "Deployment", templated, span(7, 5, 7, 9)},
		{"apps/v1", "StatefulSet", templated, span(7, 5, 7, 9)},
		{"apps/v1", "ReplicaSet", templated, span(7, 5, 7, 9)},
		{"v1", "ReplicationController", templated, span(7, 5, 7, 9)},
		{"apps/v1", "DaemonSet", templated, span(7, 5, 7, 9)},
		{"batch/v1", "Job", templated, span(7, 5, 7, 9)},
		{"batch/v1", "CronJob", `spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: app
`, span(10, 9, 10, 13)},
		{"v1", "PodTemplate", "template:\n  spec:\n    containers:\n      - name: app\n", span(6, 3, 6, 7)},
		{"argoproj.io/v1alpha1", "Rollout", templated, span(7, 5, 7, 9)},
		{"serving.knative.dev/v1", "Service", templated, span(7, 5, 7, 9)},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			w := one(t, adaptClean(t, fmt.Sprintf(header, tt.apiVersion, tt.kind)+tt.body))
			if w.PodSpec != tt.podSpec {
				t.Errorf("PodSpec = %+v, want %+v", w.PodSpec, tt.podSpec)
			}
			if w.Kind != tt.kind || w.Address != tt.kind+"/default/w" || w.Name != "w" || w.Namespace != "default" {
				t.Errorf("object %+v name %q namespace %q", w.Object, w.Name, w.Namespace)
			}
			if w.Format != model.Kubernetes || w.Range != span(1, 1, 1, 11) {
				t.Errorf("format %v range %+v", w.Format, w.Range)
			}
			if len(w.Containers) != 1 || w.Containers[0].Name != "app" || w.Containers[0].Kind != model.App {
				t.Errorf("containers %+v", w.Containers)
			}
		})
	}
}

func TestNotWorkloads(t *testing.T) {
	tests := map[string]string{
		"Service":   "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n",
		"ConfigMap": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n",
		"Namespace": "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n",
		"CRD": `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: rollouts.argoproj.io}
spec:
  group: argoproj.io
  versions: [{name: v1alpha1, served: true, storage: true}]
`,
		"Kustomization":             "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\n",
		"patch setting replicas":    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n",
		"null pod spec":             "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n",
		"custom without containers": "apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  template:\n    spec: {replicas: 2}\n",
		"custom of another shape":   "apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  template: [a, b]\n",
		"custom spec a string":      "apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\nspec: hello\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if m := adaptClean(t, src); len(m.Workloads) != 0 {
				t.Errorf("got %d workloads, want none", len(m.Workloads))
			}
		})
	}
}

func TestLongRunning(t *testing.T) {
	pod := func(policy string) string {
		return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  " + policy + "\n  containers: [{name: c}]\n"
	}
	templated := func(kind, policy string) string {
		return "apiVersion: x/v1\nkind: " + kind + "\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n      " + policy + "\n      containers: [{name: c}]\n"
	}
	tests := []struct {
		name, src string
		want      bool
	}{
		{"Pod without restartPolicy", pod("hostNetwork: false"), true},
		{"Pod Always", pod("restartPolicy: Always"), true},
		{"Pod Never", pod("restartPolicy: Never"), false},
		{"Pod OnFailure", pod("restartPolicy: OnFailure"), false},
		{"Deployment", templated("Deployment", "hostNetwork: false"), true},
		{"DaemonSet", templated("DaemonSet", "hostNetwork: false"), true},
		{"StatefulSet", templated("StatefulSet", "hostNetwork: false"), true},
		{"Job", templated("Job", "restartPolicy: Never"), false},
		{"Job restarting", templated("Job", "restartPolicy: OnFailure"), false},
		{"custom resource", templated("Rollout", "restartPolicy: Always"), true},
		{"CronJob", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c}]\n", false},
		{"PodTemplate", "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n    restartPolicy: Never\n    containers: [{name: c}]\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := one(t, adaptClean(t, tt.src)).LongRunning; got != tt.want {
				t.Errorf("LongRunning = %v, want %v", got, tt.want)
			}
		})
	}
}
