package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// NG001 flags node groups whose SSH port is open to the whole internet.
var NG001 = &linter.Rule{
	ID:       "EKS-NG-001",
	Name:     "node-ssh-open-to-internet",
	Summary:  "Node group SSH (port 22) is open to 0.0.0.0/0",
	Severity: linter.Critical,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"security", "network", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			if sshOpenToWorld(g) {
				// The missing restriction is the bad part: point at the
				// source groups, or the block that should hold them.
				p.Report(g, g.SSHSourceSecurityGroups.Range, "SSH is enabled with no source security groups, so port 22 on every node is open to the internet; %s",
					field(&g.Object, "set remote_access.source_security_group_ids, or drop the key and use SSM Session Manager",
						"set ssh.sourceSecurityGroupIds or privateNetworking: true, or disable SSH and use SSM (ssh.enableSsm)"))
			}
		}
	},
}

// sshOpenToWorld: SSH on, source groups known to be empty, and the
// platform then opens port 22 to the world.
func sshOpenToWorld(g *model.NodeGroup) bool {
	return source.IsTrue(g.SSH) && g.SSHSourceSecurityGroups.Known() && len(g.SSHSourceSecurityGroups.Val) == 0 &&
		source.IsTrue(g.SSHOpenToWorldWithoutSources)
}
