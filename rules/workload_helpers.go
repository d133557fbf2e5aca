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
			ranges := limitRangesByNamespace(&p.Model.Kube)
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
					if limitRangeDefault(ranges[w.Namespace], resource, fallback != nil) != nil {
						continue // the namespace's LimitRange fills it in at admission
					}
					p.Report(w, v.Range, "%s %q has no %s: %s", c.Kind, c.Name, what, why).In(containerPath(c))
				}
			}
		},
	}
}

// limitRangesByNamespace groups the LimitRanges by namespace, in input
// order (nil when there are none): each container without a value looks
// in its own namespace's only.
func limitRangesByNamespace(k *model.Kube) map[string][]*model.LimitRange {
	if len(k.LimitRanges) == 0 {
		return nil
	}
	out := map[string][]*model.LimitRange{}
	for _, lr := range k.LimitRanges {
		out[lr.Namespace] = append(out[lr.Namespace], lr)
	}
	return out
}

// limitRangeDefault returns the first of a namespace's LimitRanges that
// gives containers a default for resource: a default request when
// request is true, a default limit otherwise (the adapter has already
// applied the API's defaulting, a default limit standing in for a missing
// default request). The LimitRanger admission plugin writes that value into
// every container of the namespace that omits it. Nil when there is none.
func limitRangeDefault(ranges []*model.LimitRange, resource string, request bool) *model.LimitRange {
	for _, lr := range ranges {
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
