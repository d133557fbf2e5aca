package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// NG040 flags node groups confined to one availability zone.
var NG040 = &linter.Rule{
	ID:       "EKS-NG-040",
	Name:     "nodegroup-single-az",
	Summary:  "The node group runs in a single availability zone",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Terraform, model.Module, model.Eksctl},
	Tags:     []string{"reliability", "nodes"},
	Check: func(p *linter.Pass) {
		for _, g := range p.Model.NodeGroups {
			switch {
			case g.AvailabilityZones.Known() && len(g.AvailabilityZones.Val) == 1:
				p.Report(g, g.AvailabilityZones.Range, "the node group is pinned to one availability zone%s; an AZ outage takes all its nodes: list at least two zones",
					zoneName(g.AvailabilityZones.Val[0].Val))
			case g.Subnets.Known() && len(g.Subnets.Val) == 1:
				p.Report(g, g.Subnets.Range, "the node group has a single subnet, so all its nodes share one availability zone; give it subnets in at least two zones")
			case g.Subnets.Known() && len(g.Subnets.Val) >= 2:
				if zone, ok := sameZone(g); ok {
					r := p.Report(g, g.Subnets.Range, "all %d subnets of the node group are in %s; give it subnets in at least two zones", len(g.Subnets.Val), zone)
					for i, z := range g.SubnetZones.Val {
						r.Also(z.Range, "subnet %d is in %s", i+1, z.Val)
					}
				}
			}
		}
	},
}

// sameZone reports whether every subnet's zone is known and the same.
func sameZone(g *model.NodeGroup) (string, bool) {
	if !g.SubnetZones.Known() || len(g.SubnetZones.Val) != len(g.Subnets.Val) {
		return "", false
	}
	zone := ""
	for _, z := range g.SubnetZones.Val {
		if !z.Known() || z.Val == "" || (zone != "" && z.Val != zone) {
			return "", false
		}
		zone = z.Val
	}
	return zone, zone != ""
}

func zoneName(z string) string {
	if z == "" {
		return ""
	}
	return " (" + z + ")"
}
