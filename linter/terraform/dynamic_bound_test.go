package terraform

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// TestNestedBlocksAreBounded: nested blocks, made by dynamic blocks or
// written out, are read one by one up to maxNestedBlocks in a root module,
// all instances together; past it a resource's blocks of a type are one
// block of unknown content, with a warning at the for_each or at the first
// block written out.
func TestNestedBlocksAreBounded(t *testing.T) {
	defer func(n int) { maxNestedBlocks = n }(maxNestedBlocks)
	maxNestedBlocks = 50
	rule := "  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }\n"
	for _, tt := range []struct {
		name, blocks, warning string
	}{
		{"dynamic", "  dynamic \"ingress\" {\n    for_each = range(10)\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = \"tcp\"\n      cidr_blocks = [\"10.0.0.0/8\"]\n    }\n  }\n",
			"this dynamic block would make 10 blocks, past the 50"},
		{"written out", strings.Repeat(rule, 10), "these 10 ingress blocks, past the 50"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := loadWithin(t, map[string]string{"main.tf": "resource \"aws_security_group\" \"s\" {\n  count = 10\n  name  = \"s${count.index}\"\n" + tt.blocks + "}\n"},
				"nested blocks are not bounded")
			checkIngress(t, m, problems, tt.warning)
		})
	}
}

// checkIngress wants five groups' ten blocks each read, one unknown block
// for each of the other five, and one warning on line 4 or 5 (the first
// block, or the for_each in it).
func checkIngress(t *testing.T, m *model.Model, problems []source.Problem, warning string) {
	t.Helper()
	if len(m.Network.SecurityGroups) != 10 {
		t.Fatalf("%d groups, want 10", len(m.Network.SecurityGroups))
	}
	read, unknown := 0, 0
	for _, g := range m.Network.SecurityGroups {
		for _, r := range g.Ingress {
			if r.FromPort.Known() {
				read++
			} else {
				unknown++
			}
		}
	}
	if read != 50 || unknown != 5 {
		t.Errorf("%d ingress rules read, %d unknown; want 50 and 5", read, unknown)
	}
	warned := 0
	for _, p := range problems {
		if strings.Contains(p.Message, warning) && (p.Range.Start.Line == 4 || p.Range.Start.Line == 5) {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d warnings %q, want 1; problems %v", warned, warning, problems)
	}
}
