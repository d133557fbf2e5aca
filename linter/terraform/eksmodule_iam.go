package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks inputs for IAM roles and policies.

// moduleIAM is not written yet.
func (in eksInputs) moduleIAM(c *model.Cluster, out *Loaded) {}

// groupIAM is not written yet.
func (in eksInputs) groupIAM(ng *model.NodeGroup, kind string, get groupGetter) {}
