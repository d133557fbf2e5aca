package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP020 flags a cluster whose Secrets are not envelope-encrypted with a
// customer-managed KMS key.
var CP020 = &linter.Rule{
	ID:       "EKS-CP-020",
	Name:     "secrets-cmk-encryption-missing",
	Summary:  "Kubernetes Secrets are not envelope-encrypted with a customer-managed KMS key",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "encryption", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsFalse(c.SecretsEncryption) {
				continue
			}
			how := field(&c.Object, `add encryption_config { resources = ["secrets"] provider { key_arn = <KMS key ARN> } }`,
				"set secretsEncryption.keyARN to a KMS key ARN")
			if v, ok := minor(c.Version.Val); ok && c.Version.Known() && v < 28 {
				p.ReportSeverity(linter.High, c, c.SecretsEncryption.Range,
					"Secrets are stored without envelope encryption: Kubernetes 1.%d predates EKS's default encryption of API data; %s", v, how)
				continue
			}
			p.Report(c, c.SecretsEncryption.Range,
				"Secrets are not envelope-encrypted with a customer-managed KMS key (only EKS's AWS-owned key), so you control neither rotation nor key policy; %s", how)
		}
	},
}
