package terraform

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestSharedRead: wherever a shared read is taken, each member's caller
// finds in it what the member's own read gives (every attribute the member
// names, present or not, the blocks of each type it names, in order), and
// the member's own read would have reported nothing; for every body of
// every .tf file of the fixtures and testdata.
func TestSharedRead(t *testing.T) {
	shared := 0
	for _, root := range tfBodies(t) {
		eachBody(root, func(b *hclsyntax.Body) {
			for typ, sh := range sharedReads {
				got, ok := syntaxContent(b, sh.schema)
				if !ok {
					continue
				}
				shared++
				for _, s := range sh.members {
					want, _, diags := b.PartialContent(s)
					if len(diags) != 0 {
						t.Errorf("%s: %s's shared read taken where a member's read reports %v", b.SrcRange, typ, diags)
					}
					compareMember(t, b, got, want, s)
				}
			}
		})
	}
	if shared == 0 {
		t.Fatal("no shared read taken")
	}
}

func compareMember(t *testing.T, b *hclsyntax.Body, got, want *hcl.BodyContent, s *hcl.BodySchema) {
	t.Helper()
	for _, as := range s.Attributes {
		g, gok := got.Attributes[as.Name]
		w, wok := want.Attributes[as.Name]
		if gok != wok || !reflect.DeepEqual(g, w) {
			t.Errorf("%s: attribute %s: shared %#v, own %#v", b.SrcRange, as.Name, g, w)
		}
	}
	for _, bs := range s.Blocks {
		if !reflect.DeepEqual(blocksOfType(got, bs.Type), blocksOfType(want, bs.Type)) {
			t.Errorf("%s: blocks %s differ", b.SrcRange, bs.Type)
		}
	}
	if got.MissingItemRange != want.MissingItemRange {
		t.Errorf("%s: MissingItemRange differs", b.SrcRange)
	}
}

func blocksOfType(c *hcl.BodyContent, typ string) hcl.Blocks {
	var out hcl.Blocks
	for _, b := range c.Blocks {
		if b.Type == typ {
			out = append(out, b)
		}
	}
	return out
}

// TestUnion: a union names every attribute and block type of its members
// once, and refuses what it cannot share.
func TestUnion(t *testing.T) {
	a := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "x"}, {Name: "y"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "b"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	b := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "y"}, {Name: "z"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "c"}, {Type: "dynamic", LabelNames: []string{"type"}}}}
	u := union(a, b)
	want := &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "x"}, {Name: "y"}, {Name: "z"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "b"}, {Type: "dynamic", LabelNames: []string{"type"}}, {Type: "c"}}}
	if !reflect.DeepEqual(u.schema, want) {
		t.Errorf("union = %#v, want %#v", u.schema, want)
	}
	mustPanic := func(name string, schemas ...*hcl.BodySchema) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s: union did not refuse", name)
			}
		}()
		union(schemas...)
	}
	mustPanic("required", &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "x", Required: true}}})
	mustPanic("labels", a, &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "b", LabelNames: []string{"n"}}}})
}
