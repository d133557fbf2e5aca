package terraform

import (
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks inputs for the control-plane log group.

// moduleAudit reads the retention of the log group the module creates for
// the control-plane logs. In v18–v21 (variables.tf) create_cloudwatch_log_group
// defaults to true and cloudwatch_log_group_retention_in_days to 90; v17
// always creates the group, with cluster_log_retention_in_days (default 90).
// Without the module's group, the caller may declare its own: a log group
// of the calling module named /aws/eks/<name>/cluster, by value or through
// module.<call>.cluster_name; else EKS creates one that never expires.
func (in eksInputs) moduleAudit(c *model.Cluster, out *Loaded) {
	retention := "cloudwatch_log_group_retention_in_days"
	create := source.DefaultAt(true, in.header)
	if in.major <= 17 {
		retention = "cluster_log_retention_in_days"
	} else {
		create = in.boolean("create_cloudwatch_log_group", true)
	}
	if c.Names != nil && in.major <= 17 {
		(*c.Names)["cloudwatch_log_group_retention_in_days"] = retention
	}
	switch {
	case !create.Known():
		c.LogRetentionDays = source.UnknownAt[int](create.Range)
	case create.Val:
		c.LogRetentionDays = in.days(retention, 90)
	default:
		call := in.callName(c)
		// A group named for another cluster stands for that one.
		other := &model.Cluster{}
		named := in.m.logGroupNames(out.Model.Audit.LogGroups, func(e hcl.Expression) *model.Cluster {
			switch owner := in.m.nameOwner(e); owner {
			case "":
				if r, ok := in.m.refOf(e); ok && r.res.typ == "aws_eks_cluster" {
					return other
				}
				return nil
			case "module." + call:
				return c
			default:
				return other
			}
		})
		for _, n := range named {
			n.resolve(other)
		}
		c.LogRetentionDays, c.LogGroup = clusterRetention(c, named, source.DefaultAt(0, create.Range))
	}
}

// callName is the label of the module call c was read from.
func (in eksInputs) callName(c *model.Cluster) string {
	for name, cc := range in.m.eksCalls {
		if cc == c {
			return name
		}
	}
	return ""
}

// days reads a whole-number input; def when it is omitted or null.
func (in eksInputs) days(name string, def int) source.Value[int] {
	v, a, ok := in.input(name)
	if !ok {
		return source.DefaultAt(def, in.header)
	}
	r := rangeOf(a.Range)
	if !v.IsKnown() {
		return source.UnknownAt[int](r)
	}
	if v.IsNull() {
		return source.DefaultAt(def, r)
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil || !n.IsKnown() {
		return source.UnknownAt[int](r)
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != big.Exact || i != int64(int(i)) {
		return source.UnknownAt[int](r)
	}
	return source.SetAt(int(i), r)
}
