package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S010 flags long-running containers without a liveness probe.
var K8S010 = probeRule("EKS-K8S-010", "liveness-probe-missing", "livenessProbe",
	"a hung process is never restarted; add an httpGet, tcpSocket, grpc or exec liveness probe",
	linter.Low, func(c *model.Container) source.Value[bool] { return c.LivenessProbe })
