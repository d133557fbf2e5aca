package rules

import (
	"fmt"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S040 flags pods that get a service account token mounted: the pod says
// so, or leaves it to a ServiceAccount that does not turn it off (or that
// is not in the input, whose default is to mount).
var K8S040 = &linter.Rule{
	ID:       "EKS-K8S-040",
	Name:     "sa-token-automount",
	Summary:  "A pod mounts its service account token (automountServiceAccountToken is not false on the pod or its ServiceAccount)",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Params: []linter.Param{{
		Name:    "exempt",
		Kind:    linter.StringList,
		Default: []string{"kube-system/*"},
		Doc:     `workloads allowed to mount a token, as "namespace/name" globs ("kube-system/*": a whole namespace)`,
	}},
	Check: func(p *linter.Pass) {
		exempt := newGlobs(p.Strings("exempt"))
		accounts := map[[2]string][]*model.ServiceAccount{}
		for _, sa := range p.Model.Kube.ServiceAccounts {
			k := [2]string{sa.Namespace, sa.Name}
			accounts[k] = append(accounts[k], sa)
		}
		bound := boundAccounts(p.Model.Kube.Bindings)
		for _, w := range p.Model.Workloads {
			if workloadExempt(w, exempt) {
				continue
			}
			if w.ServiceAccountName.Known() && bound[[2]string{w.Namespace, w.ServiceAccountName.Val}] {
				continue // RBAC in the input grants the account rights: the pod calls the API
			}
			pod := w.AutomountToken
			switch {
			case !pod.Known() || source.IsFalse(pod):
				continue
			case pod.IsSet():
				p.Report(w, pod.Range, "automountServiceAccountToken: true mounts a token of %s into every container: anyone who gets code execution in the pod can call the Kubernetes API as it; set it to false unless the pod calls the API", accountName(w.ServiceAccountName))
				continue
			}
			sa := w.ServiceAccountName
			if !sa.Known() {
				continue
			}
			found := accounts[[2]string{w.Namespace, sa.Val}]
			if len(found) == 0 {
				p.Report(w, w.PodSpec, "the pod does not set automountServiceAccountToken and ServiceAccount %q of namespace %q is not in the input, so the token is mounted by default: anyone who gets code execution in the pod can call the Kubernetes API as it; set automountServiceAccountToken: false on the pod or the ServiceAccount unless the pod calls the API", sa.Val, w.Namespace)
				continue
			}
			mounts, at := true, found[0]
			for _, a := range found {
				if !source.IsTrue(a.Automount) {
					mounts = false // off, or unknown: stay silent
				}
			}
			if !mounts {
				continue
			}
			p.Report(w, w.PodSpec, "the pod does not set automountServiceAccountToken and ServiceAccount %q %s, so the token is mounted: anyone who gets code execution in the pod can call the Kubernetes API as it; set automountServiceAccountToken: false on the pod or the ServiceAccount unless the pod calls the API", sa.Val, saHow(at)).
				Also(at.Automount.Range, "ServiceAccount %s", at.Address)
		}
	},
}

// accountName names a pod's ServiceAccount for messages, when known.
func accountName(sa source.Value[string]) string {
	if !sa.Known() {
		return "the pod's ServiceAccount"
	}
	return fmt.Sprintf("ServiceAccount %q", sa.Val)
}

// saHow says how a ServiceAccount mounts tokens, for messages.
func saHow(sa *model.ServiceAccount) string {
	if sa.Automount.IsSet() {
		return "sets it to true"
	}
	return "does not set it to false"
}

// boundAccounts returns the ServiceAccounts (namespace, name) that a
// RoleBinding or ClusterRoleBinding of the input names as a subject.
func boundAccounts(bindings []*model.RBACBinding) map[[2]string]bool {
	out := map[[2]string]bool{}
	for _, b := range bindings {
		for _, s := range b.Subjects {
			if !s.Kind.Known() || s.Kind.Val != "ServiceAccount" || !s.Name.Known() {
				continue
			}
			ns := b.Namespace
			if s.Namespace.Known() && s.Namespace.Val != "" {
				ns = s.Namespace.Val
			}
			out[[2]string{ns, s.Name.Val}] = true
		}
	}
	return out
}
