// Package rules holds every ekslint rule, one small file each. A rule reads
// only the model (linter/model); it never sees HCL, cty or YAML.
package rules

import (
	"sort"
	"strings"

	"github.com/ekslint/ekslint/linter"
)

// groups are the rule lists, one per area, each in a file of its own.
// This is the only registry: nothing registers itself.
var groups = [][]*linter.Rule{
	controlPlane, versionRules, identityRules, auditRules,
	nodes, nodeHardening, iamRules, networkRules,
	workloads, podSecurity, kubeObjects,
	accessRules, metaRules,
}

// areas is the catalog's order of rule areas.
var areas = []string{"CP", "DET", "NG", "NET", "K8S", "RBAC", "META"}

// All returns every rule, in catalog order: by area, then by number.
func All() []*linter.Rule {
	var all []*linter.Rule
	for _, g := range groups {
		all = append(all, g...)
	}
	keys := make(map[*linter.Rule]string, len(all))
	for _, r := range all {
		keys[r] = catalogKey(r.ID)
	}
	sort.SliceStable(all, func(i, j int) bool { return keys[all[i]] < keys[all[j]] })
	return all
}

// catalogKey orders EKS-<AREA>-<NNN> IDs as the catalog does.
func catalogKey(id string) string {
	parts := strings.Split(id, "-")
	if len(parts) != 3 {
		return "9" + id
	}
	for i, a := range areas {
		if a == parts[1] {
			return string(rune('0'+i)) + parts[2]
		}
	}
	return "8" + id
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *linter.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
