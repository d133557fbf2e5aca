package kube

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// maxListDepth bounds Lists nested in Lists. Kubernetes never nests them;
// the bound only stops a hostile file.
const maxListDepth = 4

// document adapts an object that may be a List. itemKind is the kind an
// object without its own kind takes: a typed list such as DeploymentList
// may omit the kind of its items.
func (a *adapter) document(n *yaml.Node, itemKind string, depth int) {
	n = yamldoc.Deref(n)
	if n == nil || n.Kind != yaml.MappingNode || a.seen[n] {
		return
	}
	kind := yamldoc.ScalarOf(lookupValue(n, "kind"))
	if kind == "" {
		kind = itemKind
	}
	items, isList := a.listItems(n, kind)
	// Only a List's items can lead back to a mapping already adapted (an
	// alias to an item, or to an anchored List): a document that is not a
	// List need not be remembered, and most documents need no map at all.
	if isList || depth > 0 {
		if a.seen == nil {
			a.seen = map[*yaml.Node]bool{}
		}
		a.seen[n] = true
	}
	if !isList {
		if kind != "" && a.take(n, a.budget.Object) {
			a.object(n, kind)
		}
		return
	}
	if depth >= maxListDepth {
		a.warn(n, "a %s nested more than %d Lists deep is not read", kind, maxListDepth)
		return
	}
	// A typed list (DeploymentList) names the kind of its items; the
	// generic v1 List does not.
	itemKind = strings.TrimSuffix(kind, "List")
	for _, it := range items {
		item := yamldoc.Deref(it)
		switch {
		case item == nil || item.Kind != yaml.MappingNode:
			a.warn(it, "an item of a %s should be a mapping, not %s; it is skipped", kind, yamldoc.Describe(it))
		case itemKind == "" && yamldoc.ScalarOf(lookupValue(item, "kind")) == "":
			a.warn(it, "an item of a List has no kind; it is skipped")
		default:
			a.document(item, itemKind, depth+1)
		}
	}
}

// listItems reports whether n is a List and returns its items. kind: List
// is always a list; another kind ending in "List" (DeploymentList,
// PodList, …) is one when its items is a YAML list, so that a custom
// resource that merely has such a name is not mistaken for one.
func (a *adapter) listItems(n *yaml.Node, kind string) (items []*yaml.Node, isList bool) {
	if !strings.HasSuffix(kind, "List") {
		return nil, false
	}
	v := lookupValue(n, "items")
	if v != nil && v.Kind == yaml.SequenceNode {
		return v.Content, true
	}
	if kind != "List" {
		return nil, false
	}
	if !yamldoc.IsNull(v) {
		a.warn(v, "the items of a List should be a list, not %s; they are skipped", yamldoc.Describe(v))
	}
	return nil, true
}
