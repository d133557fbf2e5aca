package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/iampolicy"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP021 flags a secrets-encryption configuration that does not do what it
// seems to: it does not list "secrets", or names no KMS key.
var CP021 = &linter.Rule{
	ID:       "EKS-CP-021",
	Name:     "secrets-encryption-config-invalid",
	Summary:  "The secrets encryption configuration does not cover Secrets, names no KMS key, or names a key of another region",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"security", "encryption", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			if !source.IsTrue(c.SecretsEncryption) {
				continue
			}
			if res := c.SecretsResources; res.Known() && !listsSecrets(res) {
				name := c.Object.Name("encryption_config.resources")
				what := name + " is empty"
				if len(res.Val) > 0 {
					what = name + " does not list \"secrets\""
				}
				if !res.IsSet() {
					what = name + " is not given"
				}
				p.Report(c, res.Range, `%s: EKS envelope-encrypts only the resources listed, and "secrets" is the only one it accepts, so Secrets are not encrypted with your KMS key; set %s = ["secrets"]`,
					what, name).In("resources")
			}
			if key := c.SecretsKeyARN; key.Known() && strings.TrimSpace(key.Val) == "" {
				name := c.Object.Name("encryption_config.provider.key_arn")
				what := name + " is empty"
				if !key.IsSet() {
					what = "no " + name + " is given"
				}
				p.Report(c, key.Range, "%s: secrets encryption needs the ARN of a symmetric KMS key in the cluster's region, and EKS refuses the configuration without one; set %s to the key's ARN",
					what, name).In("key")
			} else if keyRegion, ok := kmsRegion(key); ok && c.Region.Known() && c.Region.Val != "" && keyRegion != c.Region.Val {
				p.Report(c, key.Range, "the KMS key is in %s but the cluster is created in %s: EKS only accepts a key from the cluster's own region; use a key created in %s",
					keyRegion, c.Region.Val, c.Region.Val).In("key").Also(c.Region.Range, "the cluster's region is set here")
			}
		}
	},
}

// listsSecrets reports whether a known list names "secrets"; a list with
// an unknown element may, so it counts as listing it.
func listsSecrets(list source.Strings) bool {
	for _, r := range list.Val {
		if !r.Known() || r.Val == "secrets" {
			return true
		}
	}
	return false
}

// kmsRegion reads the region of a KMS key or alias ARN written in the
// file (arn:aws:kms:eu-west-1:111122223333:key/…).
func kmsRegion(key source.Value[string]) (string, bool) {
	if !key.IsSet() {
		return "", false
	}
	parts, _, ok := iampolicy.SplitARN(strings.TrimSpace(key.Val))
	if !ok || parts[0] != "arn" || parts[2] != "kms" || parts[3] == "" {
		return "", false
	}
	return parts[3], true
}
