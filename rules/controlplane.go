package rules

import "github.com/ekslint/ekslint/linter"

// controlPlane lists the control-plane rules in catalog order.
var controlPlane = []*linter.Rule{CP001, CP002, CP003, CP010, CP011, CP020}
