package eksctl

import "github.com/ekslint/ekslint/linter/model"

// Node hardening: volumes, the metadata service, monitoring and private networking.

// groupHardening is not written yet.
func (a *adapter) groupHardening(g *model.NodeGroup, ng *scope, kind string) {}
