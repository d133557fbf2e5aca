package rules

import (
	"fmt"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// broadPolicies are AWS-managed policies far beyond what an EKS cluster,
// node or workload role needs, with what each grants.
var broadPolicies = map[string]string{
	"AdministratorAccess": "every action on every resource",
	"PowerUserAccess":     "every action except most of IAM and Organizations",
	"IAMFullAccess":       "full control of IAM, enough to grant itself anything",
	"AmazonEC2FullAccess": "full control of EC2, including every instance and network of the account",
}

// NG052 flags EKS roles with administrator-like policies or wildcard
// statements.
var NG052 = &linter.Rule{
	ID:       "EKS-NG-052",
	Name:     "eks-role-overprivileged",
	Summary:  "A cluster, node or workload IAM role has broad AWS-managed policies or wildcard statements",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "iam"},
	Check: func(p *linter.Pass) {
		for _, r := range allRoles(p.Model) {
			if r.Use == model.UnusedRole {
				continue
			}
			for _, pol := range r.Policies {
				if !pol.Known() {
					continue
				}
				name, ok := iampolicy.ManagedName(pol.Val)
				if !ok {
					continue
				}
				if what, bad := broadPolicies[name]; bad {
					related(p.ReportSeverity(sev(p, r), r, pol.Range, "%s is attached to the %s %s: it grants %s, so %s gets that too%s; replace it with a policy scoped to the actions and resources the role needs",
						pol.Val, r.Use, roleName(r), what, holder(r), bounded(r)).In(name), r, pol.Range)
				}
				if name == "AmazonEC2ContainerRegistryPowerUser" {
					related(p.ReportSeverity(linter.Low, r, pol.Range, "%s is attached to the %s %s: it lets the role push and overwrite images in every ECR repository of the account; give image builders a role of their own, or scope a policy to the repositories they build",
						pol.Val, r.Use, roleName(r)).In(name), r, pol.Range)
				}
			}
			for i, st := range r.Statements {
				s := iampolicy.Statement{Effect: st.Effect, Actions: st.Actions, NotAction: st.NotAction, Resources: st.Resources, NotResource: st.NotResource}
				what, ok := s.Broad()
				if !ok {
					continue
				}
				related(p.ReportSeverity(sev(p, r), r, st.Range, "a statement of %s allows %s on Resource \"*\" to the %s %s%s; list the actions the role needs and scope them to its resources",
					st.Policy, what, r.Use, roleName(r), bounded(r)).In(fmt.Sprintf("%s/%d", st.Policy, i)), r, st.Range)
			}
		}
	},
}

// related adds the role's declaration and the objects using it to a
// finding that points elsewhere.
func related(rep linter.Reported, r *model.Role, at source.Range) {
	if r.Range != at {
		switch r.Format {
		case model.Module:
			rep.Also(r.Range, "the module call that creates the role")
		case model.Eksctl:
			rep.Also(r.Range, "eksctl creates the role from these settings")
		default:
			rep.Also(r.Range, "the role %s is declared here", r.Address)
		}
	}
	for _, u := range r.Users {
		if u != at {
			rep.Also(u, "the role is used here")
		}
	}
}

// holder says who can use what a role grants: whoever gets its
// credentials, or for an EKS capability's role (eksctl capabilities[],
// assumed by the AWS-run ACK, kro or Argo CD controller, not by anything
// on the nodes) whoever may create the resources the controller acts on.
func holder(r *model.Role) string {
	if r.Kind == "capability" {
		return "anyone allowed to create the resources the capability acts on in the cluster"
	}
	return "whoever gets the role's credentials (a compromised pod or node)"
}

// sev is the severity of a broad grant: medium when a permissions boundary
// may cap it.
func sev(p *linter.Pass, r *model.Role) linter.Severity {
	if source.IsTrue(r.Boundary) {
		return linter.Medium
	}
	return p.Rule.Severity
}

func bounded(r *model.Role) string {
	if source.IsTrue(r.Boundary) {
		return " (a permissions boundary may cap it, but the grant is still far broader than needed)"
	}
	return ""
}
