package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// CP032 flags a cluster that makes whoever creates it a cluster admin.
var CP032 = &linter.Rule{
	ID:       "EKS-CP-032",
	Name:     "cluster-creator-implicit-admin",
	Summary:  "The IAM principal that creates the cluster is made a cluster admin",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "access", "control-plane"},
	Check: func(p *linter.Pass) {
		for _, c := range p.Model.Clusters {
			admin := c.CreatorAdmin
			if !source.IsTrue(admin) {
				continue
			}
			name := field(&c.Object, "access_config.bootstrap_cluster_creator_admin_permissions", "accessConfig.bootstrapClusterCreatorAdminPermissions")
			switch {
			case c.CreatorAdminEntry:
				p.Report(c, admin.Range, "%s = true gives whoever runs terraform apply a cluster-admin access entry (AmazonEKSClusterAdminPolicy): who is admin depends on who applies, not on a reviewed principal; set it to false and list the admins in access_entries",
					name)
			case c.Format == model.Module:
				// v18 and v19 of the module send no access_config.
				p.Report(c, admin.Range, "this version of terraform-aws-modules/eks creates the cluster without access_config, so EKS makes the IAM principal that creates it a cluster admin that appears nowhere in the configuration; upgrade to v20 or later of the module (which turns this off) and grant admin through access entries")
			default:
				fix := "set it to false and grant admin through explicit access entries"
				how := "through an access entry nobody declared, and keeps it until someone removes it"
				if m := c.AuthenticationMode; m.Known() && m.Val == "CONFIG_MAP" {
					fix = "switch the authentication mode to API or API_AND_CONFIG_MAP (EKS requires the bootstrap in CONFIG_MAP mode), set it to false and grant admin through explicit access entries"
					// In CONFIG_MAP mode there are no access entries: the
					// creator is an admin that neither aws-auth nor the API
					// lists.
					how = "that appears neither in aws-auth nor in any access entry (the authentication mode is CONFIG_MAP), and keeps it for the life of the cluster"
				}
				p.Report(c, admin.Range, "%s is true%s: the IAM principal that creates the cluster gets cluster-admin %s; %s",
					name, origin(admin), how, fix)
			}
		}
	},
}
