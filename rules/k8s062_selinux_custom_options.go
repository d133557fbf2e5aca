package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// K8S062 flags SELinux options that the Pod Security Standards' baseline
// profile forbids.
var K8S062 = &linter.Rule{
	ID:       "EKS-K8S-062",
	Name:     "selinux-custom-options",
	Summary:  "A pod or container sets a custom SELinux type, user or role",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "workloads"},
	Check: func(p *linter.Pass) {
		for _, w := range p.Model.Workloads {
			checkSELinux(p, w, w.PodSecurity.SELinux, nil)
			for _, c := range w.Containers {
				checkSELinux(p, w, c.Security.SELinux, c)
			}
		}
	},
}

// allowedSELinuxTypes are the types the baseline Pod Security Standard allows.
var allowedSELinuxTypes = map[string]bool{"container_t": true, "container_init_t": true, "container_kvm_t": true}

// checkSELinux checks the options of container c, or of the pod when c is
// nil. Most set none: the names for messages are written only once one is.
func checkSELinux(p *linter.Pass, w *model.Workload, o model.SELinuxOptions, c *model.Container) {
	t := o.Type
	badType := t.IsSet() && t.Val != "" && !allowedSELinuxTypes[t.Val]
	if !badType && !(o.User.IsSet() && o.User.Val != "") && !(o.Role.IsSet() && o.Role.Val != "") {
		return
	}
	who, at := "the pod", "securityContext"
	if c != nil {
		who, at = c.Kind.String()+" "+quote(c.Name), containerPath(c)
	}
	if badType {
		p.Report(w, t.Range, "%s sets seLinuxOptions.type %s; a custom SELinux type can lift the confinement of container_t (for example spc_t is unconfined); use container_t, container_init_t or container_kvm_t, or remove it", who, t.Val).In(at + ".type")
	}
	for _, f := range []struct {
		name string
		v    source.Value[string]
	}{{"user", o.User}, {"role", o.Role}} {
		if f.v.IsSet() && f.v.Val != "" {
			p.Report(w, f.v.Range, "%s sets seLinuxOptions.%s %s; a custom SELinux %s can grant the container a more privileged context; remove it", who, f.name, f.v.Val, f.name).In(at + "." + f.name)
		}
	}
}
