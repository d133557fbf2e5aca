package terraform

import (
	"strings"
	"testing"
)

// TestDynamicBlocksAreBounded: the blocks dynamic blocks make are read one
// by one up to maxDynamicBlocks in a root module, all instances together;
// past it a dynamic block is one block of unknown content, with a warning
// at its for_each.
func TestDynamicBlocksAreBounded(t *testing.T) {
	defer func(n int) { maxNestedBlocks = n }(maxNestedBlocks)
	maxNestedBlocks = 50
	m, problems := loadWithin(t, map[string]string{"main.tf": `resource "aws_security_group" "s" {
  count = 10
  name  = "s${count.index}"
  dynamic "ingress" {
    for_each = range(10)
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
`}, "dynamic blocks are not bounded")
	groups := m.Network.SecurityGroups
	if len(groups) != 10 {
		t.Fatalf("%d groups, want 10", len(groups))
	}
	read, unknown := 0, 0
	for _, g := range groups {
		for _, r := range g.Ingress {
			if r.FromPort.Known() {
				read++
			} else {
				unknown++
			}
		}
	}
	// Five groups' ten blocks each, then one unknown block for each of the
	// other five.
	if read != 50 || unknown != 5 {
		t.Errorf("%d ingress rules read, %d unknown; want 50 and 5", read, unknown)
	}
	warned := 0
	for _, p := range problems {
		if strings.Contains(p.Message, "this dynamic block would make 10 blocks, past the 50") && p.Range.Start.Line == 5 {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d warnings at for_each, want 1; problems %v", warned, problems)
	}
}

// TestWrittenBlocksAreBounded: blocks written out count toward the same
// bound, for every instance.
func TestWrittenBlocksAreBounded(t *testing.T) {
	defer func(n int) { maxNestedBlocks = n }(maxNestedBlocks)
	maxNestedBlocks = 50
	rule := "  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }\n"
	m, problems := loadWithin(t, map[string]string{"main.tf": "resource \"aws_security_group\" \"s\" {\n  count = 10\n  name  = \"s${count.index}\"\n" +
		strings.Repeat(rule, 10) + "}\n"}, "written blocks are not bounded")
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
		if strings.Contains(p.Message, "these 10 ingress blocks, past the 50") && p.Range.Start.Line == 4 {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d warnings at the first ingress block, want 1; problems %v", warned, problems)
	}
}
