package terraform

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// sharedRead is one read of a resource's body that serves several areas:
// schema is the union of theirs (members).
//
// Why: the cluster and node group bodies are read by five or six areas,
// each with its own schema, once per instance; each read builds a content
// of its own (a map, copies of the attributes and blocks). One read per
// resource serves every instance and every area.
//
// Why it is equivalent: the shared content is the union schema's, so it
// holds every attribute a member names and every block of a type a member
// names, each the same as the member's own read would give, in the same
// order; a member's caller looks up only the attributes its schema names
// and picks blocks only by the types its schema names (firstBlock,
// dynamicBlock), so it cannot tell the difference. Only a read that
// cannot give a diagnostic is shared (syntaxContent's fast path, which
// also refuses a union with a required attribute): otherwise each area
// reads on its own as before, so that the diagnostics are the same.
// TestSharedRead compares both on every .tf file of the fixtures.
type sharedRead struct {
	schema  *hcl.BodySchema
	members []*hcl.BodySchema
}

// sharedReads are the shared reads by resource type. A member's caller
// must only look things up (see sharedRead).
var sharedReads = map[string]*sharedRead{
	"aws_eks_cluster": union(instanceSchema, clusterSchema, identityClusterSchema, versionSchema, upgradeSchema,
		clusterSGSchema, clusterRoleSchema),
	"aws_eks_node_group": union(instanceSchema, nodeGroupSchema, versionSchema, groupHardeningSchema, ngLTSchema,
		nodeRoleSchema),
	// Each node group's subnets, and each instance's.
	"aws_subnet": union(instanceSchema, subnetSchema, publicIPSchema),
}

// union is the shared read of schemas: every attribute and block header
// any of them names, once. Two headers of one block type must agree on
// the labels, as the members' reads would otherwise disagree on what is
// an error.
func union(schemas ...*hcl.BodySchema) *sharedRead {
	u := &hcl.BodySchema{}
	for _, s := range schemas {
		for _, a := range s.Attributes {
			if a.Required {
				panic("terraform: a shared read cannot require " + a.Name)
			}
			if !named(u.Attributes, a.Name) {
				u.Attributes = append(u.Attributes, a)
			}
		}
		for _, b := range s.Blocks {
			prev, ok := blockSchema(u, b.Type)
			if !ok {
				u.Blocks = append(u.Blocks, b)
			} else if !slices.Equal(prev.LabelNames, b.LabelNames) {
				panic("terraform: shared read's schemas disagree on the labels of " + b.Type)
			}
		}
	}
	return &sharedRead{schema: u, members: schemas}
}

// resourceContent is m.content(r.block.Body, s), from r's shared read when
// s is a member of one.
func (m *module) resourceContent(r *resource, s *hcl.BodySchema) *hcl.BodyContent {
	if c := sharedContent(r, s); c != nil {
		return c
	}
	return m.content(r.block.Body, s)
}

// sharedContent is r's shared read when s is a member of one and the read
// is taken, else nil.
func sharedContent(r *resource, s *hcl.BodySchema) *hcl.BodyContent {
	if !r.sharedDone {
		r.sharedDone = true
		if sh := sharedReads[r.typ]; sh != nil {
			r.sharedRead = sh
			if sb, ok := r.block.Body.(*hclsyntax.Body); ok {
				r.shared, _ = syntaxContent(sb, sh.schema)
			}
		}
	}
	if r.shared != nil && slices.Contains(r.sharedRead.members, s) {
		return r.shared
	}
	return nil
}
