package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S071 flags workloads whose pods no NetworkPolicy selects.
var K8S071 = &linter.Rule{
	ID:       "EKS-K8S-071",
	Name:     "workload-not-covered-by-netpol",
	Summary:  "No NetworkPolicy in the namespace selects the workload's pods",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "network"},
	Params: []linter.Param{{
		Name:    "exempt",
		Kind:    linter.StringList,
		Default: []string{"kube-system/*"},
		Doc:     `workloads that need no NetworkPolicy, as "namespace/name" globs ("kube-system/*": a whole namespace)`,
	}},
	Check: func(p *linter.Pass) {
		exempt := p.Strings("exempt")
		others, clusterWide := otherPolicies(&p.Model.Kube)
		if clusterWide {
			return
		}
		policies := policiesByNamespace(&p.Model.Kube)
		for _, w := range p.Model.Workloads {
			if workloadExempt(w, exempt) || others[w.Namespace] || !w.TemplateLabels.Known() {
				continue
			}
			if !source.IsFalse(w.HostNetwork) {
				continue // NetworkPolicies do not apply to pods on the node's network (EKS-K8S-002)
			}
			if covered(policies[w.Namespace], w.TemplateLabels.Val) {
				continue
			}
			at := w.TemplateLabels.Range
			if n := len(policies[w.Namespace]); n == 0 {
				p.Report(w, at, "namespace %q has no NetworkPolicy, so nothing restricts traffic to or from these pods; add a NetworkPolicy whose podSelector matches the pod labels and allows only the traffic they need", w.Namespace)
			} else {
				p.Report(w, at, "no NetworkPolicy of namespace %q (it has %d) has a podSelector that matches the pod labels, so nothing restricts traffic to or from these pods; add one that allows only the traffic they need", w.Namespace, n)
			}
		}
	},
}

// covered reports whether one of the policies selects pods with labels; a
// policy whose selector cannot be read counts as selecting them.
func covered(policies []*model.NetworkPolicy, labels map[string]string) bool {
	for _, np := range policies {
		if !np.PodSelector.Known() || selectorMatches(np.PodSelector.Val, labels) {
			return true
		}
	}
	return false
}
