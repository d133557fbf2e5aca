package rules

import (
	"maps"
	"slices"

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
		exempt := newGlobs(p.Strings("exempt"))
		others, clusterWide := otherPolicies(&p.Model.Kube)
		if clusterWide {
			return
		}
		policies := policiesByNamespace(&p.Model.Kube)
		indexes := map[string]*policyIndex{}
		for _, w := range p.Model.Workloads {
			if workloadExempt(w, exempt) || others[w.Namespace] || !w.TemplateLabels.Known() {
				continue
			}
			if !source.IsFalse(w.HostNetwork) {
				continue // NetworkPolicies do not apply to pods on the node's network (EKS-K8S-002)
			}
			idx := indexes[w.Namespace]
			if idx == nil {
				idx = indexPolicies(policies[w.Namespace])
				indexes[w.Namespace] = idx
			}
			if idx.covers(w.TemplateLabels.Val) {
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

// policyIndex holds one namespace's NetworkPolicies so that the ones that
// may select a pod are found from its labels: checking every policy for
// every workload is quadratic, minutes for a namespace of 10,000 of each.
type policyIndex struct {
	// all: a policy selects every pod, or has a selector that cannot be
	// read (which counts as selecting them).
	all bool
	// byLabel holds each policy with matchLabels under one of its pairs
	// (the first key): a pod it selects has that label. byKey holds each
	// other policy that requires a label key (In, Exists) under that key.
	byLabel map[[2]string][]*model.NetworkPolicy
	byKey   map[string][]*model.NetworkPolicy
	// rest require no label (only NotIn and DoesNotExist).
	rest []*model.NetworkPolicy
}

func indexPolicies(policies []*model.NetworkPolicy) *policyIndex {
	idx := &policyIndex{}
	for _, np := range policies {
		sel := np.PodSelector.Val
		if !np.PodSelector.Known() || len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0 {
			idx.all = true
			return idx
		}
		if len(sel.MatchLabels) > 0 {
			k := slices.Min(slices.Collect(maps.Keys(sel.MatchLabels)))
			addPolicy(&idx.byLabel, [2]string{k, sel.MatchLabels[k]}, np)
			continue
		}
		required := ""
		for _, r := range sel.MatchExpressions {
			if r.Operator == "In" || r.Operator == "Exists" {
				required = r.Key
				break
			}
		}
		if required == "" {
			idx.rest = append(idx.rest, np)
			continue
		}
		addPolicy(&idx.byKey, required, np)
	}
	return idx
}

// addPolicy appends np to m[k], making the map on its first write.
func addPolicy[K comparable](m *map[K][]*model.NetworkPolicy, k K, np *model.NetworkPolicy) {
	if *m == nil {
		*m = map[K][]*model.NetworkPolicy{}
	}
	(*m)[k] = append((*m)[k], np)
}

// covers reports whether one of the policies selects pods with labels.
func (idx *policyIndex) covers(labels map[string]string) bool {
	if idx.all {
		return true
	}
	selects := func(nps []*model.NetworkPolicy) bool {
		for _, np := range nps {
			if selectorMatches(np.PodSelector.Val, labels) {
				return true
			}
		}
		return false
	}
	for k, v := range labels {
		if selects(idx.byLabel[[2]string{k, v}]) || selects(idx.byKey[k]) {
			return true
		}
	}
	return selects(idx.rest)
}
