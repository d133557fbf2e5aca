package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S021 flags containers without a memory request (or a memory limit standing in for it).
var K8S021 = resourceRule("EKS-K8S-021", "memory-request-missing", "memory request",
	"the scheduler places it as if it used no memory, and it is among the first evicted under pressure; set resources.requests.memory",
	linter.Medium, "memory", func(c *model.Container) source.Value[string] { return c.MemoryRequest },
	func(c *model.Container) source.Value[string] { return c.MemoryLimit })
