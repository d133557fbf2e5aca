package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/model"
)

// CP052 flags a node group whose Kubernetes version is newer than the
// control plane's, or more than two minors behind it.
var CP052 = &linter.Rule{
	ID:       "EKS-CP-052",
	Name:     "nodegroup-version-skew",
	Summary:  "The node group's Kubernetes version is skewed from the control plane's",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module},
	Tags:     []string{"reliability", "nodes", "versions"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			c := g.Cluster
			if c == nil || !g.Version.IsSet() || !c.Version.IsSet() {
				continue
			}
			ng, ok1 := eksdata.Minor(g.Version.Val)
			cp, ok2 := eksdata.Minor(c.Version.Val)
			if !ok1 || !ok2 {
				continue
			}
			f := g.Name("version")
			if g.Format == model.Module {
				f = moduleGroupVersionField(c)
			}
			switch {
			case ng > cp:
				p.Report(g, g.Version.Range, "the node group runs Kubernetes 1.%d, newer than the control plane's 1.%d: a kubelet must never be newer than the API server, and EKS refuses it; set %s to 1.%d",
					ng, cp, f, cp).Also(c.Version.Range, "the control plane's version")
			case cp-ng > 2:
				p.Report(g, g.Version.Range, "the node group runs Kubernetes 1.%d, %d minors behind the control plane's 1.%d: that is at or past the kubelet skew Kubernetes allows, and the control plane cannot be upgraded again until the nodes are; upgrade %s towards 1.%d",
					ng, cp-ng, cp, f, cp).Also(c.Version.Range, "the control plane's version")
			}
		}
	},
}

// moduleGroupVersionField is a module node group's version input.
func moduleGroupVersionField(c *model.Cluster) string {
	if c.Object.Name("version") == "kubernetes_version" {
		return "kubernetes_version"
	}
	return "cluster_version"
}
