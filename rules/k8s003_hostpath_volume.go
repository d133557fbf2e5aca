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
					p.ReportSeverity(linter.High, w, at, "volume %q mounts the node's %s, a sensitive path (system configuration, kernel interfaces, the kubelet's state or the container runtime) whose mount can give control of the node; use a PVC, CSI or emptyDir volume instead", v.Name, v.Path.Val).In("volumes[" + v.Name + "]")
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
// state and the container runtime's sockets. /var/run is a link to /run.
var sensitivePaths = map[string]bool{
	"/": true, "/etc": true, "/proc": true, "/sys": true, "/root": true,
	"/var/lib/kubelet":     true,
	"/var/run/docker.sock": true, "/run/docker.sock": true,
	"/run/containerd/containerd.sock": true, "/var/run/containerd": true, "/run/containerd": true,
}

// sensitiveTrees are the sensitive paths whose every subpath is sensitive
// too: other pods' volumes and tokens, the runtime's state, the kernel's
// process interfaces, root's credentials. Subpaths of /etc and /sys are
// not (a read-only /etc/ssl/certs or /sys/fs/cgroup is common and harmless).
var sensitiveTrees = []string{"/var/lib/kubelet", "/var/run/containerd", "/run/containerd", "/proc", "/root"}

// sensitiveHostPath: one of sensitivePaths, or a path inside one of
// sensitiveTrees.
func sensitiveHostPath(p string) bool {
	p = path.Clean("/" + p)
	if sensitivePaths[p] {
		return true
	}
	for _, s := range sensitiveTrees {
		if strings.HasPrefix(p, s+"/") {
			return true
		}
	}
	return false
}
