package kube

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func authMap(t *testing.T, src string) *model.AuthMap {
	t.Helper()
	m := adaptClean(t, src)
	if len(m.Access.AuthMaps) != 1 || len(m.Workloads) != 0 {
		t.Fatalf("want one aws-auth map and no workload, got %d, %d", len(m.Access.AuthMaps), len(m.Workloads))
	}
	return m.Access.AuthMaps[0]
}

const authHead = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\ndata:\n"

// Each style of block scalar places the group on line 10 of the file, at
// the column where it is written.
func TestAuthBlockScalarPositions(t *testing.T) {
	for name, tc := range map[string]struct {
		header, indent string
	}{
		"literal":          {"|", "    "},
		"strip":            {"|-", "      "},
		"keep":             {"|+", "   "},
		"indicator":        {"|4", "      "}, // counted from the key's indentation, 2
		"indicator, strip": {"|2-", "    "},
		"comment":          {"| # roles", "    "},
	} {
		t.Run(name, func(t *testing.T) {
			in := tc.indent
			src := authHead + "  mapRoles: " + tc.header + "\n" +
				in + "- rolearn: arn:aws:iam::111122223333:role/a\n" +
				in + "  username: a\n" +
				in + "  groups:\n" +
				in + "    - system:masters\n"
			am := authMap(t, src)
			if len(am.Entries) != 1 || len(am.Problems) != 0 {
				t.Fatalf("entries %d, problems %v", len(am.Entries), am.Problems)
			}
			e := am.Entries[0]
			g := e.Groups.Val[0]
			want := source.PosAt(11, len(in)+7)
			if g.Val != "system:masters" || g.Range.Start != want {
				t.Errorf("group %q at %v, want %v", g.Val, g.Range.Start, want)
			}
			if e.ARN.Range.Start != (source.PosAt(8, len(in)+3)) || e.Range.Start.Line != 8 {
				t.Errorf("rolearn at %v, entry at %v", e.ARN.Range.Start, e.Range.Start)
			}
		})
	}
}

func TestAuthCRLFAndQuoted(t *testing.T) {
	src := strings.ReplaceAll(authHead+"  mapRoles: |\n    - rolearn: arn:aws:iam::1:role/a\n      username: a\n", "\n", "\r\n")
	am := authMap(t, src)
	if got := am.Entries[0].ARN.Range.Start; got != pos(8, 7) {
		t.Errorf("CRLF: rolearn at %v", got)
	}
	// An escaped string is not the file's text: findings point at the key.
	am = authMap(t, authHead+"  mapUsers: \"- userarn: arn:aws:iam::1:user/\\u0061\\n  username: a\\n\"\n")
	if got := am.Entries[0].ARN; got.Val != "arn:aws:iam::1:user/a" || got.Range != span(7, 3, 7, 11) {
		t.Errorf("escaped: %q at %v", got.Val, got.Range)
	}
}

func TestAuthNamespaceAndOtherKinds(t *testing.T) {
	am := authMap(t, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n")
	if am.Namespace.Known() || am.Address != "ConfigMap/aws-auth" {
		t.Errorf("no namespace: %+v %q", am.Namespace, am.Address)
	}
	m := adaptClean(t, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n")
	if len(m.Access.AuthMaps) != 0 {
		t.Errorf("a Secret named aws-auth is not the aws-auth ConfigMap")
	}
}

// A map of many aliases of one large entry stays bounded.
func TestAuthAliasesBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("- &e {rolearn: x, username: y, groups: [")
	for i := 0; i < 2000; i++ {
		b.WriteString("g,")
	}
	b.WriteString("g]}\n")
	for i := 0; i < 200; i++ {
		b.WriteString("- *e\n")
	}
	entries, problems := AuthText(source.FileOf(testFile), model.MapRoles, b.String(), nil, span(1, 1, 1, 2))
	if len(entries) == 0 || len(problems) == 0 || !strings.Contains(problems[0].Message, "group names in all") {
		t.Errorf("entries %d, problems %v", len(entries), problems)
	}
}

// Deep nesting and a huge list stay bounded.
func TestAuthHostile(t *testing.T) {
	deep := "- " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	if _, problems := AuthText(source.FileOf(testFile), model.MapRoles, deep, nil, span(1, 1, 1, 2)); len(problems) == 0 {
		t.Errorf("deep nesting: want a problem")
	}
	huge := strings.Repeat("- \"111122223333\"\n", MaxAuthEntries+5)
	entries, problems := AuthText(source.FileOf(testFile), model.MapAccounts, huge, nil, span(1, 1, 1, 2))
	if len(entries) != MaxAuthEntries || len(problems) != 1 {
		t.Errorf("huge: %d entries, %d problems", len(entries), len(problems))
	}
}
