package rules

import "github.com/ekslint/ekslint/linter"

// metaRules lists the rules about the input itself (EKS-META-*).
var metaRules = []*linter.Rule{META001}
