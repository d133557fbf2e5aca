package rules

import (
	"slices"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// K8S061 flags containers whose AppArmor profile is explicitly unconfined.
var K8S061 = &linter.Rule{
	ID:       "EKS-K8S-061",
	Name:     "apparmor-unconfined",
	Summary:  "A pod or container turns AppArmor off (Unconfined)",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Check: func(p *linter.Pass) {
		const fix = "remove it to get the runtime's default profile, or use RuntimeDefault or a Localhost profile"
		for _, w := range p.Model.Workloads {
			own := map[string]bool{} // containers with their own appArmorProfile
			inherit := 0
			for _, c := range w.Containers {
				v := c.Security.AppArmor
				if !v.Known() || (v.IsSet() && v.Val != "") {
					own[c.Name] = true
				} else {
					inherit++
				}
				if v.IsSet() && v.Val == "Unconfined" {
					p.Report(w, v.Range, "%s %q sets appArmorProfile.type Unconfined, so AppArmor does not restrict it; %s", c.Kind, c.Name, fix).In(containerPath(c))
				}
			}
			if pod := w.PodSecurity.AppArmor; pod.IsSet() && pod.Val == "Unconfined" && (inherit > 0 || len(w.Containers) == 0) {
				p.Report(w, pod.Range, "the pod's appArmorProfile.type is Unconfined, so AppArmor does not restrict its containers; %s", fix).In("securityContext")
			}
			// The names to report, in order: collected before sorting, so
			// that annotations that turn nothing off cost no allocation.
			var unconfined []string
			for name, v := range w.AppArmorAnnotations {
				if !own[name] && v.IsSet() && strings.EqualFold(v.Val, "unconfined") {
					unconfined = append(unconfined, name)
				}
			}
			slices.Sort(unconfined)
			for _, name := range unconfined {
				v := w.AppArmorAnnotations[name]
				p.Report(w, v.Range, "the annotation turns AppArmor off for container %q; remove it (the runtime's default profile applies), or set securityContext.appArmorProfile (Kubernetes 1.30+)", name).In("annotations[" + name + "]")
			}
		}
	},
}
