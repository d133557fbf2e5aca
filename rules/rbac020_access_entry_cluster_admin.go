package rules

import (
	"regexp"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// RBAC020 flags an access entry that grants cluster-wide admin through an
// EKS access policy.
var RBAC020 = &linter.Rule{
	ID:       "EKS-RBAC-020",
	Name:     "access-entry-cluster-admin",
	Summary:  "An access entry is associated with AmazonEKSClusterAdminPolicy or AmazonEKSAdminPolicy at cluster scope",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "access", "rbac"},
	Params: []linter.Param{{
		Name:    "break-glass",
		Kind:    linter.StringList,
		Default: []string{},
		Doc:     `IAM principal ARNs allowed to hold cluster-wide admin (break-glass roles); "*" in an entry matches any run of characters`,
	}},
	Check: func(p *linter.Pass) {
		allowed := p.Strings("break-glass")
		for _, c := range p.Model.Clusters {
			for _, e := range c.AccessEntries {
				for _, pol := range e.Policies {
					name, ok := adminPolicy(pol)
					if !ok {
						continue
					}
					if len(allowed) > 0 && (!e.PrincipalARN.Known() || principalAllowed(e.PrincipalARN.Val, allowed)) {
						continue
					}
					who := "its principal"
					switch {
					case e.PrincipalARN.Known() && e.PrincipalARN.Val != "":
						who = e.PrincipalARN.Val
					case e.Kind == "capability":
						who = "the capability's role"
					}
					scope := field(&e.Object, "access_scope.type", "accessScope.type")
					r := p.Report(e, pol.PolicyARN.Range, "%s is associated at cluster scope: %s can do anything in every namespace of the cluster; associate a narrower policy (AmazonEKSEditPolicy, AmazonEKSViewPolicy) or set %s to namespace with the namespaces it needs, or list the principal under break-glass if it is a break-glass role",
						name, who, scope).Also(pol.ScopeType.Range, "the cluster scope is set here")
					if pol.Path != "" {
						r.In(pol.Path)
					}
				}
			}
		}
	},
}

// adminPolicy reports whether pol grants cluster-wide admin: one of EKS's
// admin access policies (in any partition) at cluster scope.
func adminPolicy(pol *model.AccessPolicy) (string, bool) {
	if !pol.PolicyARN.Known() || !pol.ScopeType.Known() || !strings.EqualFold(pol.ScopeType.Val, "cluster") {
		return "", false
	}
	arn := strings.TrimSpace(pol.PolicyARN.Val)
	for _, name := range []string{"AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy"} {
		if strings.HasPrefix(arn, "arn:") && strings.HasSuffix(arn, ":cluster-access-policy/"+name) {
			return name, true
		}
	}
	return "", false
}

// principalAllowed matches an ARN against the break-glass list; "*" in an
// entry matches any run of characters.
func principalAllowed(arn string, allowed []string) bool {
	for _, a := range allowed {
		parts := strings.Split(a, "*")
		for i, s := range parts {
			parts[i] = regexp.QuoteMeta(s)
		}
		if regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(arn) {
			return true
		}
	}
	return false
}
