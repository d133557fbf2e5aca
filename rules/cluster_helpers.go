package rules

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// isWorldCIDR reports whether s is a CIDR with prefix length 0 (0.0.0.0/0,
// ::/0 and their spellings): it admits every address.
func isWorldCIDR(s string) bool {
	p, err := netip.ParsePrefix(strings.TrimSpace(s))
	return err == nil && p.Bits() == 0
}

// worldCIDR returns the first known world CIDR of list.
func worldCIDR(list source.Strings) (source.Value[string], bool) {
	if !list.Known() {
		return source.Value[string]{}, false
	}
	for _, c := range list.Val {
		if c.Known() && isWorldCIDR(c.Val) {
			return c, true
		}
	}
	return source.Value[string]{}, false
}

// restricted reports whether every element of a known list is known and
// none is a world CIDR: only then is "restricted" a fact, not a guess.
func restricted(list source.Strings) bool {
	if !list.Known() {
		return false
	}
	for _, c := range list.Val {
		if !c.Known() || isWorldCIDR(c.Val) {
			return false
		}
	}
	return true
}

// field names a setting the way the object's own format spells it:
// eksctl's key, the module input, or the aws_* resource attribute.
func field(o *model.Object, terraform, eksctl string) string {
	if o.Format == model.Eksctl {
		return eksctl
	}
	return o.Name(terraform)
}

// origin explains where a value came from, for messages.
func origin[T any](v source.Value[T]) string {
	if v.IsDefault() {
		return " by default"
	}
	return ""
}

// minor parses "1.29" (or "1.29.3", "v1.29") into its minor number.
func minor(version string) (int, bool) {
	v := strings.TrimPrefix(strings.TrimSpace(version), "v")
	major, rest, ok := strings.Cut(v, ".")
	if !ok || major != "1" {
		return 0, false
	}
	m, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(m)
	return n, err == nil
}

// logTypes are the five EKS control-plane log types, case-sensitive.
var logTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// enabledLogTypes returns the known enabled log types, or nil when an
// element is unknown (then nothing can be said).
func enabledLogTypes(c *model.Cluster) map[string]bool {
	out := map[string]bool{}
	for _, t := range c.LogTypes.Val {
		if !t.Known() {
			return nil
		}
		out[t.Val] = true
	}
	return out
}

// miscasedNote explains, for a message, a value that names a log type in
// the wrong case; "" when there is none.
func miscasedNote(enabled map[string]bool) string {
	if bad := miscased(enabled); bad != "" {
		return fmt.Sprintf(" (%q is not a log type: names are case-sensitive)", bad)
	}
	return ""
}

// miscased returns an enabled value that matches a log type only when case
// is ignored ("controllermanager").
func miscased(enabled map[string]bool) string {
	var out []string
	for v := range enabled {
		for _, t := range logTypes {
			if v != t && strings.EqualFold(v, t) {
				out = append(out, v)
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	sort.Strings(out)
	return out[0]
}
