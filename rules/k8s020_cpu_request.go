package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S020 flags containers without a CPU request (or a CPU limit standing in for it).
var K8S020 = resourceRule("EKS-K8S-020", "cpu-request-missing", "CPU request",
	"the scheduler places it as if it used no CPU, so nodes get overcommitted; set resources.requests.cpu",
	linter.Medium, "cpu", func(c *model.Container) source.Value[string] { return c.CPURequest },
	func(c *model.Container) source.Value[string] { return c.CPULimit })
