package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks node group inputs for launch templates, volumes, the metadata service and monitoring.

// groupHardening is not written yet.
func (in eksInputs) groupHardening(ng *model.NodeGroup, kind string, get groupGetter) {}
