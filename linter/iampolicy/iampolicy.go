// Package iampolicy reads IAM policy documents into their statements and
// names AWS-managed policy ARNs, without knowing where the document came
// from: the adapters turn JSON text, Terraform values and YAML mappings
// into the plain tree it reads (map[string]any, []any, string), with
// Unknown standing for any value that cannot be known offline.
package iampolicy

import (
	"encoding/json"
	"strings"
)

// Unknown stands, in a document tree, for a value not knowable offline.
type Unknown struct{}

// Statement is one statement of a policy document. Lists keep only their
// known elements; Partial says that some element was unknown.
type Statement struct {
	// Index is the statement's position in the document's Statement list
	// (0 when Statement is a single object).
	Index int
	// Effect is "Allow" or "Deny" as written; "" when unknown or absent.
	Effect string
	// Actions are Action's (or NotAction's, when NotAction) known values.
	Actions   []string
	NotAction bool
	// Resources are Resource's (or NotResource's) known values.
	Resources   []string
	NotResource bool
	// Partial: an element of Action or Resource could not be known.
	Partial bool
}

// Document is a policy document's statements; Complete is false when the
// statement list itself, or a statement's effect, actions or resources,
// could not be wholly read.
type Document struct {
	Statements []Statement
	Complete   bool
}

// ParseJSON reads a policy document written as JSON text.
func ParseJSON(text string) (Document, bool) {
	var tree any
	if err := json.Unmarshal([]byte(text), &tree); err != nil {
		return Document{}, false
	}
	return Parse(tree)
}

// MaxStatements bounds the statements read from one document. IAM caps
// an inline role policy at 10,240 characters and a managed policy at 6,144
// (IAM and AWS STS quotas), and the shortest statement takes 47
// ({"Effect":"Allow","Action":"*","Resource":"*"},), so no document it
// accepts holds more than about 220 statements; a huge one, repeated for
// thousands of instances, would otherwise fill the model.
const MaxStatements = 250

// Parse reads a policy document tree. ok is false when it is not an object.
func Parse(tree any) (Document, bool) {
	obj, ok := tree.(map[string]any)
	if !ok {
		return Document{}, false
	}
	doc := Document{Complete: true}
	raw, ok := lookup(obj, "Statement")
	if !ok {
		return doc, true
	}
	var list []any
	switch s := raw.(type) {
	case []any:
		list = s
	case map[string]any:
		list = []any{s}
	default:
		doc.Complete = false
		return doc, true
	}
	if len(list) > MaxStatements {
		// Beyond what IAM stores: the first ones are read, the document
		// is not complete.
		list, doc.Complete = list[:MaxStatements], false
	}
	for i, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			doc.Complete = false
			continue
		}
		st := Statement{Index: i}
		if e, ok := lookup(m, "Effect"); ok {
			if s, ok := e.(string); ok {
				st.Effect = s
			}
		}
		st.Actions, st.NotAction, st.Partial = either(m, "Action", "NotAction", st.Partial)
		st.Resources, st.NotResource, st.Partial = either(m, "Resource", "NotResource", st.Partial)
		if st.Partial || st.Effect == "" {
			// What the statement grants is not wholly known.
			doc.Complete = false
		}
		doc.Statements = append(doc.Statements, st)
	}
	return doc, true
}

// lookup finds key in obj; IAM reads element names case-sensitively, but
// Terraform's jsonencode keeps whatever case was written, so the exact key
// is tried first and then any spelling.
func lookup(obj map[string]any, key string) (any, bool) {
	if v, ok := obj[key]; ok {
		return v, true
	}
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// either reads Action/NotAction (or Resource/NotResource).
func either(m map[string]any, key, notKey string, partial bool) ([]string, bool, bool) {
	not := false
	v, ok := lookup(m, key)
	if !ok {
		if v, ok = lookup(m, notKey); ok {
			not = true
		}
	}
	if !ok {
		return nil, false, partial
	}
	vals, p := strs(v)
	return vals, not, partial || p
}

// strs reads a string or a list of strings; partial when something in it
// is not a known string.
func strs(v any) ([]string, bool) {
	switch s := v.(type) {
	case string:
		return []string{s}, false
	case []any:
		var out []string
		partial := false
		for _, e := range s {
			if str, ok := e.(string); ok {
				out = append(out, str)
			} else {
				partial = true
			}
		}
		return out, partial
	}
	return nil, true
}

// WildcardAction reports whether an action grants every action, or every
// action of one service: "*" or "<service>:*".
func WildcardAction(a string) bool {
	a = strings.TrimSpace(a)
	if a == "*" {
		return true
	}
	svc, rest, ok := strings.Cut(a, ":")
	return ok && svc != "" && rest == "*"
}

// Broad reports whether a statement allows, on every resource, every
// action or every action of a service (or everything but a list, through
// NotAction); what names the grant for messages.
func (s Statement) Broad() (what string, ok bool) {
	if !strings.EqualFold(s.Effect, "Allow") || s.NotResource {
		return "", false
	}
	all := false
	for _, r := range s.Resources {
		if strings.TrimSpace(r) == "*" {
			all = true
		}
	}
	if !all {
		return "", false
	}
	if s.NotAction {
		return "NotAction (every action but " + strings.Join(s.Actions, ", ") + ")", true
	}
	for _, a := range s.Actions {
		if WildcardAction(a) {
			return "Action " + a, true
		}
	}
	return "", false
}

// ManagedName returns the name of an AWS-managed policy ARN
// (arn:<partition>:iam::aws:policy[/path]/<name>) in any partition. A
// partition written as Hole (an unknown interpolation) matches too.
func ManagedName(arn string) (string, bool) {
	parts, res, ok := SplitARN(arn)
	if !ok || parts[0] != "arn" || parts[2] != "iam" || parts[3] != "" || parts[4] != "aws" {
		return "", false
	}
	if p := parts[1]; p != Hole && !strings.HasPrefix(p, "aws") {
		return "", false
	}
	if !strings.HasPrefix(res, "policy/") || strings.Contains(res, Hole) {
		return "", false
	}
	name := res[strings.LastIndex(res, "/")+1:]
	return name, name != ""
}

// SplitARN splits an ARN at its first five colons, as
// strings.SplitN(arn, ":", 6) would: the five fields before the resource
// (arn, partition, service, region, account), and the resource, which may
// hold colons of its own. ok is false when there are fewer than five
// colons. It exists because SplitN allocates its slice, and the rules ask
// this of every policy ARN of every role, most of which match nothing.
func SplitARN(arn string) (fields [5]string, resource string, ok bool) {
	rest := arn
	for i := range fields {
		var found bool
		fields[i], rest, found = strings.Cut(rest, ":")
		if !found {
			return [5]string{}, "", false
		}
	}
	return fields, rest, true
}

// Hole marks, inside an ARN put together by an adapter, an interpolation
// whose value is unknown (data.aws_partition.current.partition).
const Hole = "\x00"

// ManagedARN is the ARN of an AWS-managed policy in the aws partition.
func ManagedARN(name string) string { return "arn:aws:iam::aws:policy/" + name }
