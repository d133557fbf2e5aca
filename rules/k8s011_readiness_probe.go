package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S011 flags long-running containers without a readiness probe.
var K8S011 = probeRule("EKS-K8S-011", "readiness-probe-missing", "readinessProbe",
	"traffic is sent to the pod before it can serve, and during rollouts; add a readiness probe",
	linter.Medium, func(c *model.Container) source.Value[bool] { return c.ReadinessProbe })
