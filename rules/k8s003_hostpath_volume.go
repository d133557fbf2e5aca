package rules

import (
	"path"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S003 flags hostPath volumes, high for sensitive node paths.
var K8S003 = &linter.Rule{
	ID:       "EKS-K8S-003",
	Name:     "hostpath-volume",
	Summary:  "A pod mounts a directory of the node (hostPath volume)",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Check: func(p *linter.Pass) {
		for _, w := range p.Model.Workloads {
			for _, v := range w.HostPaths {
				at := v.Range
				if v.Path.IsSet() {
					at = v.Path.Range
				}
				if v.Path.IsSet() && sensitiveHostPath(v.Path.Val) {
					p.ReportSeverity(linter.High, w, at, "volume %q mounts the node's %s, which gives control of the node (credentials, the kubelet or the container runtime); use a PVC, CSI or emptyDir volume instead", v.Name, v.Path.Val).In("volumes[" + v.Name + "]")
					continue
				}
				shown := "a node directory"
				if v.Path.IsSet() {
					shown = "the node's " + v.Path.Val
				}
				p.Report(w, at, "volume %q mounts %s (hostPath), which ties the pod to one node and exposes the node's files; use a PVC, CSI or emptyDir volume, or mount it readOnly if it is unavoidable", v.Name, shown).In("volumes[" + v.Name + "]")
			}
		}
	},
}

// sensitivePaths are node paths whose mount gives control of the node:
// system configuration and kernel interfaces, root's home, the kubelet's
// state and the container runtime's sockets.
var sensitivePaths = []string{
	"/etc", "/proc", "/sys", "/root", "/var/lib/kubelet",
	"/var/run/docker.sock", "/run/docker.sock",
	"/run/containerd/containerd.sock", "/var/run/containerd", "/run/containerd",
}

// sensitiveHostPath: the root itself, or one of sensitivePaths or a path
// inside it.
func sensitiveHostPath(p string) bool {
	p = path.Clean("/" + p)
	if p == "/" {
		return true
	}
	for _, s := range sensitivePaths {
		if p == s || strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}
