package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks inputs for identity, access, encryption details and the log group.

// moduleIdentity is not written yet.
func (in eksInputs) moduleIdentity(c *model.Cluster, out *Loaded) {}
