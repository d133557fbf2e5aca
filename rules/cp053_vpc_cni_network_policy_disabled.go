package rules

import (
	"encoding/json"
	"regexp"
	"strings"
	"sync"

	"github.com/ekslint/ekslint/linter"
)

// CP053 flags a vpc-cni add-on that does not enforce NetworkPolicies.
var CP053 = &linter.Rule{
	ID:       "EKS-CP-053",
	Name:     "vpc-cni-network-policy-disabled",
	Summary:  "The vpc-cni add-on does not enforce Kubernetes NetworkPolicies",
	Severity: linter.Low,
	Default:  false,
	Formats:  versionFormats,
	Tags:     []string{"security", "network", "addons"},
	Check: func(p *linter.Pass) {
		for _, a := range p.Model.Addons {
			if a.Name != "vpc-cni" || !a.Configuration.Known() {
				continue
			}
			if c := a.Cluster; c != nil && c.Version.Known() {
				// The network policy agent needs Kubernetes 1.25 or later:
				// an older cluster cannot turn it on.
				if v, ok := minor(c.Version.Val); ok && v < 25 {
					continue
				}
			}
			f := field(&a.Object, "configuration_values", "configurationValues")
			on, known := networkPolicyEnabled(a.Configuration.Val)
			switch {
			case !known || on:
				continue
			case a.Configuration.Val == "":
				p.Report(a, a.Configuration.Range, "the vpc-cni add-on has no %s, so its network policy agent is off and NetworkPolicy objects are accepted but not enforced; set %s to {\"enableNetworkPolicy\": \"true\"} (or run another policy engine)", f, f)
			default:
				p.Report(a, a.Configuration.Range, "%s of the vpc-cni add-on does not set enableNetworkPolicy to \"true\", so NetworkPolicy objects are accepted but not enforced; add \"enableNetworkPolicy\": \"true\" (or run another policy engine)", f)
			}
		}
	},
}

var yamlNetworkPolicy = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*["']?enableNetworkPolicy["']?\s*:\s*["']?([A-Za-z]+)["']?\s*(#.*)?$`)
})

// networkPolicyEnabled reads enableNetworkPolicy from an add-on
// configuration, JSON (what EKS takes) or the YAML eksctl also accepts.
// known is false when the text cannot be read either way.
func networkPolicyEnabled(config string) (on, known bool) {
	text := strings.TrimSpace(config)
	if text == "" {
		return false, true
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(text), &obj); err == nil {
		switch v := obj["enableNetworkPolicy"].(type) {
		case nil:
			return false, true
		case bool:
			return v, true
		case string:
			return strings.EqualFold(v, "true"), true
		}
		return false, false
	}
	if strings.HasPrefix(text, "{") || strings.HasPrefix(text, "[") {
		return false, false
	}
	m := yamlNetworkPolicy().FindStringSubmatch(text)
	if m == nil {
		if strings.Contains(text, "enableNetworkPolicy") {
			return false, false
		}
		return false, true
	}
	return strings.EqualFold(m[1], "true"), true
}
