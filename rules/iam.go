package rules

import (
	"slices"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
)

// iamRules lists the IAM role rules (EKS-NG-050 to 053).
var iamRules = []*linter.Rule{NG050, NG051, NG052, NG053}

// attachesManaged reports whether one of the AWS-managed policies named
// is attached to a role (any partition). It scans the role's few policies
// on each call rather than collecting their names in a map: most roles
// have every policy asked for, and then the map was all a rule allocated.
func attachesManaged(r *model.Role, names ...string) bool {
	for _, p := range r.Policies {
		if !p.Known() {
			continue
		}
		if name, ok := iampolicy.ManagedName(p.Val); ok && slices.Contains(names, name) {
			return true
		}
	}
	return false
}

// arns writes policy names as the ARNs to attach, for messages.
func arns(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = iampolicy.ManagedARN(n)
	}
	return strings.Join(out, ", ")
}

// roleName names a role in messages: its address, and its IAM name when
// that differs and is known.
func roleName(r *model.Role) string {
	if r.Name.Known() && r.Name.Val != "" && !strings.Contains(r.Address, r.Name.Val) {
		return r.Address + " (" + r.Name.Val + ")"
	}
	return r.Address
}

// grants reports whether an Allow statement of the role's readable
// policies grants action (wildcards in the statement match), so that a
// role given the permissions of a managed policy through a policy of its
// own is not reported for lacking the managed one.
func grants(r *model.Role, actions ...string) bool {
	for _, st := range r.Statements {
		if !strings.EqualFold(st.Effect, "Allow") || st.NotAction {
			continue
		}
		for _, a := range st.Actions {
			for _, want := range actions {
				if actionMatches(a, want) {
					return true
				}
			}
		}
	}
	return false
}

// actionMatches matches an IAM action pattern (with * and ?) against an
// action, case-insensitively, as IAM does. It backtracks only to the last
// *, so its work stays proportional to len(pattern)*len(action) whatever
// the number of stars.
func actionMatches(pattern, action string) bool {
	p, a := strings.ToLower(strings.TrimSpace(pattern)), strings.ToLower(action)
	i, j := 0, 0
	star, mark := -1, 0 // the last * seen, and where in a it began to match
	for j < len(a) {
		switch {
		case i < len(p) && (p[i] == '?' || p[i] == a[j]):
			i++
			j++
		case i < len(p) && p[i] == '*':
			star, mark = i, j
			i++
		case star >= 0:
			mark++
			i, j = star+1, mark
		default:
			return false
		}
	}
	for i < len(p) && p[i] == '*' {
		i++
	}
	return i == len(p)
}

// allRoles returns every role of the model once: those of the IAM group,
// then those clusters and node groups hold that it does not list (the eks
// module's node group roles).
func allRoles(m *model.Model) []*model.Role {
	seen := map[*model.Role]bool{}
	var out []*model.Role
	add := func(r *model.Role) {
		if r != nil && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, r := range m.IAM.Roles {
		add(r)
	}
	for _, c := range m.Clusters {
		add(c.Role)
	}
	for _, g := range m.NodeGroups {
		add(g.Role)
	}
	return out
}

// opaque reports whether a role has a customer-managed policy attached by
// ARN, whose statements the input does not show: it may grant what a
// missing AWS-managed policy would, so nothing can be said about it.
func opaque(r *model.Role) bool {
	for _, p := range r.Policies {
		if !p.Known() {
			return true
		}
		if _, managed := iampolicy.ManagedName(p.Val); !managed && strings.HasPrefix(p.Val, "arn:") {
			return true
		}
	}
	return false
}
