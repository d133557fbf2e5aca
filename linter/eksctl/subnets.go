package eksctl

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
)

// subnetZones maps the subnets declared under vpc.subnets.private and
// .public, by name (their key) and by declared id, to the zone written in
// their `az` field, located there. A name that two declarations give
// different zones maps to an Unknown zone: which one eksctl picks is not
// ours to guess.
type subnetZones map[string]source.Value[string]

// subnetZones reads vpc.subnets. A subnet declared without `az` has no
// known zone here: with an id, the zone is the real subnet's, which only
// AWS knows.
func (a *adapter) subnetZones(vpc *scope) subnetZones {
	var out subnetZones // made on the first subnet with a zone: reads of a nil map are fine
	subnets := vpc.enter("subnets")
	for _, access := range []string{"private", "public"} {
		for _, spec := range subnets.enter(access).each() {
			az := spec.str("az", "")
			id := spec.str("id", "")
			if !az.IsSet() || az.Val == "" {
				continue
			}
			out.add(spec.key, az)
			if id.IsSet() && id.Val != "" {
				out.add(id.Val, az)
			}
		}
	}
	return out
}

// add records that name is in zone az; a second, different zone for the
// same name makes it Unknown.
func (z *subnetZones) add(name string, az source.Value[string]) {
	switch prev, seen := (*z)[name]; {
	case !seen:
		put(z, name, az)
	case prev.Known() && prev.Val != az.Val:
		(*z)[name] = source.UnknownAt[string](prev.Range)
	}
}

// subnetZonesOf returns the zones of a node group's subnets, element by
// element: Default and Unknown lists stay so, an undeclared subnet has an
// Unknown zone located at the subnet's entry. A list shared through an
// alias is resolved once (see elements).
func (a *adapter) subnetZonesOf(subnets source.Strings, list *yaml.Node) source.Strings {
	if !subnets.IsSet() {
		return subnets
	}
	// elements recorded the list when it may be read again.
	r, ok := a.lists[list]
	if !ok {
		return source.SetAt(a.zonesOf(subnets.Val), subnets.Range)
	}
	if r.zones == nil {
		r.zones = a.zonesOf(subnets.Val)
	}
	return source.SetAt(r.zones, subnets.Range)
}

// zonesOf resolves the zone of each subnet of a list (never nil).
func (a *adapter) zonesOf(subnets []source.Value[string]) []source.Value[string] {
	out := make([]source.Value[string], len(subnets))
	for i, s := range subnets {
		zone, declared := a.zones[s.Val]
		if !s.Known() || !declared || !zone.Known() {
			out[i] = source.UnknownAt[string](s.Range)
			continue
		}
		out[i] = zone
	}
	return out
}
