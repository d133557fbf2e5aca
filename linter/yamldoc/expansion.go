package yamldoc

import "sigs.k8s.io/kustomize/kyaml/yaml"

// AliasGrowth bounds how much larger than their own nodes aliases may
// make documents: whatever reads them copies the anchored node at every
// alias (kustomize, cty's YAML decoder), so a few lines of nested aliases
// (a "billion laughs") would expand to billions of nodes.
const AliasGrowth = 10

// Expansion measures documents as a reader that follows every alias
// would see them. tooMuch is true when the aliases expand them to more
// than AliasGrowth times their own nodes (plus a margin for small files);
// deepest is the deepest level met, MaxDepth+1 at most: no walk goes
// below MaxDepth.
func Expansion(docs []*yaml.Node) (tooMuch bool, deepest int) {
	own := 0
	for _, d := range docs {
		n, dp := measure(d, false, -1)
		own, deepest = own+n, max(deepest, dp)
	}
	budget := AliasGrowth*own + 10000
	for _, d := range docs {
		n, dp := measure(d, true, budget)
		deepest = max(deepest, dp)
		if budget -= n; budget < 0 {
			return true, deepest
		}
	}
	return false, deepest
}

// measure counts the nodes of n, following aliases when expand is set,
// and stops past budget nodes when budget is not -1. Nodes below MaxDepth
// are neither visited nor counted.
func measure(n *yaml.Node, expand bool, budget int) (count, deepest int) {
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if n == nil {
			return true
		}
		deepest = max(deepest, depth)
		if depth > MaxDepth {
			return true
		}
		count++
		if budget >= 0 && count > budget {
			return false
		}
		if n.Kind == yaml.AliasNode {
			return !expand || walk(n.Alias, depth+1)
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	walk(n, 0)
	return count, deepest
}
