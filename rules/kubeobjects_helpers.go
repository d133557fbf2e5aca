package rules

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/ekslint/ekslint/linter/model"
)

// selectorMatches reports whether a label selector selects a pod with
// labels: every matchLabels pair and every matchExpressions requirement
// must hold (an empty selector selects every pod). An unknown operator
// matches nothing.
func selectorMatches(sel model.LabelSelector, labels map[string]string) bool {
	for k, v := range sel.MatchLabels {
		if got, ok := labels[k]; !ok || got != v {
			return false
		}
	}
	for _, r := range sel.MatchExpressions {
		got, has := labels[r.Key]
		switch r.Operator {
		case "In":
			if !has || !slices.Contains(r.Values, got) {
				return false
			}
		case "NotIn":
			if has && slices.Contains(r.Values, got) {
				return false
			}
		case "Exists":
			if !has {
				return false
			}
		case "DoesNotExist":
			if has {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// selectsAll reports whether sel is the empty selector, which selects every
// pod of its namespace.
func selectsAll(sel model.LabelSelector) bool {
	return len(sel.MatchLabels) == 0 && len(sel.MatchExpressions) == 0
}

// inOrder returns the workloads sorted by where they are (file, line,
// column), so that "the first workload of a namespace" does not depend on
// the order the files were read in.
func inOrder(ws []*model.Workload) []*model.Workload {
	out := append([]*model.Workload(nil), ws...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Range.Less(out[j].Range) })
	return out
}

// globSet is a rule parameter's glob patterns (path.Match; a malformed
// pattern matches nothing), indexed so that matching a string costs about
// the same however many patterns the configuration lists: tried one by
// one, 50,000 patterns (a 1 MiB .ekslint.yaml) against 10,000 workloads
// are 500 million matches.
type globSet struct {
	// exact holds the patterns without a wildcard, which match only
	// themselves; under the prefixes of patterns "prefix/*" with a plain
	// prefix, which match any one segment below it ("kube-system/*").
	exact, under map[string]bool
	rest         []string // the others, tried in turn
}

func newGlobs(patterns []string) globSet {
	var g globSet
	for _, p := range patterns {
		switch prefix, ok := strings.CutSuffix(p, "/*"); {
		case !strings.ContainsAny(p, `*?[\`):
			if g.exact == nil {
				g.exact = map[string]bool{}
			}
			g.exact[p] = true
		case ok && !strings.ContainsAny(prefix, `*?[\`):
			if g.under == nil {
				g.under = map[string]bool{}
			}
			g.under[prefix] = true
		default:
			g.rest = append(g.rest, p)
		}
	}
	return g
}

// match reports whether s (a namespace, "namespace/name", a subject id)
// matches one of the patterns.
func (g globSet) match(s string) bool {
	if g.exact[s] {
		return true
	}
	if i := strings.LastIndexByte(s, '/'); i >= 0 && g.under[s[:i]] {
		return true // "prefix/*": * matches the last segment, with no "/" in it
	}
	for _, pat := range g.rest {
		if ok, err := path.Match(pat, s); err == nil && ok {
			return true
		}
	}
	return false
}

// otherPolicies says which namespaces hold network policies of another
// engine (Calico, Cilium), and whether a cluster-wide one exists: the
// NetworkPolicy rules cannot tell what those select, so they stay silent
// where they apply.
func otherPolicies(k *model.Kube) (namespaces map[string]bool, clusterWide bool) {
	namespaces = map[string]bool{}
	for _, p := range k.OtherPolicies {
		if p.ClusterWide {
			clusterWide = true
		}
		namespaces[p.Namespace] = true
	}
	return namespaces, clusterWide
}

// policiesByNamespace groups the NetworkPolicies by namespace.
func policiesByNamespace(k *model.Kube) map[string][]*model.NetworkPolicy {
	out := map[string][]*model.NetworkPolicy{}
	for _, p := range k.NetworkPolicies {
		out[p.Namespace] = append(out[p.Namespace], p)
	}
	return out
}
