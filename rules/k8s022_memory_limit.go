package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S022 flags containers without a memory limit.
var K8S022 = resourceRule("EKS-K8S-022", "memory-limit-missing", "memory limit",
	"a leak can exhaust the node and take other pods down with it; set resources.limits.memory (AWS advises equal to the request)",
	linter.Medium, "memory", func(c *model.Container) source.Value[string] { return c.MemoryLimit }, nil)
