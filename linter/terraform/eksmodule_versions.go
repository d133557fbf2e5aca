package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks inputs for versions, upgrade policy and add-ons.

// moduleVersions is not written yet.
func (in eksInputs) moduleVersions(c *model.Cluster, out *Loaded) {}

// groupVersions is not written yet.
func (in eksInputs) groupVersions(ng *model.NodeGroup, kind string, get groupGetter) {}
