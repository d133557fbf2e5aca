package eksctl

import (
	"fmt"
	"testing"

	"github.com/ekslint/ekslint/linter/yamldoc"
	"github.com/ekslint/ekslint/linter/yamldoc/yamldoctest"
)

// TestAdaptLetsGo: the model Adapt returns lives to the end of the run, and
// must not keep the document's nodes alive with it (it did, through the
// adapter it is made with and the indexes the adapter built: of large
// mappings, of shared lists, of nodes already reported, of subnets).
func TestAdaptLetsGo(t *testing.T) {
	// A large node group, for the key index.
	big := []string{"- name: ng1", "  availabilityZones: *z", "  ssh: {allow: maybe}"}
	for i := 0; i < 2*bigMapping; i++ {
		big = append(big, fmt.Sprintf("  x%d: 1", i))
	}
	src := doc(append([]string{
		"vpc:",
		"  subnets:",
		"    private:",
		"      a: {id: subnet-1, az: us-east-1a}",
		"      b: {id: subnet-2, az: us-east-1b}",
		"availabilityZones: &z [us-east-1a, us-east-1b]",
		"managedNodeGroups:",
		"- name: m1",
		"  subnets: &s [a, b]",
		"  privateNetworking: 7",
		"- name: m2",
		"  subnets: *s",
		"nodeGroups:",
	}, big...)...)
	// The document must fill what it is meant to fill, or the test proves
	// nothing.
	docs, _, _ := yamldoc.Decode(file, []byte(src))
	a := newAdapter(docs[0].File)
	a.shares = true
	a.read(docs[0])
	if len(a.keys) == 0 || len(a.lists) == 0 || len(a.warned) == 0 || len(a.zones) == 0 {
		t.Fatalf("the test document fills keys %d, lists %d, warned %d, zones %d: each must be used",
			len(a.keys), len(a.lists), len(a.warned), len(a.zones))
	}
	if a.letGo(); a.keys != nil || a.lists != nil || a.warned != nil || a.zones != nil || a.budget != nil {
		t.Error("letGo keeps some of what the adapter indexed")
	}
	yamldoctest.LetsGo(t, file, src, func(d *yamldoc.Doc) any {
		m, _ := Adapt(d)
		return m
	})
}
