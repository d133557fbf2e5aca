package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks inputs for security group rules.

// moduleNetwork is not written yet.
func (in eksInputs) moduleNetwork(c *model.Cluster, out *Loaded) {}
