package kustomize

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// align walks a built object beside the documents that produced it (the
// base manifest first, then the patches in the order kustomize applied
// them) and records, for every node of the built object, the range of the
// source node it came from:
//   - a scalar comes from the source that last changed it to the built
//     value (a patch that set it; the base when patches only repeat it),
//     else from the first that holds the path at all;
//   - a mapping or list comes from the first source that holds it, so that
//     "missing X" findings point where the object or container is declared;
//   - a node no source holds (added by a transformer, such as a namespace)
//     takes its parent's range.
//
// List items are paired by their name key when they have one (containers,
// volumes, ports: as strategic merge pairs them), else by position. A
// scalar whose built value no source holds (a transformer changed it) is
// recorded in changed. It returns the index of the source the node was
// taken from, or -1.
func align(out *yaml.Node, cands []located, parent source.Range, ranges map[*yaml.Node]source.Range, changed map[*yaml.Node]bool, depth int) int {
	if out == nil || depth > yamldoc.MaxDepth {
		return -1
	}
	idx := choose(out, cands)
	own := parent
	if idx >= 0 {
		own = yamldoc.Range(source.FileOf(cands[idx].file), cands[idx].node)
	}
	ranges[out] = own
	switch out.Kind {
	case yaml.ScalarNode:
		if idx >= 0 && !holds(cands, out.Value) {
			changed[out] = true
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(out.Content); i += 2 {
			k, v := out.Content[i], out.Content[i+1]
			var values, keys []located
			for _, c := range cands {
				if c.node.Kind != yaml.MappingNode {
					continue
				}
				if kk, vv := yamldoc.Lookup(c.node, k.Value); kk != nil && vv != nil {
					values = append(values, located{file: c.file, node: yamldoc.Deref(vv)})
					keys = append(keys, located{file: c.file, node: kk})
				}
			}
			if j := align(v, values, own, ranges, changed, depth+1); j >= 0 {
				ranges[k] = yamldoc.Range(source.FileOf(keys[j].file), keys[j].node)
			} else {
				ranges[k] = own
			}
		}
	case yaml.SequenceNode:
		for j, it := range out.Content {
			var items []located
			name := itemName(it)
			for _, c := range cands {
				if c.node.Kind != yaml.SequenceNode {
					continue
				}
				if m := pair(c.node, j, name); m != nil {
					items = append(items, located{file: c.file, node: m})
				}
			}
			align(it, items, own, ranges, changed, depth+1)
		}
	}
	return idx
}

// holds reports whether a candidate is a scalar of that value.
func holds(cands []located, value string) bool {
	for _, c := range cands {
		if c.node.Kind == yaml.ScalarNode && c.node.Value == value {
			return true
		}
	}
	return false
}

// choose picks the source a node is taken from (see align).
func choose(out *yaml.Node, cands []located) int {
	if len(cands) == 0 {
		return -1
	}
	if out.Kind == yaml.ScalarNode {
		// The source that last changed the value: the first of the run of
		// sources, at the end, that all hold the built value.
		found := -1
		for i := len(cands) - 1; i >= 0; i-- {
			c := cands[i].node
			if c.Kind != yaml.ScalarNode || c.Value != out.Value {
				break
			}
			found = i
		}
		if found < 0 {
			return 0
		}
		return found
	}
	for i, c := range cands {
		if c.node.Kind == out.Kind {
			return i
		}
	}
	return 0
}

// itemName is a list item's name key, "" when it has none.
func itemName(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	return yamldoc.ScalarOf(yamldoc.Get(n, "name"))
}

// pair finds the item of list that pairs with item j of a built list.
func pair(list *yaml.Node, j int, name string) *yaml.Node {
	if name != "" {
		for _, it := range list.Content {
			if it = yamldoc.Deref(it); itemName(it) == name {
				return it
			}
		}
		return nil
	}
	if j < len(list.Content) {
		return yamldoc.Deref(list.Content[j])
	}
	return nil
}
