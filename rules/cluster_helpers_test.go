package rules

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestIsWorldCIDR(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"0.0.0.0/0", true},
		{"::/0", true},
		{" 0.0.0.0/0 ", true},
		{"10.0.0.0/0", true}, // any /0 admits every address
		{"::ffff:0.0.0.0/0", true},
		{"0.0.0.0/1", false},
		{"203.0.113.0/24", false},
		{"2001:db8::/32", false},
		{"0.0.0.0", false},
		{"", false},
		{"not-a-cidr", false},
	} {
		if got := isWorldCIDR(tc.in); got != tc.want {
			t.Errorf("isWorldCIDR(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestMinor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1.27", 27, true},
		{"1.33", 33, true},
		{"v1.29", 29, true},
		{"1.28.4", 28, true},
		{"", 0, false},
		{"2.1", 0, false},
		{"1.x", 0, false},
		{"latest", 0, false},
	} {
		got, ok := minor(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("minor(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// cidrs builds a Set list; "?" stands for an element that is not known.
func cidrs(elems ...string) source.Strings {
	var r source.Range
	out := make([]source.Value[string], 0, len(elems))
	for _, e := range elems {
		if e == "?" {
			out = append(out, source.UnknownAt[string](r))
			continue
		}
		out = append(out, source.SetAt(e, r))
	}
	return source.SetAt(out, r)
}

func TestWorldAndRestricted(t *testing.T) {
	for _, tc := range []struct {
		name       string
		list       source.Strings
		world      string // "" when no world CIDR is found
		restricted bool
	}{
		{"restricted", cidrs("203.0.113.0/24", "2001:db8::/32"), "", true},
		{"world", cidrs("203.0.113.0/24", "0.0.0.0/0"), "0.0.0.0/0", false},
		{"ipv6 world", cidrs("::/0"), "::/0", false},
		{"unknown and world", cidrs("?", "::/0"), "::/0", false},
		{"unknown element", cidrs("203.0.113.0/24", "?"), "", false},
		{"unknown list", source.UnknownAt[[]source.Value[string]](source.Range{}), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, ok := worldCIDR(tc.list)
			if ok != (tc.world != "") || w.Val != tc.world {
				t.Errorf("worldCIDR = %q, %v; want %q", w.Val, ok, tc.world)
			}
			if got := restricted(tc.list); got != tc.restricted {
				t.Errorf("restricted = %v, want %v", got, tc.restricted)
			}
		})
	}
}

func TestMiscased(t *testing.T) {
	for _, tc := range []struct {
		enabled []string
		want    string
	}{
		{[]string{"api", "controllerManager"}, ""},
		{[]string{"api", "controllermanager"}, "controllermanager"},
		{[]string{"Scheduler", "AUDIT"}, "AUDIT"}, // sorted, so stable
		{[]string{"apiserver"}, ""},               // not a log type in any case
	} {
		set := map[string]bool{}
		for _, e := range tc.enabled {
			set[e] = true
		}
		if got := miscased(set); got != tc.want {
			t.Errorf("miscased(%v) = %q, want %q", tc.enabled, got, tc.want)
		}
	}
}
