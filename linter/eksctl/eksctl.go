// Package eksctl adapts eksctl ClusterConfig documents into the model,
// filling omitted fields with eksctl's own defaults (CATALOG section 1.3:
// pkg/apis/eksctl.io/v1alpha5/defaults.go, the config-file loader and the
// CloudFormation builders).
//
// Every value keeps its exact range: a written value its key through the
// value, an omitted one the nearest enclosing key that exists. A value of
// the wrong type is Unknown and reported as a warning; the adapter never
// guesses and never panics.
package eksctl

import (
	"bytes"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// Is reports whether apiVersion/kind name an eksctl ClusterConfig.
func Is(apiVersion, kind string) bool {
	return strings.HasPrefix(apiVersion, "eksctl.io/") && kind == "ClusterConfig"
}

// Adapt turns one ClusterConfig document into a cluster and its node groups.
func Adapt(doc *yamldoc.Doc) (*model.Model, []source.Problem) {
	if doc == nil {
		return &model.Model{}, nil
	}
	return adaptDoc(doc, mayShare(doc))
}

// adaptDoc is Adapt, keeping what was read for another place when shares
// is set. Without it a file that shares nodes is read the same, only
// slower (TestSharingChangesNothing).
func adaptDoc(doc *yamldoc.Doc, shares bool) (*model.Model, []source.Problem) {
	a := newAdapter(doc.File)
	a.shares = shares
	a.read(doc)
	a.letGo()
	return &a.model, a.problems
}

// read adapts doc into a.model.
func (a *adapter) read(doc *yamldoc.Doc) {
	a.budget = doc.Budget
	m := &a.model
	root := yamldoc.Deref(doc.Root)
	if root == nil || root.Kind != yaml.MappingNode {
		a.warn(doc.Root, "a ClusterConfig must be a mapping, not %s", describe(doc.Root))
		return
	}
	top := a.top("", root, a.header(root))
	c := a.cluster(top)
	a.clusters[0] = c
	m.Clusters = a.clusters[:]
	m.NodeGroups = a.nodeGroups(top, c)
	// Settings of other areas, each in a file of its own.
	a.versions(m, top, c)
	a.identity(m, top, c)
	a.iam(m, top, c)
	a.authMaps(m, top, c)
	a.schema(m, root, c)
}

// letGo drops what the adapter holds of the document once it is read: the
// model is made with the adapter and lives as long as the run, and the
// indexes below would keep the document's nodes alive as long.
func (a *adapter) letGo() {
	a.keys, a.lists, a.warned, a.zones, a.budget = nil, nil, nil, nil, nil
}

// adapter holds what one Adapt call accumulates.
type adapter struct {
	file     source.FileID
	problems []source.Problem
	budget   *yamldoc.Budget // the file's objects still to read
	// model is the one Adapt returns, made with the adapter: one
	// allocation per document rather than two. The adapter then lives as
	// long as the model (to the end of the run), so Adapt lets go of the
	// nodes it indexed when it is done.
	model model.Model
	// clusterModel and clusters are the document's one cluster and the slice
	// that holds it in model, made with the adapter for the same reason
	// (clusters has capacity one: a merge appends to a new array).
	clusterModel model.Cluster
	clusters     [1]*model.Cluster
	// The maps below are made on their first write (see put): most
	// documents need few or none of them.
	//
	// keys indexes the keys of large mappings, which aliases may have
	// every node group read.
	keys keyIndex
	// lists holds the lists of strings already read, and the zones of
	// lists of subnets, by list node (see elements), when shares is set:
	// only then can a list be reached twice.
	lists  map[*yaml.Node]*listRead
	shares bool
	// warned holds the nodes already reported: a bad value that aliases
	// make many node groups read is reported once.
	warned map[*yaml.Node]bool
	// zones maps subnet names and IDs declared under vpc.subnets to their
	// availability zone, for the node groups' SubnetZones.
	zones subnetZones
}

func newAdapter(file source.FileID) *adapter {
	return &adapter{file: file, shares: true}
}

// mayShare reports whether two places of the document may hold the same
// node: only through an alias, or a merge key, of an anchor, and an anchor
// is written with "&". A file without that character has no anchor (nor
// an alias: one must name an anchor), so every node is read from one
// place only and nothing read needs keeping for another. Most files are
// such; without their text (a document built elsewhere), assume sharing.
func mayShare(doc *yamldoc.Doc) bool {
	return doc.Src == nil || bytes.IndexByte(doc.Src, '&') >= 0
}

// put sets m[k] = v, making the map on its first write.
func put[M ~map[K]V, K comparable, V any](m *M, k K, v V) {
	if *m == nil {
		*m = M{}
	}
	(*m)[k] = v
}

// listRead is what was read from one list of strings: its elements and,
// for a list of subnets, their zones (nil until subnetZonesOf resolves
// them).
type listRead struct {
	values, zones []source.Value[string]
}

// warn reports a value of the wrong shape at node n, once.
func (a *adapter) warn(n *yaml.Node, format string, args ...any) {
	if n != nil {
		if a.warned[n] {
			return
		}
		put(&a.warned, n, true)
	}
	a.problems = append(a.problems, source.Warnf(a.rng(n), format, args...))
}

// rng is the exact range of n in the document's file.
func (a *adapter) rng(n *yaml.Node) source.Range { return yamldoc.Range(a.file, n) }
