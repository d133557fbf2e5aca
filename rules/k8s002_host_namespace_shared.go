package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S002 flags pods that share the node's network, PID or IPC namespace.
var K8S002 = &linter.Rule{
	ID:       "EKS-K8S-002",
	Name:     "host-namespace-shared",
	Summary:  "A pod shares the node's network, PID or IPC namespace",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Params: []linter.Param{{
		Name: "exempt",
		Kind: linter.StringList,
		Default: []string{
			"kube-system/aws-node",
			"kube-system/kube-proxy",
			"kube-system/ebs-csi-node",
			"kube-system/efs-csi-node",
			"kube-system/eks-pod-identity-agent",
		},
		Doc: `workloads allowed to share host namespaces, as "namespace/name" globs`,
	}},
	Check: func(p *linter.Pass) {
		exempt := newGlobs(p.Strings("exempt"))
		for _, w := range p.Model.Workloads {
			if workloadExempt(w, exempt) {
				continue
			}
			for _, ns := range []struct {
				key  string
				v    source.Value[bool]
				what string
			}{
				{"hostNetwork", w.HostNetwork, "the node's network: it can bind node ports, reach services on localhost and the instance metadata endpoint, and bypasses NetworkPolicies"},
				{"hostPID", w.HostPID, "the node's process namespace: it can see, signal and inspect every process on the node"},
				{"hostIPC", w.HostIPC, "the node's IPC namespace: it can read shared memory of other processes on the node"},
			} {
				if source.IsTrue(ns.v) {
					p.Report(w, ns.v.Range, "%s: true shares %s; remove it (or exempt this workload in the rule's exempt parameter if it is a node agent)", ns.key, ns.what).In(ns.key)
				}
			}
		}
	},
}

// workloadExempt reports whether w's "namespace/name" matches one of the
// glob patterns.
func workloadExempt(w *model.Workload, patterns globSet) bool {
	return patterns.match(w.Namespace + "/" + w.Name)
}
