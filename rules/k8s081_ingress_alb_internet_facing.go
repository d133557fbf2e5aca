package rules

import (
	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// The Ingress annotations of the AWS Load Balancer Controller.
const (
	annIngressClass = "kubernetes.io/ingress.class"
	annALBScheme    = "alb.ingress.kubernetes.io/scheme"
	annALBInbound   = "alb.ingress.kubernetes.io/inbound-cidrs"
	annALBSGs       = "alb.ingress.kubernetes.io/security-groups"
)

// albControllers are the IngressClass controllers that make ALBs: the AWS
// Load Balancer Controller's and EKS Auto Mode's.
var albControllers = map[string]bool{"ingress.k8s.aws/alb": true, "eks.amazonaws.com/alb": true}

// K8S081 flags ALB Ingresses that are internet-facing.
var K8S081 = &linter.Rule{
	ID:       "EKS-K8S-081",
	Name:     "ingress-alb-internet-facing",
	Summary:  "An ALB Ingress is internet-facing",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "network"},
	Check: func(p *linter.Pass) {
		for _, in := range p.Model.Kube.Ingresses {
			alb, class, known := albClass(&p.Model.Kube, in)
			if !alb || !known || unreadable(in.Annotations, annALBScheme, annALBInbound) {
				continue
			}
			params := classParams(&p.Model.Kube, class)
			scheme, at := in.Annotations[annALBScheme], in.Annotations[annALBScheme].Range
			where := annALBScheme
			if params != nil && !params.Scheme.Known() {
				continue
			}
			if params != nil && params.Scheme.IsSet() {
				// The IngressClassParams' scheme overrides the annotation.
				scheme, at, where = params.Scheme, params.Scheme.Range, "IngressClassParams "+params.Name+" spec.scheme"
			}
			if scheme.Val != "internet-facing" {
				continue // omitted means internal
			}
			sev, how := linter.High, "from any address (no "+annALBInbound+", so 0.0.0.0/0)"
			inbound, ok := in.Annotations[annALBInbound]
			cidrs := splitCIDRs(inbound)
			if params != nil && params.InboundCIDRs.IsSet() {
				cidrs, ok = params.InboundCIDRs, true
			}
			_, ownSGs := in.Annotations[annALBSGs]
			switch {
			case ownSGs:
				// The controller then creates no security group of its own
				// and ignores inbound-cidrs: the groups named decide.
				sev, how = linter.Medium, "through the security groups in "+annALBSGs
			case !ok:
			case !allKnown(cidrs):
				sev, how = linter.Medium, "from the addresses in "+annALBInbound
			case len(cidrs.Val) > 0 && restricted(cidrs):
				sev, how = linter.Medium, "from the addresses in "+annALBInbound
			default:
				if c, world := worldCIDR(cidrs); world {
					how = "from any address (" + annALBInbound + " holds " + c.Val + ")"
				}
			}
			r := p.ReportSeverity(sev, in, at, "%s: internet-facing puts this Ingress's ALB on the internet, reachable %s; use internal and reach it through the VPC, or restrict %s to the clients that need it and put AWS WAF or authentication in front", where, how, annALBInbound)
			if at != in.Annotations[annALBScheme].Range {
				r.Also(in.Range, "the Ingress")
			}
		}
	},
}

// albClass reports whether an Ingress is handled by the AWS Load Balancer
// Controller, and returns its IngressClass when the input has it. known is
// false when the class cannot be told.
func albClass(k *model.Kube, in *model.Ingress) (alb bool, class *model.IngressClass, known bool) {
	if !in.ClassName.Known() {
		return false, nil, false
	}
	name := in.ClassName.Val
	if !in.ClassName.IsSet() {
		if a, ok := in.Annotations[annIngressClass]; ok {
			// The legacy annotation names the controller's class, "alb" by
			// default.
			return a.Known() && a.Val == "alb", nil, a.Known()
		}
		for _, c := range k.IngressClasses {
			if c.Default {
				return c.Controller.Known() && albControllers[c.Controller.Val], c, c.Controller.Known()
			}
		}
		return false, nil, true
	}
	for _, c := range k.IngressClasses {
		if c.Name == name {
			return c.Controller.Known() && albControllers[c.Controller.Val], c, c.Controller.Known()
		}
	}
	return name == "alb", nil, true
}

// classParams returns the IngressClassParams an IngressClass refers to,
// when the input has it.
func classParams(k *model.Kube, class *model.IngressClass) *model.IngressClassParams {
	if class == nil || class.ParamsKind != "IngressClassParams" {
		return nil
	}
	for _, p := range k.IngressClassParams {
		if p.Name == class.ParamsName && (class.ParamsGroup == "" || class.ParamsGroup == p.Group) {
			return p
		}
	}
	return nil
}
