package terraform

import "github.com/ekslint/ekslint/linter/model"

// terraform-aws-modules/eks aws-auth inputs (v19 root, v20 //modules/aws-auth).

// moduleAuthMaps is not written yet.
func (in eksInputs) moduleAuthMaps(c *model.Cluster, out *Loaded) {}
