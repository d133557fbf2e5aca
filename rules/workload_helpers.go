package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// probeRule builds the liveness and readiness rules, which differ only in
// the probe they read.
func probeRule(id, name, probe, why string, sev linter.Severity, get func(*model.Container) source.Value[bool]) *linter.Rule {
	return &linter.Rule{
		ID:       id,
		Name:     name,
		Summary:  "A long-running container has no " + probe,
		Severity: sev,
		Default:  true,
		Formats:  []model.Format{model.Kubernetes},
		Tags:     []string{"reliability", "workloads"},
		Check: func(p *linter.Pass) {
			for _, w := range p.Model.Workloads {
				if !w.LongRunning {
					continue // Jobs, CronJobs and run-to-completion Pods finish on their own
				}
				for _, c := range w.Containers {
					// Probes belong to app containers and native sidecars.
					if c.Kind == model.Ephemeral || (c.Kind == model.Init && !c.Sidecar) {
						continue
					}
					if v := get(c); source.IsFalse(v) {
						p.Report(w, v.Range, "%s %q has no %s: %s", c.Kind, c.Name, probe, why).In(containerPath(c))
					}
				}
			}
		},
	}
}

// resourceRule builds the four request/limit rules over resource ("cpu" or
// "memory"). fallback, when not nil, is a limit that Kubernetes copies into
// a missing request, and marks the rule as one about a request.
func resourceRule(id, name, what, why string, sev linter.Severity, resource string, get, fallback func(*model.Container) source.Value[string]) *linter.Rule {
	return &linter.Rule{
		ID:       id,
		Name:     name,
		Summary:  "A container has no " + what,
		Severity: sev,
		Default:  true,
		Formats:  []model.Format{model.Kubernetes},
		Tags:     []string{"reliability", "workloads"},
		Check: func(p *linter.Pass) {
			for _, w := range p.Model.Workloads {
				for _, c := range w.Containers {
					if c.Kind == model.Ephemeral {
						continue // ephemeral containers take no resources
					}
					v := get(c)
					if !v.Known() || v.Val != "" {
						continue
					}
					if fallback != nil {
						if l := fallback(c); !l.Known() || l.Val != "" {
							continue // a limit without a request becomes the request
						}
					}
					if limitRangeDefault(&p.Model.Kube, w.Namespace, resource, fallback != nil) != nil {
						continue // the namespace's LimitRange fills it in at admission
					}
					p.Report(w, v.Range, "%s %q has no %s: %s", c.Kind, c.Name, what, why).In(containerPath(c))
				}
			}
		},
	}
}

// limitRangeDefault returns the first LimitRange of the input in namespace
// that gives containers a default for resource: a default request when
// request is true, a default limit otherwise (the adapter has already
// applied the API's defaulting, a default limit standing in for a missing
// default request). The LimitRanger admission plugin writes that value into
// every container of the namespace that omits it. Nil when there is none.
func limitRangeDefault(k *model.Kube, namespace, resource string, request bool) *model.LimitRange {
	for _, lr := range k.LimitRanges {
		if lr.Namespace != namespace {
			continue
		}
		defaults := lr.Default
		if request {
			defaults = lr.DefaultRequest
		}
		if _, ok := defaults[resource]; ok {
			return lr
		}
	}
	return nil
}

// containerPath names a container within its pod spec, for fingerprints.
func containerPath(c *model.Container) string {
	return c.Kind.String() + "s[" + c.Name + "]"
}
