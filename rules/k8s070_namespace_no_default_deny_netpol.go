package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S070 flags namespaces with workloads but no default-deny NetworkPolicy.
var K8S070 = &linter.Rule{
	ID:       "EKS-K8S-070",
	Name:     "namespace-no-default-deny-netpol",
	Summary:  "A namespace with workloads has no default-deny NetworkPolicy",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "network"},
	Params: []linter.Param{
		{
			Name:    "egress",
			Kind:    linter.Bool,
			Default: false,
			Doc:     "also require a default-deny policy for egress",
		},
		{
			Name:    "exempt-namespaces",
			Kind:    linter.StringList,
			Default: []string{"kube-system"},
			Doc:     "namespaces (globs) that need no default-deny policy",
		},
	},
	Check: func(p *linter.Pass) {
		egress, exempt := p.Bool("egress"), newGlobs(p.Strings("exempt-namespaces"))
		others, clusterWide := otherPolicies(&p.Model.Kube)
		if clusterWide {
			return // a cluster-wide Calico, Cilium or admin policy may deny by default
		}
		policies := policiesByNamespace(&p.Model.Kube)
		seen := map[string]bool{}
		for _, w := range inOrder(p.Model.Workloads) {
			ns := w.Namespace
			if seen[ns] {
				continue
			}
			seen[ns] = true
			if others[ns] || exempt.match(ns) {
				continue
			}
			ingress, egressDenied, known := defaultDeny(policies[ns])
			if !known {
				continue
			}
			switch {
			case !ingress && egress && !egressDenied:
				p.Report(w, w.Range, "namespace %q has no default-deny NetworkPolicy for ingress or egress: every pod in it accepts traffic from, and sends traffic to, any pod in the cluster; add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules, then allow what each workload needs", ns)
			case !ingress:
				p.Report(w, w.Range, "namespace %q has no default-deny NetworkPolicy: every pod in it accepts traffic from any pod in the cluster, so one compromised pod can reach them all; add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress] and no ingress rules, then allow what each workload needs", ns)
			case egress && !egressDenied:
				p.Report(w, w.Range, "namespace %q has no default-deny NetworkPolicy for egress: its pods can open connections to anything; add a NetworkPolicy with podSelector: {}, policyTypes: [Egress] and no egress rules, then allow what each workload needs", ns)
			}
		}
	},
}

// defaultDeny reports whether a namespace's policies deny ingress and
// egress by default: a policy selecting every pod ({}) whose policyTypes
// hold the direction and that has no rule for it. known is false when a
// policy cannot be read, which could be the one that denies.
func defaultDeny(policies []*model.NetworkPolicy) (ingress, egress, known bool) {
	for _, np := range policies {
		if !np.PodSelector.Known() || !np.PolicyTypes.Known() || !np.IngressRules.Known() || !np.EgressRules.Known() {
			return false, false, false
		}
		if !selectsAll(np.PodSelector.Val) {
			continue
		}
		for _, t := range np.PolicyTypes.Val {
			if !t.Known() {
				return false, false, false
			}
			switch t.Val {
			case "Ingress":
				ingress = ingress || np.IngressRules.Val == 0
			case "Egress":
				egress = egress || np.EgressRules.Val == 0
			}
		}
	}
	return ingress, egress, true
}
