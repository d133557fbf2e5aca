package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S060 flags containers that run without a seccomp profile.
var K8S060 = &linter.Rule{
	ID:       "EKS-K8S-060",
	Name:     "seccomp-not-enforced",
	Summary:  "A container runs without a seccomp profile (RuntimeDefault or Localhost)",
	Severity: linter.Low,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Check: func(p *linter.Pass) {
		for _, w := range p.Model.Workloads {
			if w.Windows {
				continue // seccomp is a Linux feature
			}
			pod := w.PodSecurity.Seccomp
			inherit := false // a container takes the pod's profile
			for _, c := range w.Containers {
				own := c.Security.Seccomp
				switch {
				case inheritsPodProfile(own):
					inherit = true
				case own.IsSet() && !enforcedProfile(own.Val):
					p.ReportSeverity(profileSeverity(own.Val), w, own.Range, "%s %q sets seccompProfile.type %s, so every system call is allowed; use RuntimeDefault (or a Localhost profile)", c.Kind, c.Name, own.Val).In(containerPath(c))
				}
			}
			if !inherit || !pod.Known() || enforcedProfile(pod.Val) {
				continue
			}
			who := inheritors(w.Containers)
			if pod.IsSet() && pod.Val != "" {
				p.ReportSeverity(profileSeverity(pod.Val), w, pod.Range, "the pod's seccompProfile.type is %s, so %s may make any system call; use RuntimeDefault (or a Localhost profile)", pod.Val, who).In("securityContext")
				continue
			}
			p.Report(w, pod.Range, "no seccomp profile is set for %s, so it runs Unconfined (unless the kubelet's seccompDefault is on): any system call is allowed; set securityContext.seccompProfile.type: RuntimeDefault on the pod", who).In("securityContext")
		}
	},
}

// inheritsPodProfile says whether a container whose own seccomp profile
// type is own takes the pod's: own is known and not set to a type.
func inheritsPodProfile(own source.Value[string]) bool {
	return own.Known() && !(own.IsSet() && own.Val != "")
}

// inheritors names, for a message, the containers that take the pod's
// seccomp profile. It is written only once a finding needs it.
func inheritors(cs []*model.Container) string {
	var names []string
	for _, c := range cs {
		if inheritsPodProfile(c.Security.Seccomp) {
			names = append(names, c.Kind.String()+" "+quote(c.Name))
		}
	}
	return strings.Join(names, ", ")
}

// profileSeverity: an explicit Unconfined is a decision to turn confinement
// off (medium); anything else that is not enforced is low.
func profileSeverity(t string) linter.Severity {
	if t == "Unconfined" {
		return linter.Medium
	}
	return linter.Low
}

func quote(s string) string { return `"` + s + `"` }
