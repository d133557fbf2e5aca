package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// mergeBudget bounds how many mappings one lookup may visit through YAML
// merge keys ("<<: *defaults"). Merge keys may chain and anchors may even
// refer to themselves, so the walk is bounded rather than trusted.
const mergeBudget = 64

// lookup returns the key and value nodes of key in mapping m, or nils.
// Beyond yamldoc.Lookup it honours merge keys, which some manifests use to
// share container settings: a key written in m wins over a merged one, and
// among merged mappings the earlier one wins, as in YAML's merge rule.
// Aliases are resolved by yamldoc.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	budget := mergeBudget
	return lookupMerged(m, key, &budget)
}

// lookupValue is lookup without the key.
func lookupValue(m *yaml.Node, key string) *yaml.Node {
	_, v := lookup(m, key)
	return v
}

func lookupMerged(m *yaml.Node, key string, budget *int) (k, v *yaml.Node) {
	m = yamldoc.Deref(m)
	if m == nil || m.Kind != yaml.MappingNode || *budget <= 0 {
		return nil, nil
	}
	*budget--
	// One scan finds the key as yamldoc.Lookup would (the first key
	// written with that value) and notes whether there are merge keys:
	// most mappings have none, and need no second scan.
	merges := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == key {
			return k, yamldoc.Deref(m.Content[i+1])
		} else if k.Tag == "!!merge" {
			merges = true
		}
	}
	if !merges {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Tag != "!!merge" {
			continue
		}
		from := yamldoc.Deref(m.Content[i+1])
		sources := []*yaml.Node{from}
		if from != nil && from.Kind == yaml.SequenceNode {
			sources = from.Content
		}
		for _, s := range sources {
			if k, v := lookupMerged(s, key, budget); k != nil {
				return k, v
			}
		}
	}
	return nil, nil
}
