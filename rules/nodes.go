package rules

import "github.com/ekslint/ekslint/linter"

// nodes lists the node and IAM rules in catalog order.
var nodes = []*linter.Rule{NG001, NG002, NG040}
