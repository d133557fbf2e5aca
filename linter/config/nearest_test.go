package config

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"enable", "disable", "severity", "ignore-paths", "fail-on"}
	tests := []struct{ in, want string }{
		{"disabel", "disable"},
		{"enabled", "enable"},
		{"failon", "fail-on"},
		{"ignore_paths", "ignore-paths"},
		{"colour", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNearestRule(t *testing.T) {
	tests := []struct {
		id         string
		candidates []string
		want       string
	}{
		{"EKS-CP-01", nil, "EKS-CP-001"},                     // a character missing
		{"EKS-CP-0001", nil, "EKS-CP-001"},                   // one too many
		{"EKS-CP-00I", nil, "EKS-CP-001"},                    // substituted
		{"EKS-PC-001", nil, "EKS-CP-001"},                    // neighbours swapped
		{"eks-k8s-01o", nil, "EKS-K8S-010"},                  // case does not matter
		{"EKS-CP-009", nil, "EKS-CP-001"},                    // several one edit away: the first sorted
		{"EKS-NG-001", nil, ""},                              // nothing near
		{"EKS-K8S-999", nil, ""},                             // nothing near
		{"EKS-CP-00", []string{"EKS-CP-003"}, "EKS-CP-003"},  // a seen ID one edit away wins
		{"EKS-C-001", []string{"EKS-CP-002"}, "EKS-CP-001"},  // else a probe hit beats a seen ID two edits away
		{"EKS-QQ-002", []string{"EKS-CP-002"}, "EKS-CP-002"}, // a seen ID two edits away when probing finds nothing
		{"EKS-CP-001-AND-A-VERY-LONG-TAIL", nil, ""},
	}
	for _, tt := range tests {
		if got := NearestRule(tt.id, isRule, tt.candidates); got != tt.want {
			t.Errorf("NearestRule(%q, %v) = %q, want %q", tt.id, tt.candidates, got, tt.want)
		}
	}
	if got := NearestRule("EKS-CP-01", nil, nil); got != "" {
		t.Errorf("without isRule: %q", got)
	}
}
