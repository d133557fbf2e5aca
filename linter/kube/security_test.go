package kube

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestHostNamespacesAndPaths(t *testing.T) {
	w := one(t, adaptClean(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  hostIPC: false
  containers:
    - name: app
  volumes:
    - name: logs
      hostPath: {path: /var/log}
    - name: tmp
      emptyDir: {}
`))
	if want := source.SetAt(true, span(5, 3, 5, 20)); w.HostNetwork != want {
		t.Errorf("hostNetwork = %+v, want %+v", w.HostNetwork, want)
	}
	if !w.HostIPC.IsSet() || w.HostIPC.Val {
		t.Errorf("hostIPC = %+v, want Set false", w.HostIPC)
	}
	if want := source.DefaultAt(false, w.PodSpec); w.HostPID != want {
		t.Errorf("hostPID = %+v, want Default false at the pod spec", w.HostPID)
	}
	if len(w.HostPaths) != 1 || w.HostPaths[0].Name != "logs" || w.HostPaths[0].Path != source.SetAt("/var/log", span(11, 24, 11, 32)) {
		t.Errorf("hostPaths = %+v", w.HostPaths)
	}
}

func TestSecurityContextPrecedenceInputs(t *testing.T) {
	w := one(t, adaptClean(t, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  annotations:
    container.apparmor.security.beta.kubernetes.io/outer: unconfined
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
        seLinuxOptions: {level: "s0:c1,c2"}
      containers:
        - name: app
          securityContext:
            privileged: true
            seccompProfile:
              type: Unconfined
            appArmorProfile: {type: Localhost}
        - name: plain
`))
	if got := w.PodSecurity.Seccomp; got != source.SetAt("RuntimeDefault", span(14, 32, 14, 46)) {
		t.Errorf("pod seccomp = %+v", got)
	}
	if !source.IsTrue(w.PodSecurity.SELinux.Present) || w.PodSecurity.SELinux.Level.Val != "s0:c1,c2" || w.PodSecurity.SELinux.Type.IsSet() {
		t.Errorf("pod seLinuxOptions = %+v", w.PodSecurity.SELinux)
	}
	// Only the pod template's annotations count, not the Deployment's.
	if len(w.AppArmorAnnotations) != 1 || w.AppArmorAnnotations["app"].Val != "unconfined" {
		t.Errorf("apparmor annotations = %+v", w.AppArmorAnnotations)
	}
	app, plain := w.Containers[0], w.Containers[1]
	if !source.IsTrue(app.Privileged) || app.Security.Seccomp.Val != "Unconfined" || app.Security.AppArmor.Val != "Localhost" {
		t.Errorf("app = %+v", app)
	}
	if !source.IsFalse(plain.Privileged) || !plain.Security.Seccomp.IsDefault() || plain.Security.Seccomp.Range != plain.Range {
		t.Errorf("plain: privileged %+v, seccomp %+v (want Default at the item %v)", plain.Privileged, plain.Security.Seccomp, plain.Range)
	}
}

func TestPodAnnotationsAndCronJob(t *testing.T) {
	m := adaptClean(t, `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
  containers:
    - name: app
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {container.apparmor.security.beta.kubernetes.io/task: unconfined}
        spec:
          containers:
            - name: task
`)
	if got := m.Workloads[0].AppArmorAnnotations["app"]; got.Val != "runtime/default" {
		t.Errorf("Pod annotation = %+v", got)
	}
	if got := m.Workloads[1].AppArmorAnnotations["task"]; got.Val != "unconfined" {
		t.Errorf("CronJob template annotation = %+v", got)
	}
}

// Values of the wrong shape are warned about and read as Unknown, so no
// rule fires on them.
func TestSecurityWrongShapes(t *testing.T) {
	m, problems := adapt(t, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostPID: "{{ .Values.hostPID }}"
  securityContext: [not, a, mapping]
  volumes:
    - name: v
      hostPath: /var/log
  containers:
    - name: a
      securityContext: "x"
    - name: b
      securityContext:
        privileged: "${PRIV}"
        seccompProfile: Unconfined
        seLinuxOptions: {type: [spc_t]}
`)
	w := one(t, m)
	if w.HostPID.Known() || w.PodSecurity.Seccomp.Known() || w.PodSecurity.AppArmor.Known() || w.PodSecurity.SELinux.Type.Known() {
		t.Errorf("pod values should be Unknown: %+v %+v", w.HostPID, w.PodSecurity)
	}
	if len(w.HostPaths) != 1 || w.HostPaths[0].Path.Known() {
		t.Errorf("hostPath of the wrong shape: %+v", w.HostPaths)
	}
	a, b := w.Containers[0], w.Containers[1]
	if a.Privileged.Known() || a.Security.Seccomp.Known() {
		t.Errorf("a: %+v", a)
	}
	if b.Privileged.Known() || b.Security.Seccomp.Known() || b.Security.SELinux.Type.Known() || !b.Security.AppArmor.IsDefault() {
		t.Errorf("b: %+v", b)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"hostPID should be true or false", "spec.securityContext should be a mapping", "hostPath should be a mapping", "container securityContext should be a mapping", "privileged should be true or false", "seccompProfile should be a mapping", "seLinuxOptions.type should be a string"} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}
}
