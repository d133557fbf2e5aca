package eksctl

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// The ClusterConfig schema: unknown keys, wrong types and invalid values (EKS-META-001).

// shapeKind is what eksctl's decoder expects at one place in a config.
type shapeKind uint8

const (
	anyShape shapeKind = iota
	stringShape
	boolShape
	intShape
	numberShape
	structShape
	listShape
	mapShape
)

// shape is the type of one key of schemaTable.
type shape struct {
	kind shapeKind
	// name is a struct's name in schemaTable.
	name string
	// fields are a struct's keys, and names the same keys sorted (for
	// "did you mean" suggestions).
	fields map[string]*shape
	names  []string
	// lenient structs accept unknown keys (eksctl ignores them).
	lenient bool
	// elem is a list's or map's element.
	elem *shape
	// enum is the values a string or int may take; fold compares strings
	// in any case.
	enum []string
	fold bool
}

var (
	schemaOnce sync.Once
	schemaRoot *shape
)

// clusterConfigShape is the parsed schemaTable's ClusterConfig. The table
// is parsed on first use, so runs without eksctl files never pay for it.
func clusterConfigShape() *shape {
	schemaOnce.Do(func() {
		structs, err := parseSchema(schemaTable)
		if err != nil {
			panic(err) // the table is a constant; TestSchemaTable parses it
		}
		schemaRoot = structs["ClusterConfig"]
	})
	return schemaRoot
}

// parseSchema reads the struct blocks of the schemaTable format.
func parseSchema(text string) (map[string]*shape, error) {
	structs := map[string]*shape{}
	type field struct {
		owner      *shape
		key, typ   string
		lineNumber int
	}
	var fields []field
	var cur *shape
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasSuffix(line, "{"):
			head := strings.Fields(strings.TrimSuffix(line, "{"))
			if cur != nil || len(head) == 0 || len(head) > 2 || (len(head) == 2 && head[1] != "lenient") {
				return nil, fmt.Errorf("schema line %d: bad struct header %q", i, line)
			}
			cur = &shape{kind: structShape, name: head[0], fields: map[string]*shape{}, lenient: len(head) == 2}
			if structs[cur.name] != nil {
				return nil, fmt.Errorf("schema line %d: %s defined twice", i, cur.name)
			}
			structs[cur.name] = cur
		case line == "}":
			if cur == nil {
				return nil, fmt.Errorf("schema line %d: unmatched }", i)
			}
			cur = nil
		default:
			key, typ, ok := strings.Cut(line, " ")
			if cur == nil || !ok {
				return nil, fmt.Errorf("schema line %d: bad field %q", i, line)
			}
			fields = append(fields, field{cur, key, strings.TrimSpace(typ), i})
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("schema: %s is not closed", cur.name)
	}
	for _, f := range fields {
		t, err := parseShape(f.typ, structs)
		if err != nil {
			return nil, fmt.Errorf("schema line %d: %s.%s: %w", f.lineNumber, f.owner.name, f.key, err)
		}
		if f.owner.fields[f.key] != nil {
			return nil, fmt.Errorf("schema line %d: %s.%s defined twice", f.lineNumber, f.owner.name, f.key)
		}
		f.owner.fields[f.key] = t
		f.owner.names = append(f.owner.names, f.key)
	}
	for _, s := range structs {
		slices.Sort(s.names)
	}
	if structs["ClusterConfig"] == nil {
		return nil, fmt.Errorf("schema: no ClusterConfig")
	}
	return structs, nil
}

// parseShape reads one type of the schemaTable format.
func parseShape(t string, structs map[string]*shape) (*shape, error) {
	if rest, ok := strings.CutPrefix(t, "[]"); ok {
		elem, err := parseShape(rest, structs)
		return &shape{kind: listShape, elem: elem}, err
	}
	if rest, ok := strings.CutPrefix(t, "map["); ok {
		elem, err := parseShape(strings.TrimSuffix(rest, "]"), structs)
		return &shape{kind: mapShape, elem: elem}, err
	}
	base, values, fold := t, "", false
	if b, v, ok := strings.Cut(t, " = "); ok {
		base, values = b, v
	} else if b, v, ok := strings.Cut(t, " ~ "); ok {
		base, values, fold = b, v, true
	}
	var s *shape
	switch base {
	case "string":
		s = &shape{kind: stringShape}
	case "bool":
		s = &shape{kind: boolShape}
	case "int":
		s = &shape{kind: intShape}
	case "number":
		s = &shape{kind: numberShape}
	case "any":
		s = &shape{kind: anyShape}
	case "map":
		s = &shape{kind: mapShape, elem: &shape{kind: stringShape}}
	default:
		if s = structs[base]; s == nil {
			return nil, fmt.Errorf("unknown type %q", base)
		}
	}
	if values != "" {
		if s.kind != stringShape && s.kind != intShape {
			return nil, fmt.Errorf("enum on %q", base)
		}
		s.enum, s.fold = strings.Split(values, "|"), fold
	}
	return s, nil
}

// maxSchemaProblems bounds the findings of one document: a config written
// for another tool gives a handful, not thousands.
const maxSchemaProblems = 50

// schema checks the whole document against schemaTable, and records what
// eksctl would refuse or misread on the cluster for EKS-META-001. Values
// the readers already reported as warnings are not reported again.
func (a *adapter) schema(m *model.Model, root *yaml.Node, c *model.Cluster) {
	// The path is rarely deeper than 8: one allocation for it.
	s := schemaCheck{a: a, c: c, path: make([]pathSeg, 0, 8)}
	s.value(root, clusterConfigShape())
}

// schemaCheck walks one document.
type schemaCheck struct {
	a *adapter
	c *model.Cluster
	// seen holds the anchored nodes already checked against a shape, so
	// aliases cost nothing and are reported once (made on first use).
	seen map[schemaSeen]bool
	// path is where the walk is, as segments (vpc, clusterEndpoints, 0),
	// joined only when a problem is reported.
	path []pathSeg
}

// pathSeg is one step of schemaCheck's path: a mapping key, or a list
// index when key is "" and index >= 0.
type pathSeg struct {
	key   string
	index int
}

// key and index enter a mapping key and a list item; leave goes back.
func (s *schemaCheck) key(k string) { s.path = append(s.path, pathSeg{key: k, index: -1}) }
func (s *schemaCheck) index(i int)  { s.path = append(s.path, pathSeg{index: i}) }
func (s *schemaCheck) leave()       { s.path = s.path[:len(s.path)-1] }

// where names the current place in messages: "vpc.clusterEndpoints",
// "nodeGroups[0].name".
func (s *schemaCheck) where() string {
	if len(s.path) == 0 {
		return "the ClusterConfig"
	}
	var b strings.Builder
	for i, seg := range s.path {
		switch {
		case seg.index >= 0:
			b.WriteString("[" + strconv.Itoa(seg.index) + "]")
		case i > 0:
			b.WriteString("." + seg.key)
		default:
			b.WriteString(seg.key)
		}
	}
	return b.String()
}

type schemaSeen struct {
	n *yaml.Node
	s *shape
}

// full reports whether the config holds all the problems it may.
func (s *schemaCheck) full() bool { return len(s.c.SchemaProblems) == maxSchemaProblems }

func (s *schemaCheck) report(n *yaml.Node, format string, args ...any) {
	if s.full() || s.a.warned[n] {
		return
	}
	s.c.SchemaProblems = append(s.c.SchemaProblems, model.SchemaProblem{
		Message: fmt.Sprintf(format, args...),
		Range:   s.a.rng(n),
	})
}

// value checks n, found at the current path, against t.
func (s *schemaCheck) value(raw *yaml.Node, t *shape) {
	n := yamldoc.Deref(raw)
	if n == nil || t.kind == anyShape || yamldoc.IsNull(n) || s.full() {
		return
	}
	if n != raw || n.Anchor != "" {
		k := schemaSeen{n, t}
		if s.seen[k] {
			return
		}
		put(&s.seen, k, true)
	}
	switch t.kind {
	case structShape:
		if n.Kind != yaml.MappingNode {
			s.report(n, "%s should be a mapping, not %s", s.where(), yamldoc.Describe(n))
			return
		}
		s.mapping(n, t)
	case listShape:
		if n.Kind != yaml.SequenceNode {
			s.report(n, "%s should be a list, not %s", s.where(), yamldoc.Describe(n))
			return
		}
		for i, item := range n.Content {
			s.index(i)
			s.value(item, t.elem)
			s.leave()
		}
	case mapShape:
		if n.Kind != yaml.MappingNode {
			s.report(n, "%s should be a mapping, not %s", s.where(), yamldoc.Describe(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			s.key(n.Content[i].Value)
			s.value(n.Content[i+1], t.elem)
			s.leave()
		}
	default:
		s.scalar(n, t)
	}
}

// mapping checks the keys of a struct's mapping, merge keys included.
func (s *schemaCheck) mapping(n *yaml.Node, t *shape) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if s.full() {
			// Nothing more can be reported: the messages' suggestions
			// (an edit distance to every known key) are not worth
			// computing. 500,000 unknown keys took 17 s.
			return
		}
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Style == 0 {
			s.merge(v, t)
			continue
		}
		if f, ok := t.fields[k.Value]; ok && k.Kind == yaml.ScalarNode {
			s.key(k.Value)
			s.value(v, f)
			s.leave()
			continue
		}
		if name, ok := foldMatch(k, t.names); ok {
			if t.lenient {
				// Decoded by an UnmarshalJSON of eksctl's own with
				// encoding/json, which matches keys in any case: the
				// setting is read.
				s.key(name)
				s.value(v, t.fields[name])
				s.leave()
				continue
			}
			// eksctl's strict first pass (encoding/json) matches keys in
			// any case, so it does not refuse this one; the decode it then
			// keeps (apimachinery, case-sensitive) drops it.
			s.report(k, "eksctl ignores the key %q in %s: keys are case-sensitive, so the setting never takes effect; spell it %q",
				k.Value, s.where(), name)
			continue
		}
		if t.lenient {
			s.report(k, "eksctl ignores the unknown key %q in %s%s, so the setting never takes effect",
				k.Value, s.where(), suggest(k.Value, t.names))
			continue
		}
		s.report(k, "unknown key %q in %s%s: eksctl refuses a config with unknown keys, and a misspelled setting never takes effect",
			k.Value, s.where(), suggest(k.Value, t.names))
	}
}

// merge checks the mappings a merge key (<<) brings in.
func (s *schemaCheck) merge(v *yaml.Node, t *shape) {
	v = yamldoc.Deref(v)
	if v == nil {
		return
	}
	if v.Kind == yaml.SequenceNode {
		for _, item := range v.Content {
			s.value(item, t)
		}
		return
	}
	s.value(v, t)
}

// scalar checks a string, bool, int or number, as eksctl's decoder reads
// it: sigs.k8s.io/yaml resolves YAML 1.1 scalars (yes/no/on/off are
// booleans) and turns numbers and booleans into strings where a string is
// expected.
func (s *schemaCheck) scalar(n *yaml.Node, t *shape) {
	if n.Kind != yaml.ScalarNode {
		s.report(n, "%s should be %s, not %s", s.where(), t.describe(), yamldoc.Describe(n))
		return
	}
	plain := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
	switch t.kind {
	case boolShape:
		if !plain || !yaml11Bool(n.Value) {
			s.report(n, "%s should be true or false, not %s", s.where(), yamldoc.Describe(n))
		}
		return
	case intShape, numberShape:
		f, isNum := number(n, plain)
		switch {
		case !isNum:
			s.report(n, "%s should be %s, not %s", s.where(), t.describe(), yamldoc.Describe(n))
			return
		case t.kind == intShape && f != math.Trunc(f):
			s.report(n, "%s should be a whole number, not %s", s.where(), n.Value)
			return
		}
	case stringShape:
		if read, changed := readAsString(n, plain); changed {
			s.report(n, "%s is the number %s to YAML, which eksctl reads as %q: quote it (%q)", s.where(), n.Value, read, n.Value)
			return
		}
	}
	if t.enum != nil && !t.allows(n.Value) {
		s.report(n, "%s is %q, which eksctl does not accept: use one of %s%s", s.where(), n.Value,
			strings.Join(t.enum, ", "), suggest(n.Value, t.enum))
	}
}

// allows reports whether v is one of the enum's values.
func (t *shape) allows(v string) bool {
	for _, e := range t.enum {
		if e == v || (t.fold && strings.EqualFold(e, v)) {
			return true
		}
	}
	return false
}

// describe names what a shape expects, in messages.
func (t *shape) describe() string {
	switch t.kind {
	case boolShape:
		return "true or false"
	case intShape:
		return "a whole number"
	case numberShape:
		return "a number"
	case listShape:
		return "a list"
	case structShape, mapShape:
		return "a mapping"
	default:
		return "a string"
	}
}

// yaml11Bool reports whether a plain scalar is a boolean to YAML 1.1, as
// eksctl's decoder reads it.
func yaml11Bool(v string) bool {
	switch v {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"true", "True", "TRUE", "false", "False", "FALSE",
		"on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	return false
}

// number reads a plain scalar as a YAML number.
func number(n *yaml.Node, plain bool) (float64, bool) {
	if !plain || (n.Tag != "!!int" && n.Tag != "!!float") {
		return 0, false
	}
	if n.Tag == "!!int" {
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		return float64(i), err == nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// readAsString is the string eksctl's decoder makes of a plain number
// where a string is expected, and whether it differs from what is
// written: `version: 1.30` is the float 1.3, read as "1.3".
func readAsString(n *yaml.Node, plain bool) (string, bool) {
	if !plain {
		return "", false
	}
	switch n.Tag {
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			return "", false
		}
		s := strconv.FormatFloat(f, 'g', -1, 32)
		return s, s != n.Value
	case "!!int":
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			return "", false
		}
		s := strconv.FormatInt(i, 10)
		return s, s != n.Value
	}
	return "", false
}

// foldMatch finds the key of names that k spells in another case.
func foldMatch(k *yaml.Node, names []string) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		return "", false
	}
	for _, name := range names {
		if strings.EqualFold(k.Value, name) {
			return name, true
		}
	}
	return "", false
}

// suggest names the closest of names to v, as " (did you mean "x"?)", or
// "" when none is close: the same letters in another case, or at most
// about a quarter of v's letters changed.
func suggest(v string, names []string) string {
	best, bestDist := "", 0
	for _, name := range names {
		d := editDistance(strings.ToLower(v), strings.ToLower(name))
		limit := max(1, min(len(v), len(name))/4)
		if d > limit {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b)) // long keys are never near misses worth the cost
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
