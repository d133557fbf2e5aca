package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// TestScopeNames checks the dotted names of nested scopes, which fill
// keeps as outer keys (up to two) before joining them.
func TestScopeNames(t *testing.T) {
	a := newAdapter(source.FileOf("c.yaml"))
	for _, tc := range []struct {
		top  string
		keys []string
		want string
	}{
		{"", nil, ""},
		{"", []string{"vpc"}, "vpc"},
		{"", []string{"vpc", "subnets"}, "vpc.subnets"},
		{"", []string{"vpc", "subnets", "private"}, "vpc.subnets.private"},
		{"", []string{"a", "b", "c", "d"}, "a.b.c.d"},
		{"", []string{"a", "b", "c", "d", "e", "f"}, "a.b.c.d.e.f"},
		{"nodeGroups[1]", []string{"iam"}, "nodeGroups[1].iam"},
		{"nodeGroups[1]", []string{"iam", "withAddonPolicies"}, "nodeGroups[1].iam.withAddonPolicies"},
		{"nodeGroups[1]", []string{"a", "b", "c", "d"}, "nodeGroups[1].a.b.c.d"},
		{"", []string{"", "x"}, "x"},
		{"", []string{"", "", "x"}, "x"},
		{"p", []string{"", "x"}, "p..x"},
	} {
		s := a.top(tc.top, nil, a.rng(nil))
		for _, k := range tc.keys {
			s = s.enter(k)
		}
		if got := s.name(); got != tc.want {
			t.Errorf("%q %q: name = %q, want %q", tc.top, tc.keys, got, tc.want)
		}
		if got, want := s.sub("k"), join(tc.want, "k"); got != want {
			t.Errorf("%q %q: sub = %q, want %q", tc.top, tc.keys, got, want)
		}
	}
}
