package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S023 flags containers without a CPU limit.
var K8S023 = resourceRule("EKS-K8S-023", "cpu-limit-missing", "CPU limit",
	"one busy container can starve its neighbours on the node; set resources.limits.cpu",
	linter.Low, "cpu", func(c *model.Container) source.Value[string] { return c.CPULimit }, nil)
