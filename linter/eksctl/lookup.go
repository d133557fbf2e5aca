package eksctl

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// mergeBudget bounds how many mappings one lookup may visit through merge
// keys ("<<: *defaults", common in eksctl files to share node group
// settings). Merge keys may chain and even merge themselves, so the walk is
// bounded rather than trusted.
const mergeBudget = 64

// pair is one key of a mapping with its value as written: Raw may be an
// alias, Val is what it resolves to.
type pair struct {
	Key, Raw, Val *yaml.Node
}

// lookup finds key in mapping m. A key written in m wins over a merged
// one, and among merged mappings the earlier wins, as YAML's merge rule
// (which eksctl's YAML reader applies) says.
func (a *adapter) lookup(m *yaml.Node, key string) (pair, bool) {
	budget := mergeBudget
	return a.lookupIn(m, key, &budget)
}

func (a *adapter) lookupIn(m *yaml.Node, key string, budget *int) (pair, bool) {
	m = yamldoc.Deref(m)
	if m == nil || m.Kind != yaml.MappingNode || *budget <= 0 {
		return pair{}, false
	}
	*budget--
	keys := a.keys.of(m)
	i, ok, merges := keys.find(m, key)
	if ok {
		return pair{Key: m.Content[i], Raw: m.Content[i+1], Val: yamldoc.Deref(m.Content[i+1])}, true
	}
	if !merges {
		return pair{}, false
	}
	for _, src := range keys.merged(m) {
		if p, ok := a.lookupIn(src, key, budget); ok {
			return p, true
		}
	}
	return pair{}, false
}

// bigMapping is the number of keys from which a mapping is indexed: aliases
// let one large mapping be read by many node groups, and a lookup must not
// cost its whole length each time.
const bigMapping = 32

// mappingKeys is the index of one large mapping (nil for a small one,
// which is simply scanned).
type mappingKeys struct {
	at     map[string]int // Content index of each key
	merges []*yaml.Node   // what its merge keys bring in, in order
}

// keyIndex holds the index of every large mapping read.
type keyIndex map[*yaml.Node]*mappingKeys

// of returns m's index, building it on first use; nil for a small mapping.
func (x *keyIndex) of(m *yaml.Node) *mappingKeys {
	if len(m.Content) < 2*bigMapping {
		return nil
	}
	if k, ok := (*x)[m]; ok {
		return k
	}
	k := &mappingKeys{at: make(map[string]int, len(m.Content)/2), merges: mergeSources(m)}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if c := m.Content[i]; !isMergeKey(c) {
			if _, dup := k.at[c.Value]; !dup {
				k.at[c.Value] = i
			}
		}
	}
	put(x, m, k)
	return k
}

// find returns the Content index of key in m (merge keys aside). When the
// key is not written, merges says whether m has merge keys that may bring
// it in, so that a small mapping without any is scanned only once.
func (k *mappingKeys) find(m *yaml.Node, key string) (i int, ok, merges bool) {
	if k != nil {
		i, ok := k.at[key]
		return i, ok, len(k.merges) > 0
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		c := m.Content[i]
		if isMergeKey(c) {
			merges = true
			continue
		}
		if c.Value == key {
			return i, true, merges
		}
	}
	return 0, false, merges
}

// merged returns the mappings m's merge keys bring in.
func (k *mappingKeys) merged(m *yaml.Node) []*yaml.Node {
	if k != nil {
		return k.merges
	}
	return mergeSources(m)
}

// entries lists every key of mapping m in document order, then the keys
// its merge keys bring in that m does not write itself.
func entries(m *yaml.Node) []pair {
	budget := mergeBudget
	seen := map[string]bool{}
	var out []pair
	collectEntries(m, seen, &out, &budget)
	return out
}

func collectEntries(m *yaml.Node, seen map[string]bool, out *[]pair, budget *int) {
	m = yamldoc.Deref(m)
	if m == nil || m.Kind != yaml.MappingNode || *budget <= 0 {
		return
	}
	*budget--
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if isMergeKey(k) || seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		*out = append(*out, pair{Key: k, Raw: m.Content[i+1], Val: yamldoc.Deref(m.Content[i+1])})
	}
	for _, src := range mergeSources(m) {
		collectEntries(src, seen, out, budget)
	}
}

func isMergeKey(k *yaml.Node) bool { return k.Tag == "!!merge" }

// mergeSources returns the mappings that m's merge keys name, in order;
// no more than one walk's budget could visit, however many are written.
func mergeSources(m *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(m.Content) && len(out) < mergeBudget; i += 2 {
		if !isMergeKey(m.Content[i]) {
			continue
		}
		v := yamldoc.Deref(m.Content[i+1])
		if v != nil && v.Kind == yaml.SequenceNode {
			out = append(out, v.Content[:min(len(v.Content), mergeBudget-len(out))]...)
		} else {
			out = append(out, v)
		}
	}
	return out
}
