package config

import "testing"

func TestMatchPath(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		// '**' across segments.
		{"examples/**", "examples/a/b.tf", true},
		{"examples/**", "examples/main.tf", true},
		{"examples/**", "examples", false}, // what is inside, not the name itself
		{"examples/**", "src/examples/a.tf", false},
		{"**/test/**", "a/b/test/c.yaml", true},
		{"**/test/**", "test/c.yaml", true},
		{"**/test/**", "a/test", false},
		{"a/**/b.tf", "a/b.tf", true},
		{"a/**/b.tf", "a/x/y/b.tf", true},
		{"a/**/b.tf", "a/x/y/c.tf", false},
		{"a/**/**/b.tf", "a/x/b.tf", true},
		{"**", "anything/at/all.tf", true},
		// '*', '?' and classes stay within a segment.
		{"infra/*/main.tf", "infra/prod/main.tf", true},
		{"infra/*/main.tf", "infra/prod/eu/main.tf", false},
		{"k8s/app-?.yaml", "k8s/app-1.yaml", true},
		{"k8s/app-?.yaml", "k8s/app-10.yaml", false},
		{"k8s/[ab].yaml", "k8s/b.yaml", true},
		{"k8s/[ab].yaml", "k8s/c.yaml", false},
		// No '/': the base name or any segment, at any depth.
		{"vendor", "vendor/x.tf", true},
		{"vendor", "a/vendor/b.yaml", true},
		{"vendor", "a/vendors/b.yaml", false},
		{"vendor", "vendor", true},
		{"*.generated.yaml", "k8s/app.generated.yaml", true},
		{"*.generated.yaml", "app.generated.yaml", true},
		{"*.generated.yaml", "k8s/app.yaml", false},
		{"*.tf", "a.tf/b.yaml", true}, // a folder named like the files is inside too
		// Anchored: a leading '/' or './', or a '/' in the middle.
		{"infra/legacy", "infra/legacy/main.tf", true},
		{"infra/legacy", "infra/legacy", true},
		{"infra/legacy", "x/infra/legacy/main.tf", false},
		{"/k8s", "k8s/x.yaml", true},
		{"/k8s", "a/k8s/x.yaml", false},
		{"./k8s", "k8s/x.yaml", true},
		{"./k8s", "a/k8s/x.yaml", false},
		{"k8s/app.yaml", "./k8s/app.yaml", true},
		// A trailing '/' matches folders only.
		{"legacy/", "legacy/main.tf", true},
		{"legacy/", "a/legacy/main.tf", true},
		{"legacy/", "legacy", false},
		{"legacy/", "legacy/", true},
		{"infra/old/", "infra/old/main.tf", true},
		{"infra/old/", "infra/old", false},
		// Patterns that match nothing.
		{"", "a.tf", false},
		{"/", "a.tf", false},
		{"[", "[", false},
	}
	for _, tt := range tests {
		if got := MatchPath(tt.pattern, tt.path); got != tt.want {
			t.Errorf("MatchPath(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestCheckPattern(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{"examples/**", true},
		{"legacy/", true},
		{"/k8s", true},
		{"[a-c]*.yaml", true},
		{"", false},
		{"/", false},
		{"./", false},
		{"a//b", false},
		{"[abc", false},
		{"a/b\\", false},
	}
	for _, tt := range tests {
		if err := checkPattern(tt.pattern); (err == nil) != tt.ok {
			t.Errorf("checkPattern(%q) = %v, want ok=%v", tt.pattern, err, tt.ok)
		}
	}
}

// TestMatcherIsMatchPath: a Matcher answers for every pattern shape and
// path exactly as trying MatchPath with each pattern does.
func TestMatcherIsMatchPath(t *testing.T) {
	patterns := []string{"vendor", "legacy/", "*.gen.yaml", "infra/legacy", "/k8s", "./tf/", "a/**", "a/**/b", "**/x.tf",
		"examples/**", "x?", "[ab]c", "/", "", "deep/a/b/", "c\\*d", "k8s/*/prod.yaml", "main.tf"}
	paths := []string{"vendor", "a/vendor/x.tf", "vendors/x", "legacy", "legacy/main.tf", "b/legacy/x.yaml", "z.gen.yaml",
		"q/z.gen.yaml", "infra/legacy/main.tf", "x/infra/legacy/main.tf", "k8s/a.yaml", "x/k8s/a.yaml", "tf/main.tf", "tf",
		"a", "a/b", "a/x/y/b", "x.tf", "m/x.tf", "examples", "examples/e/main.tf", "xy", "x", "ac", "bc/d", "deep/a/b",
		"deep/a/b/c", "c*d", "k8s/one/prod.yaml", "main.tf", "sub/main.tf", "./k8s/b.yaml", "."}
	for _, ps := range [][]string{patterns, patterns[:3], patterns[3:9], nil} {
		m := NewMatcher(ps)
		for _, p := range paths {
			want := false
			for _, pat := range ps {
				want = want || MatchPath(pat, p)
			}
			if got := m.Match(p); got != want {
				t.Errorf("patterns %q, path %q: Matcher says %v, MatchPath %v", ps, p, got, want)
			}
		}
	}
	// One pattern at a time, so that none hides another's mistake.
	for _, pat := range patterns {
		m := NewMatcher([]string{pat})
		for _, p := range paths {
			if got, want := m.Match(p), MatchPath(pat, p); got != want {
				t.Errorf("pattern %q, path %q: Matcher says %v, MatchPath %v", pat, p, got, want)
			}
		}
	}
}
