package eksctl

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// TestWrongTypes: a value of the wrong type is Unknown (never guessed) and
// reported once, as a warning at the value that names the key, what was
// expected and what was found.
func TestWrongTypes(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		check func(t *testing.T, m *model.Model)
		warn  source.Range
		want  []string
	}{
		{
			name: "publicAccess is a string",
			src:  doc("vpc:", "  clusterEndpoints:", `    publicAccess: "yes"`),
			check: func(t *testing.T, m *model.Model) {
				c := m.Clusters[0]
				checkBool(t, "public", c.PublicEndpoint, source.Unknown, false, span(6, 5, 6, 24))
				checkBool(t, "private", c.PrivateEndpoint, source.Default, false, span(5, 3, 5, 19))
			},
			warn: span(6, 19, 6, 24),
			want: []string{"vpc.clusterEndpoints.publicAccess must be true or false", `not the string "yes"`},
		},
		{
			name: "publicAccess is a number",
			src:  doc("vpc:", "  clusterEndpoints:", "    publicAccess: 1"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "public", m.Clusters[0].PublicEndpoint, source.Unknown, false, span(6, 5, 6, 20))
			},
			warn: span(6, 19, 6, 20),
			want: []string{"publicAccess must be true or false, not the number 1"},
		},
		{
			name: "vpc is a list: everything in it is unknown, reported once",
			src:  doc("vpc: [a]"),
			check: func(t *testing.T, m *model.Model) {
				c := m.Clusters[0]
				checkBool(t, "public", c.PublicEndpoint, source.Unknown, false, span(4, 1, 4, 9))
				checkBool(t, "private", c.PrivateEndpoint, source.Unknown, false, span(4, 1, 4, 9))
				if c.PublicCIDRs.Known() || c.PublicCIDRs.Range != span(4, 1, 4, 9) {
					t.Errorf("cidrs %+v", c.PublicCIDRs)
				}
			},
			warn: span(4, 6, 4, 9),
			want: []string{"vpc must be a mapping, not a list"},
		},
		{
			name: "publicAccessCIDRs is a string",
			src:  doc("vpc:", "  publicAccessCIDRs: 0.0.0.0/0"),
			check: func(t *testing.T, m *model.Model) {
				if l := m.Clusters[0].PublicCIDRs; l.Known() || l.Range != span(5, 3, 5, 31) {
					t.Errorf("cidrs %+v", l)
				}
			},
			warn: span(5, 22, 5, 31),
			want: []string{`vpc.publicAccessCIDRs must be a list of strings, not the string "0.0.0.0/0"`},
		},
		{
			name: "a CIDR is a mapping",
			src:  doc("vpc:", "  publicAccessCIDRs: [{cidr: x}]"),
			check: func(t *testing.T, m *model.Model) {
				if l := m.Clusters[0].PublicCIDRs; !l.IsSet() || values(l) != "?@5:23" || l.Val[0].Range != span(5, 23, 5, 32) {
					t.Errorf("cidrs %+v", l)
				}
			},
			warn: span(5, 23, 5, 32),
			want: []string{"vpc.publicAccessCIDRs[0] must be a string, not a mapping"},
		},
		{
			name: "version is a bare number",
			src:  lines("apiVersion: eksctl.io/v1alpha5", "kind: ClusterConfig", "metadata: {name: c, version: 1.30}"),
			check: func(t *testing.T, m *model.Model) {
				if v := m.Clusters[0].Version; v.Known() || v.Range != span(3, 21, 3, 34) {
					t.Errorf("version %+v", v)
				}
			},
			warn: span(3, 30, 3, 34),
			want: []string{`metadata.version must be a string, not the number 1.30: quote it ("1.30")`},
		},
		{
			name: "name is a mapping",
			src:  lines("apiVersion: eksctl.io/v1alpha5", "kind: ClusterConfig", "metadata: {name: {a: b}}"),
			check: func(t *testing.T, m *model.Model) {
				if c := m.Clusters[0]; c.Name.Known() || c.Name.Range != span(3, 12, 3, 24) || c.Address != "ClusterConfig" {
					t.Errorf("name %+v address %q", c.Name, c.Address)
				}
			},
			warn: span(3, 18, 3, 24),
			want: []string{"metadata.name must be a string, not a mapping"},
		},
		{
			name: "enableTypes is a mapping",
			src:  doc("cloudWatch:", "  clusterLogging:", "    enableTypes: {api: true}"),
			check: func(t *testing.T, m *model.Model) {
				if l := m.Clusters[0].LogTypes; l.Known() || l.Range != span(6, 5, 6, 29) {
					t.Errorf("log types %+v", l)
				}
			},
			warn: span(6, 18, 6, 29),
			want: []string{"cloudWatch.clusterLogging.enableTypes must be a list of strings, not a mapping"},
		},
		{
			name: "secretsEncryption is a string",
			src:  doc("secretsEncryption: arn:aws:kms:x"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "secrets", m.Clusters[0].SecretsEncryption, source.Unknown, false, span(4, 1, 4, 33))
			},
			warn: span(4, 20, 4, 33),
			want: []string{`secretsEncryption must be a mapping, not the string "arn:aws:kms:x"`},
		},
		{
			name: "privateCluster is a boolean",
			src:  doc("privateCluster: true"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "public", m.Clusters[0].PublicEndpoint, source.Unknown, false, span(4, 1, 4, 21))
				checkBool(t, "private", m.Clusters[0].PrivateEndpoint, source.Unknown, false, span(4, 1, 4, 21))
			},
			warn: span(4, 17, 4, 21),
			want: []string{"privateCluster must be a mapping, not the boolean true"},
		},
		{
			name: "nodeGroups is a mapping",
			src:  doc("nodeGroups: {name: ng}"),
			check: func(t *testing.T, m *model.Model) {
				if len(m.NodeGroups) != 0 {
					t.Errorf("node groups %+v", m.NodeGroups)
				}
			},
			warn: span(4, 13, 4, 23),
			want: []string{"nodeGroups must be a list, not a mapping"},
		},
		{
			name: "privateNetworking is a number",
			src:  doc("nodeGroups:", "  - name: ng", "    privateNetworking: 1"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "world", m.NodeGroups[0].SSHOpenToWorldWithoutSources, source.Unknown, false, span(6, 5, 6, 25))
			},
			warn: span(6, 24, 6, 25),
			want: []string{"nodeGroups[0].privateNetworking must be true or false, not the number 1"},
		},
		{
			name: "availabilityZones is a string",
			src:  doc("managedNodeGroups:", "  - name: ng", "    availabilityZones: eu-west-1a"),
			check: func(t *testing.T, m *model.Model) {
				if l := m.NodeGroups[0].AvailabilityZones; l.Known() || l.Range != span(6, 5, 6, 34) {
					t.Errorf("zones %+v", l)
				}
			},
			warn: span(6, 24, 6, 34),
			want: []string{`managedNodeGroups[0].availabilityZones must be a list of strings, not the string "eu-west-1a"`},
		},
		{
			name: "ssh is a boolean",
			src:  doc("nodeGroups:", "  - name: ng", "    ssh: true"),
			check: func(t *testing.T, m *model.Model) {
				g := m.NodeGroups[0]
				checkBool(t, "ssh", g.SSH, source.Unknown, false, span(6, 5, 6, 14))
				if g.SSHSourceSecurityGroups.Known() {
					t.Errorf("sources %+v", g.SSHSourceSecurityGroups)
				}
			},
			warn: span(6, 10, 6, 14),
			want: []string{"nodeGroups[0].ssh must be a mapping, not the boolean true"},
		},
		{
			name: "allow is a word",
			src:  doc("nodeGroups:", "  - name: ng", "    ssh:", "      allow: sometimes"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "ssh", m.NodeGroups[0].SSH, source.Unknown, false, span(7, 7, 7, 23))
			},
			warn: span(7, 14, 7, 23),
			want: []string{`nodeGroups[0].ssh.allow must be true or false, not the string "sometimes"`},
		},
		{
			name: "a quoted yes is a string for eksctl too",
			src:  doc("nodeGroups:", "  - name: ng", "    ssh:", `      allow: "yes"`),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "ssh", m.NodeGroups[0].SSH, source.Unknown, false, span(7, 7, 7, 19))
			},
			warn: span(7, 14, 7, 19),
			want: []string{`not the string "yes"`},
		},
		{
			name: "the only key is a list",
			src:  doc("nodeGroups:", "  - name: ng", "    ssh:", "      publicKeyName: [a]"),
			check: func(t *testing.T, m *model.Model) {
				checkBool(t, "ssh", m.NodeGroups[0].SSH, source.Unknown, false, span(7, 7, 7, 25))
			},
			warn: span(7, 22, 7, 25),
			want: []string{"nodeGroups[0].ssh.publicKeyName must be a string, not a list"},
		},
		{
			name: "a subnet is a list",
			src:  doc("nodeGroups:", "  - name: ng", "    subnets: [a, [b]]"),
			check: func(t *testing.T, m *model.Model) {
				g := m.NodeGroups[0]
				if values(g.Subnets) != "a@6:15 ?@6:18" || values(g.SubnetZones) != "?@6:15 ?@6:18" {
					t.Errorf("subnets %s zones %s", values(g.Subnets), values(g.SubnetZones))
				}
			},
			warn: span(6, 18, 6, 21),
			want: []string{"nodeGroups[0].subnets[1] must be a string, not a list"},
		},
		{
			name:  "a declared subnet is a string",
			src:   doc("vpc:", "  subnets:", "    private:", "      a: subnet-1"),
			check: func(t *testing.T, m *model.Model) {},
			warn:  span(7, 10, 7, 18),
			want:  []string{`vpc.subnets.private.a must be a mapping, not the string "subnet-1"`},
		},
		{
			name:  "a long value is shortened",
			src:   doc("vpc:", "  clusterEndpoints:", "    publicAccess: "+strings.Repeat("x", 100)),
			check: func(t *testing.T, m *model.Model) {},
			warn:  span(6, 19, 6, 119),
			want:  []string{`not the string "` + strings.Repeat("x", 40) + `…"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := adapt(t, tt.src)
			onlyWarning(t, problems, tt.warn, tt.want...)
			tt.check(t, m)
		})
	}
}

func TestNodeGroupsThatAreNotMappings(t *testing.T) {
	m, problems := adapt(t, doc("nodeGroups:", "  - just-a-string", "  -", "  - name: ok"))
	if len(m.NodeGroups) != 1 || m.NodeGroups[0].Address != "ClusterConfig/c/nodeGroups/ok" {
		t.Errorf("the mapping entry is kept: %+v", m.NodeGroups)
	}
	if len(problems) != 2 {
		t.Fatalf("want two warnings, got %v", problems)
	}
	if p := problems[0]; p.Level != source.LevelWarning || p.Range != span(5, 5, 5, 18) || p.Message != `nodeGroups[0] must be a mapping, not the string "just-a-string"` {
		t.Errorf("first: %v", p)
	}
	if p := problems[1]; p.Level != source.LevelWarning || p.Message != "nodeGroups[1] must be a mapping, not null" {
		t.Errorf("second: %v", p)
	}
}

// TestDocumentsOfTheWrongShape: Adapt is robust to whatever it is handed.
func TestDocumentsOfTheWrongShape(t *testing.T) {
	if m, ps := Adapt(nil); m == nil || len(m.Clusters) != 0 || len(ps) != 0 {
		t.Errorf("nil document: %+v %v", m, ps)
	}
	if m, ps := Adapt(&yamldoc.Doc{File: source.FileOf(file)}); len(m.Clusters) != 0 || len(ps) != 1 || ps[0].Level != source.LevelWarning || ps[0].Range.Path() != file {
		t.Errorf("document without a root: %+v %v", m, ps)
	}
	docs, _, _ := yamldoc.Decode(file, []byte("- a\n- b\n"))
	if m, ps := Adapt(docs[0]); len(m.Clusters) != 0 || len(ps) != 1 || !strings.Contains(ps[0].Message, "must be a mapping, not a list") {
		t.Errorf("a list: %+v %v", m, ps)
	}
	docs, _, _ = yamldoc.Decode(file, []byte("{}\n"))
	m, ps := Adapt(docs[0])
	if len(ps) != 0 || len(m.Clusters) != 1 {
		t.Fatalf("an empty mapping: %+v %v", m, ps)
	}
	checkBool(t, "public of {}", m.Clusters[0].PublicEndpoint, source.Default, true, span(1, 1, 1, 3))
}

func TestAliasesAndMergeKeys(t *testing.T) {
	m := adaptClean(t, doc(
		"x-off: &off false",
		"x-ng: &ng",
		"  ssh:",
		"    allow: true",
		"  privateNetworking: true",
		"vpc:",
		"  clusterEndpoints:",
		"    publicAccess: *off",
		"nodeGroups:",
		"  - <<: *ng",
		"    name: a",
		"    privateNetworking: false",
		"  - *ng",
	))
	// An aliased value is located where it is used: key through alias.
	checkBool(t, "public", m.Clusters[0].PublicEndpoint, source.Set, false, span(11, 5, 11, 23))
	if len(m.NodeGroups) != 2 {
		t.Fatalf("want two node groups, got %d", len(m.NodeGroups))
	}
	a, b := m.NodeGroups[0], m.NodeGroups[1]
	if a.Address != "ClusterConfig/c/nodeGroups/a" || a.Range != span(13, 5, 13, 7) {
		t.Errorf("merged group %+v", a.Object)
	}
	// A merged key is located where it is written (in the anchor); a key
	// written beside the merge key wins.
	checkBool(t, "merged ssh", a.SSH, source.Set, true, span(7, 5, 7, 16))
	checkBool(t, "own privateNetworking", a.SSHOpenToWorldWithoutSources, source.Set, true, span(15, 5, 15, 29))
	// An item that is an alias starts at the alias: the anchor's first key
	// belongs to every group that aliases it.
	if b.Address != "ClusterConfig/c/nodeGroups/1" || b.Range != span(16, 5, 16, 8) {
		t.Errorf("aliased group %+v", b.Object)
	}
	checkBool(t, "aliased privateNetworking", b.SSHOpenToWorldWithoutSources, source.Set, false, span(8, 3, 8, 26))
}

// TestHostileAliases: merge keys that merge themselves and a list that
// repeats one anchor many times stay bounded and linear.
func TestHostileAliases(t *testing.T) {
	m := adaptClean(t, doc(
		"nodeGroups:",
		"  - &n",
		"    <<: [*n, *n]",
		"    name: loop",
		"  - <<: *n",
	))
	if len(m.NodeGroups) != 2 || m.NodeGroups[0].Address != "ClusterConfig/c/nodeGroups/loop" || m.NodeGroups[1].Address != "ClusterConfig/c/nodeGroups/loop" {
		t.Errorf("self-merging groups %+v", m.NodeGroups)
	}

	// 10,000 groups alias one mapping of 10,000 keys whose lists alias one
	// list of 10,000 subnets: read naively, that is billions of values.
	const n = yamldoc.MaxObjects // all a file may hold
	var big strings.Builder
	big.WriteString("x-s: &s [s0")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&big, ", s%d", i)
	}
	big.WriteString("]\nx-g: &g {")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&big, "k%d: 1, ", i)
	}
	big.WriteString("name: g, subnets: *s, availabilityZones: *s, ssh: {allow: true, sourceSecurityGroupIds: *s}}\n")
	big.WriteString("nodeGroups: [*g" + strings.Repeat(", *g", n-1) + "]")
	m = adaptClean(t, doc(big.String()))
	if len(m.NodeGroups) != n {
		t.Fatalf("want %d groups, got %d", n, len(m.NodeGroups))
	}
	first, last := m.NodeGroups[0], m.NodeGroups[n-1]
	if !source.IsTrue(last.SSH) || len(last.Subnets.Val) != n || len(last.SubnetZones.Val) != n || last.Subnets.Val[n-1].Val != fmt.Sprintf("s%d", n-1) {
		t.Errorf("last group: ssh %+v, %d subnets", last.SSH, len(last.Subnets.Val))
	}
	if &first.Subnets.Val[0] != &last.AvailabilityZones.Val[0] || &first.SubnetZones.Val[0] != &last.SubnetZones.Val[0] {
		t.Error("a list shared through an alias is read once")
	}

	// 10,000 groups alias one that merges 10,000 mappings: a lookup
	// visits a bounded number of them.
	m = adaptClean(t, doc("x-a: &a {ssh: {allow: true}}",
		"x-g: &g {name: g, <<: [*a"+strings.Repeat(", *a", n-1)+"]}",
		"nodeGroups: [*g"+strings.Repeat(", *g", n-1)+"]"))
	if len(m.NodeGroups) != n || !source.IsTrue(m.NodeGroups[n-1].SSH) {
		t.Errorf("want %d groups with SSH on through the merge, got %d", n, len(m.NodeGroups))
	}
}

// TestBadValueThroughAliasesReportedOnce: one bad value read by many node
// groups is one problem, and Unknown in every group.
func TestBadValueThroughAliasesReportedOnce(t *testing.T) {
	m, problems := adapt(t, doc("x: &g {name: g, privateNetworking: 1}", "nodeGroups: [*g, *g, *g]"))
	onlyWarning(t, problems, span(4, 36, 4, 37), "nodeGroups[0].privateNetworking must be true or false, not the number 1")
	for _, g := range m.NodeGroups {
		if g.SSHOpenToWorldWithoutSources.Known() {
			t.Errorf("%s: %+v", g.Address, g.SSHOpenToWorldWithoutSources)
		}
	}
}

// TestSharedListsReadOnce: each of several lists that an alias makes three
// node groups read is read once, and is the same list in each group, zones
// included.
func TestSharedListsReadOnce(t *testing.T) {
	m := adaptClean(t, doc(
		"vpc:",
		"  publicAccessCIDRs: [10.0.0.0/8]",
		"  subnets:",
		"    private:",
		"      p1: {az: eu-west-1a}",
		"cloudWatch: {clusterLogging: {enableTypes: [api]}}",
		"x-g: &g",
		"  name: g",
		"  availabilityZones: [eu-west-1a]",
		"  subnets: [p1, p2]",
		"  ssh: {allow: true, sourceSecurityGroupIds: [sg-1]}",
		"  iam: {attachPolicyARNs: [arn:aws:iam::aws:policy/A]}",
		"nodeGroups: [*g, *g, *g]",
	))
	if len(m.NodeGroups) != 3 {
		t.Fatalf("want three groups, got %d", len(m.NodeGroups))
	}
	first, last := m.NodeGroups[0], m.NodeGroups[2]
	for _, l := range []struct {
		name        string
		first, last source.Strings
	}{
		{"zones", first.AvailabilityZones, last.AvailabilityZones},
		{"subnets", first.Subnets, last.Subnets},
		{"subnet zones", first.SubnetZones, last.SubnetZones},
		{"sources", first.SSHSourceSecurityGroups, last.SSHSourceSecurityGroups},
	} {
		if len(l.first.Val) == 0 || len(l.last.Val) != len(l.first.Val) || &l.first.Val[0] != &l.last.Val[0] {
			t.Errorf("%s: %v and %v are not one list read once", l.name, l.first.Val, l.last.Val)
		}
	}
	if got := values(last.SubnetZones); got != "eu-west-1a@8:12 ?@13:17" {
		t.Errorf("subnet zones %s", got)
	}
	if got := values(m.Clusters[0].PublicCIDRs); got != "10.0.0.0/8@5:23" {
		t.Errorf("public CIDRs %s", got)
	}
}

// TestSharingChangesNothing: what elements and subnetZonesOf keep for a
// node read from another place only saves work. Every ClusterConfig of the
// fixtures, the examples and the tests' aliased documents is read the
// same with and without keeping it; a file without "&" has nothing to
// share (mayShare).
func TestSharingChangesNothing(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*/*.yaml")
	examples, _ := filepath.Glob(filepath.Join(corpus, "*.yaml"))
	files = append(files, examples...)
	srcs := map[string][]byte{
		"aliases.yaml": []byte(doc(
			"vpc: {subnets: {private: {p1: {az: eu-west-1a}}}}",
			"x-l: &l [eu-west-1a, 1]",
			"x-g: &g {name: g, availabilityZones: *l, subnets: [p1, p2], ssh: {sourceSecurityGroupIds: *l}}",
			"nodeGroups: [*g, {<<: *g, name: h}, {name: i, subnets: *l}]",
		)),
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[f] = src
	}
	read := 0
	for name, src := range srcs {
		docs, _, _ := yamldoc.Decode(name, src)
		for _, d := range docs {
			if av, k := d.APIVersionKind(); !Is(av, k) {
				continue
			}
			read++
			if mayShare(d) != bytes.Contains(src, []byte("&")) {
				t.Errorf("%s: mayShare %v", name, mayShare(d))
			}
			m1, p1 := adaptDoc(d, true)
			m2, p2 := adaptDoc(d, false)
			if !reflect.DeepEqual(m1, m2) || !reflect.DeepEqual(p1, p2) {
				t.Errorf("%s: read differently without sharing:\n%+v %v\n%+v %v", name, m1, p1, m2, p2)
			}
		}
	}
	if read < 30 {
		t.Errorf("only %d ClusterConfigs read", read)
	}
}
