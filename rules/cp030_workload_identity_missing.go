package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP030 flags a cluster whose pods cannot get IAM roles of their own:
// neither IRSA nor EKS Pod Identity is set up.
var CP030 = &linter.Rule{
	ID:       "EKS-CP-030",
	Name:     "workload-identity-missing",
	Summary:  "The cluster has neither IRSA (an IAM OIDC provider) nor EKS Pod Identity",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "iam", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsFalse(c.WorkloadIdentity) {
				continue
			}
			const why = "so pods that call AWS can only use the node role's credentials, shared by every pod on the node"
			switch c.Format {
			case model.Eksctl:
				p.Report(c, c.WorkloadIdentity.Range, "iam.withOIDC is false%s and no EKS Pod Identity is configured, %s; set iam.withOIDC: true, or add the %s add-on and iam.podIdentityAssociations",
					origin(c.WorkloadIdentity), why, "eks-pod-identity-agent")
			case model.Module:
				p.Report(c, c.WorkloadIdentity.Range, "enable_irsa is false and nothing sets up EKS Pod Identity for this cluster, %s; set enable_irsa = true, or add the eks-pod-identity-agent add-on and aws_eks_pod_identity_association resources",
					why)
			default:
				p.Report(c, c.WorkloadIdentity.Range, "no aws_iam_openid_connect_provider uses this cluster's OIDC issuer and no EKS Pod Identity is set up (no aws_eks_pod_identity_association, no eks-pod-identity-agent add-on), %s; create an aws_iam_openid_connect_provider with url = %s.identity[0].oidc[0].issuer, or use EKS Pod Identity",
					why, c.Address)
			}
		}
	},
}
