package eksctl

import (
	"fmt"
	"strings"
	"testing"
)

// TestSchemaTable parses the table, and checks that every struct in it is
// reachable from ClusterConfig: a struct nothing refers to is a typo.
func TestSchemaTable(t *testing.T) {
	structs, err := parseSchema(schemaTable)
	if err != nil {
		t.Fatal(err)
	}
	reached := map[*shape]bool{}
	var walk func(s *shape)
	walk = func(s *shape) {
		if s == nil || reached[s] {
			return
		}
		reached[s] = true
		walk(s.elem)
		for _, f := range s.fields {
			walk(f)
		}
	}
	walk(structs["ClusterConfig"])
	for name, s := range structs {
		if !reached[s] {
			t.Errorf("%s is not reachable from ClusterConfig", name)
		}
	}
	for _, path := range [][]string{
		{"vpc", "publicAccessCIDRs"},
		{"vpc", "clusterEndpoints", "publicAccess"},
		{"cloudWatch", "clusterLogging", "enableTypes"},
		{"secretsEncryption", "keyARN"},
		{"accessConfig", "bootstrapClusterCreatorAdminPermissions"},
		{"iam", "withOIDC"},
		{"upgradePolicy", "supportType"},
	} {
		s := structs["ClusterConfig"]
		for _, k := range path {
			if s.kind == listShape {
				s = s.elem
			}
			if s = s.fields[k]; s == nil {
				t.Fatalf("%s: no %s", strings.Join(path, "."), k)
			}
		}
	}
}

func TestParseSchemaErrors(t *testing.T) {
	for _, src := range []string{
		"ClusterConfig {\n\tx Missing\n}",
		"ClusterConfig {\n\tx bool = a|b\n}",
		"ClusterConfig {\n\tx string\n\tx string\n}",
		"ClusterConfig {\n\tx string\n",
		"}",
		"ClusterConfig strict {\n}",
		"Other {\n}",
	} {
		if _, err := parseSchema(src); err == nil {
			t.Errorf("parseSchema(%q): no error", src)
		}
	}
}

// schemaMessages adapts src and returns each schema problem as
// "line:col message".
func schemaMessages(t *testing.T, src string) []string {
	t.Helper()
	m, _ := adapt(t, src)
	var out []string
	for _, c := range m.Clusters {
		for _, p := range c.SchemaProblems {
			out = append(out, fmt.Sprintf("%d:%d %s", p.Range.Start.Line, p.Range.Start.Col, p.Message))
		}
	}
	return out
}

func TestSchemaProblems(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string // substrings, in order
	}{
		{"near miss", []string{"vpc:", "  publicAccessCIDR: []"},
			[]string{`5:3 unknown key "publicAccessCIDR" in vpc (did you mean "publicAccessCIDRs"?)`}},
		{"case", []string{"iam:", "  withOidc: true"}, []string{`5:3 eksctl ignores the key "withOidc" in iam: keys are case-sensitive, so the setting never takes effect; spell it "withOIDC"`}},
		{"subnets are lenient", []string{"vpc:", "  subnets:", "    private:", "      a: {id: subnet-1, zone: eu-west-1a, CIDR: [x]}"},
			[]string{`eksctl ignores the unknown key "zone" in vpc.subnets.private.a`, `vpc.subnets.private.a.cidr should be a string`}},
		{"lenient reads any case", []string{"identityProviders:", "  - {Type: oidc, name: a, issuerUrl: u, ClientId: c}"}, nil},
		{"far miss has no suggestion", []string{"frobnicate: 1"}, []string{`unknown key "frobnicate" in the ClusterConfig: eksctl refuses`}},
		{"float version", []string{"addons:", "  - name: x", "    version: 1.10"},
			[]string{`6:14 addons[0].version is the number 1.10 to YAML, which eksctl reads as "1.1": quote it ("1.10")`}},
		{"octal int to string", []string{"metadata2: 1", "availabilityZones: [0x1a]"},
			[]string{`unknown key "metadata2"`, `availabilityZones[0] is the number 0x1a to YAML, which eksctl reads as "26"`}},
		{"bool forms", []string{"addonsConfig:", "  autoApplyPodIdentityAssociations: on", "  disableDefaultAddons: 'true'"},
			[]string{`6:25 addonsConfig.disableDefaultAddons should be true or false, not the string "true"`}},
		{"enum", []string{"kubernetesNetworkConfig: {ipFamily: IPv5}"},
			[]string{`kubernetesNetworkConfig.ipFamily is "IPv5", which eksctl does not accept: use one of IPv4, IPv6 (did you mean "IPv4"?)`}},
		{"int enum", []string{"cloudWatch: {clusterLogging: {enableTypes: [all], logRetentionInDays: 7}}"}, nil},
		{"list of structs", []string{"fargateProfiles:", "  - name: fp", "    selector: []"},
			[]string{`6:5 unknown key "selector" in fargateProfiles[0] (did you mean "selectors"?)`}},
		{"wrong container", []string{"availabilityZones: eu-west-1a"},
			[]string{`availabilityZones should be a list, not`}},
		{"any is not checked", []string{"nodeGroups:", "  - name: n", "    kubeletExtraConfig: {anything: [1, {x: y}]}"}, nil},
		{"lenient", []string{"identityProviders:", "  - {type: oidc, name: a, issuerURL: u, clientID: c, groupClaim: g}"},
			[]string{`eksctl ignores the unknown key "groupClaim" in identityProviders[0] (did you mean "groupsClaim"?)`}},
		{"null values", []string{"vpc:", "cloudWatch: ~", "addons: null"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := schemaMessages(t, lines(append(header, tt.src...)...))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// TestSchemaBounds checks that aliases are checked once and that a
// document full of unknown keys gives a bounded number of findings.
func TestSchemaBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(lines(header...))
	b.WriteString("nodeGroups:\n  - &ng {name: a, bogus: 1}\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "  - *ng\n  - {name: n%d, <<: *ng}\n", i)
	}
	if got := schemaMessages(t, b.String()); len(got) != 1 {
		t.Errorf("aliases: got %d problems, want 1: %v", len(got), got[:min(len(got), 3)])
	}
	b.Reset()
	b.WriteString(lines(header...))
	for i := range 1000 {
		fmt.Fprintf(&b, "unknown%d: 1\n", i)
	}
	if got := schemaMessages(t, b.String()); len(got) != maxSchemaProblems {
		t.Errorf("many unknown keys: got %d problems, want %d", len(got), maxSchemaProblems)
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"publicAccessCIDRs", "publicAccess", "privateAccess", "id"}
	for v, want := range map[string]string{
		"publicAccessCidrs": "publicAccessCIDRs",
		"publicAcess":       "publicAccess",
		"privateAcces":      "privateAccess",
		"ID":                "id",
		"ib":                "id",
		"zzz":               "",
		"public":            "",
	} {
		got := suggest(v, names)
		if want == "" && got != "" || want != "" && !strings.Contains(got, `"`+want+`"`) {
			t.Errorf("suggest(%q) = %q, want %q", v, got, want)
		}
	}
}
