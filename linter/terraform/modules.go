package terraform

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// MaxModuleDepth bounds how deep calls to local modules are followed.
const MaxModuleDepth = 16

// MaxModuleCalls bounds how many local module calls are followed from one
// root module, all depths together. The depth bound alone lets the work grow
// as the number of calls to the power of the depth: two calls of the next
// module in each of sixteen modules make 65,536 modules to read.
const MaxModuleCalls = 1000

// MaxRunModuleCalls bounds the local module calls followed in one run, all
// root modules together, and MinModuleCalls is what each root may follow
// however many share the run. Every folder of Terraform files is read as a
// root (whether another calls it is known only after reading them all):
// without a bound for the run, 200 folders that each call all the others
// made 200 roots of 1,000 calls each, 154 s and 4.3 GB. The run's bound is
// shared out evenly, so that each root's share depends only on how many
// roots there are, not on which is read first: the output stays the same
// on any number of cores.
const (
	MaxRunModuleCalls = 10000
	MinModuleCalls    = 50
)

// callsPerRoot is how many local module calls each of roots root modules
// may follow.
func callsPerRoot(roots int) int {
	if roots <= 0 {
		return MaxModuleCalls
	}
	return min(MaxModuleCalls, max(MinModuleCalls, MaxRunModuleCalls/roots))
}

// callState is what the reading of one root module and of the modules it
// calls share about those calls: how many were followed, of how many
// allowed (max), and whether it has said that it stopped; modules are the
// run's module folders.
type callState struct {
	n, max  int
	roots   int // the run's root modules, for the message at the bound
	warned  bool
	modules *Modules
	local   map[string]*moduleFolder // the folders the run's Modules had no room for
	// installed maps the keys of .terraform/modules/modules.json, in the
	// root's folder, to the folders terraform init put them in.
	installed map[string]string
	// decoded holds what the decode functions gave, by text (see decode).
	decoded map[decodeKey]decoded
	// work is what the evaluation of all of them has spent (see
	// maxModuleWork).
	work int
	// stopped holds the calls already reported as loops: each instance of
	// the calling module would report the same call again (and the
	// problems be deduplicated in the end). tooDeep: a call nested too deep
	// was reported.
	stopped map[hcl.Range]bool
	tooDeep bool
	// tokens are those of the files read so far (the root's and each
	// called folder's, once), of maxRootTokens; charged says of each
	// folder called whether it was read (true) or refused (false).
	tokens  int
	charged map[string]bool
	// blocks is how many nested blocks were read one by one (see
	// maxNestedBlocks).
	blocks int
}

// folder returns module folder dir: the run's, else, when the run keeps no
// more, this root's own, let go with the root; nil when its files would
// take the root's past maxRootTokens.
func (c *callState) folder(dir string) *moduleFolder {
	read, decided := c.charged[dir]
	if decided && !read {
		return nil // refused once, and not read again for each call
	}
	f := c.read(dir)
	if !decided {
		if c.charged == nil {
			c.charged = map[string]bool{}
		}
		if c.tokens+f.tokens > maxRootTokens {
			c.charged[dir] = false
			delete(c.local, dir) // not kept for the root
			return nil
		}
		c.tokens += f.tokens
		c.charged[dir] = true
	}
	return f
}

func (c *callState) read(dir string) *moduleFolder {
	f, mine := c.modules.folder(dir)
	if f != nil {
		return f
	}
	if f = c.local[dir]; f != nil {
		return f
	}
	if mine == nil {
		mine = readFolder(dir)
	}
	if c.local == nil {
		c.local = map[string]*moduleFolder{}
	}
	c.local[dir] = mine
	return mine
}

// once reports whether the call at r has not been reported as stopped yet,
// and records that it now is.
func (c *callState) once(r hcl.Range) bool {
	if c.stopped[r] {
		return false
	}
	if c.stopped == nil {
		c.stopped = map[hcl.Range]bool{}
	}
	c.stopped[r] = true
	return true
}

// pastBound says why a call past the bound is not read.
func (c *callState) pastBound(name string) string {
	if c.max < MaxModuleCalls {
		return fmt.Sprintf("module %q is past the %d local module calls ekslint follows from one root module in a run of %d Terraform root modules (%d in all); it and the calls after it are not read: lint this root module on its own to follow up to %d",
			name, c.max, c.roots, MaxRunModuleCalls, MaxModuleCalls)
	}
	return fmt.Sprintf("module %q is past the %d local module calls ekslint follows from one root module; it and the calls after it are not read", name, c.max)
}

// maxModuleFile bounds what is read of one file of a called module, as the
// engine bounds the files it reads itself.
const maxModuleFile = 16 << 20

// Loaded is everything LoadModule read.
type Loaded struct {
	Model    *model.Model
	Files    []*source.File
	Problems []source.Problem
	// Modules are the folders of the local modules this one calls,
	// followed as children: they are not root modules of their own.
	Modules []string
}

// moduleMeta are the arguments of a module block that are not inputs.
var moduleMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

// follow adapts the local modules m calls, with their inputs bound to the
// values the call passes, and adds their objects to out with addresses
// prefixed by the call (module.platform.aws_eks_cluster.main). ancestors
// holds the folders already on the call path, so a module that calls
// itself ends with a warning instead of recursing.
func (m *module) follow(out *Loaded, ancestors []string) {
	var later []laterCall // calls that refer to other calls, read after them
	for _, b := range m.modules {
		m.protect(b.DefRange, "this module call", func() { m.call(b, out, ancestors, &later) })
	}
	for _, c := range later {
		m.protect(c.block.DefRange, "this module call", c.read)
	}
}

// laterCall is a module call read after the others.
type laterCall struct {
	block *hcl.Block
	read  func()
}

func (m *module) call(b *hcl.Block, out *Loaded, ancestors []string, later *[]laterCall) {
	name := b.Labels[0]
	attrs, _ := b.Body.JustAttributes() // nested blocks (lifecycle) are not inputs
	srcAttr, ok := attrs["source"]
	if !ok || m.noInstances(attrs) {
		return
	}
	srcVal := m.eval(srcAttr.Expr)
	if !srcVal.IsKnown() || srcVal.IsNull() || srcVal.Type() != cty.String {
		return
	}
	src := srcVal.AsString()
	key := name
	if m.key != "" {
		key = m.key + "." + name
	}
	var dir string
	switch {
	case strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../"):
		dir = path.Clean(path.Join(m.dir, src))
	default:
		// A registry or git module: read where `terraform init` put it,
		// else, for terraform-aws-modules/eks, from its inputs.
		if d, ok := m.installed(key); ok {
			dir = d
			break
		}
		if (isEKSModule(src) || eksSubmodule(src) != "") && m.turnedOff(attrs) {
			return
		}
		if isEKSModule(src) {
			m.eksModule(b, attrs, src, out)
			return
		}
		if sub := eksSubmodule(src); sub != "" {
			*later = append(*later, laterCall{b, func() { m.eksSubmoduleCall(b, attrs, src, sub, out) }})
			return
		}
		out.Problems = append(out.Problems, source.Notef(rangeOf(srcAttr.Range),
			"module %q comes from %q, which ekslint does not fetch (run terraform init to let ekslint read it); its resources are not checked", name, src))
		return
	}
	for _, a := range ancestors {
		if a == dir {
			if m.calls.once(srcAttr.Range) {
				out.Problems = append(out.Problems, warnAt(srcAttr.Range, "module %q calls %s, which is already being read on this call path; the loop is not followed", name, dir))
			}
			return
		}
	}
	if len(ancestors) > MaxModuleDepth {
		// Once per root, as for the bound below: each module at the
		// deepest level would say it again for each of its calls.
		if !m.calls.tooDeep {
			m.calls.tooDeep = true
			out.Problems = append(out.Problems, warnAt(srcAttr.Range, "module %q is nested more than %d calls deep; ekslint stops here, and at every call as deep from this root module", name, MaxModuleDepth))
		}
		return
	}
	if m.calls.n++; m.calls.n > m.calls.max {
		// Once: every call past the bound would say the same.
		if !m.calls.warned {
			m.calls.warned = true
			out.Problems = append(out.Problems, warnAt(srcAttr.Range, "%s", m.calls.pastBound(name)))
		}
		return
	}
	folder := m.calls.folder(dir)
	if folder == nil {
		out.Problems = append(out.Problems, warnAt(srcAttr.Range, "module %q is not read: with it, the files of this root module and of the modules it calls would hold more than %d tokens together (names, numbers, strings and operators), more than ekslint parses for one root module", name, maxRootTokens))
		return
	}
	files := folder.files
	out.Problems = append(out.Problems, folder.problems...)
	if len(files) == 0 {
		out.Problems = append(out.Problems, warnAt(srcAttr.Range, "module %q: %s holds no Terraform files", name, dir))
		return
	}
	child := newModule(dir)
	child.key, child.root, child.parsed, child.calls, child.roots = key, m.root, m.parsed, m.calls, m.roots
	child.shared = folder.parsed
	out.Files = append(out.Files, child.read(files)...)

	// Inputs are evaluated in the caller.
	m.within(instance{scope: callScope(attrs)}, func() {
		for _, a := range sortedAttrs(attrs) {
			if moduleMeta[a.Name] {
				continue
			}
			if v, ok := child.vars[a.Name]; ok {
				child.assign(v, m.eval(a.Expr), a.Range)
				v.passed = true
				child.hasInputs = true
			}
		}
	})
	childOut := &Loaded{Model: child.adapt()}
	child.follow(childOut, append(ancestors, dir))
	m.engines = append(m.engines, child.engines...)
	prefixAddresses(childOut.Model, "module."+name+".")
	out.Model.Merge(childOut.Model)
	out.Files = append(out.Files, childOut.Files...)
	out.Problems = append(out.Problems, child.problems...)
	out.Problems = append(out.Problems, childOut.Problems...)
	out.Modules = append(out.Modules, dir)
	out.Modules = append(out.Modules, childOut.Modules...)
}

// prefixAddresses names a called module's objects from the caller: it puts
// prefix (module.platform.) before the address of every object of m, of
// the launch templates its node groups use, and of the objects that the
// descriptions of security group attachments and the names of IAM policies
// mention. A call inside the called module was prefixed already, so nested
// calls add up (module.platform.module.nodes.aws_eks_node_group.ng).
func prefixAddresses(m *model.Model, prefix string) {
	m.Objects(func(o *model.Object) {
		// A security group named by its ID is the account's, not the
		// module's: its ID stays as written.
		if o.Kind != "security_group_id" {
			o.Address = prefix + o.Address
		}
	})
	templates := map[*model.LaunchTemplate]bool{}
	roles := map[*model.Role]bool{}
	role := func(r *model.Role) {
		if r == nil || roles[r] {
			return
		}
		roles[r] = true
		for i := range r.Statements {
			r.Statements[i].Policy = prefixWords(prefix, r.Statements[i].Policy)
		}
	}
	for _, g := range m.NodeGroups {
		if t := g.LaunchTemplate; t != nil && !templates[t] {
			templates[t] = true
			t.Address = prefix + t.Address
		}
		role(g.Role)
	}
	for _, c := range m.Clusters {
		role(c.Role)
	}
	for _, r := range m.IAM.Roles {
		role(r)
	}
	for _, g := range m.Network.SecurityGroups {
		for i := range g.Attachments {
			g.Attachments[i].What = prefixWords(prefix, g.Attachments[i].What)
		}
	}
}

// prefixWords puts prefix before each word of text that is an address of
// the module's own (aws_eks_cluster.main, data.aws_eks_cluster.x,
// module.eks): the descriptions the adapter writes name objects by their
// addresses, in words of their own.
func prefixWords(prefix, text string) string {
	words := strings.Split(text, " ")
	for i, w := range words {
		lead := len(w) - len(strings.TrimLeft(w, "(\""))
		rest := w[lead:]
		dot := strings.IndexByte(rest, '.')
		if dot <= 0 {
			continue
		}
		if head := rest[:dot]; head == "data" || head == "module" || strings.HasPrefix(head, "aws_") || strings.HasPrefix(head, "kubernetes_") {
			words[i] = w[:lead] + prefix + rest
		}
	}
	return strings.Join(words, " ")
}

// moduleFiles reads a called module's .tf and .tf.json files, in name order.
func moduleFiles(dir string) ([]File, []source.Problem) {
	entries, err := os.ReadDir(filepath.FromSlash(dir))
	if err != nil {
		return nil, []source.Problem{source.Errorf(source.InFile(dir), "cannot read module folder: %v", err)}
	}
	var names []string
	for _, e := range entries {
		n := strings.ToLower(e.Name())
		if !e.IsDir() && (strings.HasSuffix(n, ".tf") || strings.HasSuffix(n, ".tf.json")) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var files []File
	var problems []source.Problem
	for _, n := range names {
		p := join(dir, n)
		src, err := readFile(p)
		if err != nil {
			problems = append(problems, source.Errorf(source.InFile(p), "cannot read: %s", readError(err)))
			continue
		}
		files = append(files, File{Path: p, Src: src})
	}
	return files, problems
}

// installed looks a module call up in .terraform/modules/modules.json,
// which `terraform init` writes in the root module: key is the dotted path
// of call names ("eks", "eks.kms"). ok is false when init has not run or
// the module's folder is missing.
func (m *module) installed(key string) (string, bool) {
	// Read once per root, for all the modules it calls: each instance
	// of a module read it again, and a manifest of 100,000 modules read
	// by 1,000 instances took two minutes.
	if m.calls.installed == nil {
		m.calls.installed = readModulesJSON(m.root)
	}
	d, ok := m.calls.installed[key]
	if !ok {
		return "", false
	}
	if st, err := os.Stat(filepath.FromSlash(d)); err != nil || !st.IsDir() {
		return "", false
	}
	return d, true
}

// readModulesJSON maps module keys to their folders, relative to the
// working folder like every other path.
func readModulesJSON(root string) map[string]string {
	out := map[string]string{}
	b, err := readFile(path.Join(root, ".terraform", "modules", "modules.json"))
	if err != nil {
		return out
	}
	var manifest struct {
		Modules []struct{ Key, Dir string }
	}
	if json.Unmarshal(b, &manifest) != nil {
		return out
	}
	for _, mod := range manifest.Modules {
		if mod.Key == "" || mod.Dir == "" || path.IsAbs(filepath.ToSlash(mod.Dir)) {
			continue
		}
		out[mod.Key] = path.Clean(path.Join(root, filepath.ToSlash(mod.Dir)))
	}
	return out
}

// noInstances reports whether a module call creates nothing, as a
// resource does not: count is known to be 0, or for_each is known and
// empty. Its objects are then not read at all.
func (m *module) noInstances(attrs hcl.Attributes) bool {
	if a, ok := attrs["count"]; ok {
		v := m.eval(a.Expr)
		if !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.Number) {
			return false
		}
		n, acc := v.AsBigFloat().Int64()
		return acc == 0 && n == 0
	}
	if a, ok := attrs["for_each"]; ok {
		v := m.eval(a.Expr)
		if !v.IsWhollyKnown() || v.IsNull() {
			return false
		}
		ty := v.Type()
		return (ty.IsMapType() || ty.IsObjectType() || ty.IsSetType()) && v.LengthInt() == 0
	}
	return false
}

// turnedOff reports whether a call of terraform-aws-modules/eks or one of
// its submodules is known to create nothing: its create input (v17's
// create_eks) is false, which every resource of the module is counted by.
func (m *module) turnedOff(attrs hcl.Attributes) bool {
	off := false
	m.within(instance{scope: callScope(attrs)}, func() {
		for _, name := range []string{"create", "create_eks"} {
			if a, ok := attrs[name]; ok {
				v := m.eval(a.Expr)
				off = off || (v.IsKnown() && !v.IsNull() && v.Type() == cty.Bool && v.False())
			}
		}
	})
	return off
}

// callScope binds the iterators of a module call: a call with count or
// for_each is read once, as a representative whose count.index and each.*
// are unknown.
func callScope(attrs hcl.Attributes) map[string]cty.Value {
	scope := map[string]cty.Value{}
	if _, ok := attrs["count"]; ok {
		scope["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
	}
	if _, ok := attrs["for_each"]; ok {
		scope["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
	}
	return scope
}
