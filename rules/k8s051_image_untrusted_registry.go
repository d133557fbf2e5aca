package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S051 flags images pulled from registries outside an allowlist.
var K8S051 = &linter.Rule{
	ID:       "EKS-K8S-051",
	Name:     "image-untrusted-registry",
	Summary:  "A container image comes from a registry that is not on the allowlist",
	Severity: linter.Medium,
	Default:  false,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "supply-chain", "workloads"},
	Params: []linter.Param{{
		Name:    "registries",
		Kind:    linter.StringList,
		Default: defaultRegistries,
		Doc:     `allowed registry hosts, as globs ("*" matches any characters); a pattern without a port matches any port; images without a registry are on docker.io`,
	}},
	Check: func(p *linter.Pass) {
		allowed := registryPatterns(p.Strings("registries"))
		// By registry, once: a run pulls from a few registries, and a
		// configuration may list thousands of patterns.
		verdicts := map[string]bool{}
		forEachImage(p, func(w *model.Workload, c *model.Container, ref imageRef) {
			ok, seen := verdicts[ref.Registry]
			if !seen {
				ok = registryMatches(ref.Registry, allowed)
				verdicts[ref.Registry] = ok
			}
			if ok {
				return
			}
			implied := ""
			if !strings.HasPrefix(strings.ToLower(c.Image.Val), ref.Registry+"/") {
				implied = " (implied)"
			}
			p.Report(w, c.Image.Range, "%s %q image %s comes from %s%s, which is not an allowed registry; pull it through an approved registry (an ECR pull-through cache) or add the registry to the rule's registries parameter", c.Kind, c.Name, c.Image.Val, ref.Registry, implied).In(containerPath(c))
		})
	},
}
