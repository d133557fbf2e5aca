package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG002 flags SSH access to nodes that NG001 does not already cover.
var NG002 = &linter.Rule{
	ID:       "EKS-NG-002",
	Name:     "node-ssh-enabled",
	Summary:  "An SSH key reaches the nodes of a node group",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			if !source.IsTrue(g.SSH) || sshOpenToWorld(g) {
				continue
			}
			how := field(&g.Object, "remove remote_access", "remove the ssh settings")
			t := g.LaunchTemplate
			fromTemplate := t != nil && t.KeyName.IsSet() && t.KeyName.Range == g.SSH.Range
			if fromTemplate {
				how = "remove key_name"
				if t.Shared {
					how += " from the launch template"
				}
			}
			r := p.Report(g, g.SSH.Range, "SSH access to the nodes is enabled; prefer SSM Session Manager, which needs no open port or shared key, and %s", how)
			if fromTemplate {
				withGroup(r, g)
			}
		}
	},
}
