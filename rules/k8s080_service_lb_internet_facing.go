package rules

import (
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// The Service annotations of the AWS Load Balancer Controller and of the
// in-tree (cloud-controller-manager) AWS load balancer.
const (
	annLBScheme       = "service.beta.kubernetes.io/aws-load-balancer-scheme"
	annLBInternal     = "service.beta.kubernetes.io/aws-load-balancer-internal"
	annLBType         = "service.beta.kubernetes.io/aws-load-balancer-type"
	annLBSourceRanges = "service.beta.kubernetes.io/load-balancer-source-ranges"
	annLBSGs          = "service.beta.kubernetes.io/aws-load-balancer-security-groups"
)

// lbcClasses are the loadBalancerClass values of the AWS Load Balancer
// Controller and of EKS Auto Mode.
var lbcClasses = map[string]bool{"service.k8s.aws/nlb": true, "eks.amazonaws.com/nlb": true}

// K8S080 flags LoadBalancer Services that get an internet-facing load
// balancer.
var K8S080 = &linter.Rule{
	ID:       "EKS-K8S-080",
	Name:     "service-lb-internet-facing",
	Summary:  "A LoadBalancer Service gets an internet-facing AWS load balancer",
	Severity: linter.High,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"security", "network"},
	Check: func(p *linter.Pass) {
		for _, s := range p.Model.Kube.Services {
			if !s.Type.IsSet() || s.Type.Val != "LoadBalancer" || !s.LoadBalancerClass.Known() {
				continue
			}
			scheme, internal, typ := s.Annotations[annLBScheme], s.Annotations[annLBInternal], s.Annotations[annLBType]
			if unreadable(s.Annotations, annLBScheme, annLBInternal, annLBType) {
				continue // an annotation that is not a string
			}
			class := s.LoadBalancerClass.Val
			lbc := lbcClasses[class] || typ.Val == "external" || typ.Val == "nlb-ip"
			if class != "" && !lbc {
				continue // another controller's class
			}
			ranges, limited, sourceKnown := sourceRanges(s)
			_, schemeWritten := s.Annotations[annLBScheme]
			explicit := func(at source.Range, said string) {
				sev, how := linter.High, "from any address"
				_, ownSGs := s.Annotations[annLBSGs]
				if ownSGs && lbc {
					// The controller then ignores the source ranges: the
					// security groups named decide.
					sev, how = linter.Medium, "through the security groups in "+annLBSGs
				} else if limited {
					sev, how = linter.Medium, "from the addresses in "+ranges
				} else if !sourceKnown {
					sev, how = linter.Medium, "from the addresses in "+ranges+" (which cannot be read)"
				}
				p.ReportSeverity(sev, s, at, "%s gives this Service a load balancer on the internet, reachable %s; use %s: internal and reach it through the VPC, or restrict spec.loadBalancerSourceRanges to the clients that need it", said, how, annLBScheme)
			}
			switch {
			case scheme.Val == "internet-facing":
				explicit(scheme.Range, annLBScheme+": internet-facing")
			case !schemeWritten && internal.Known() && internal.Val == "false":
				// The in-tree controller reads it, and so does the Load
				// Balancer Controller (deprecated) when no scheme is written.
				explicit(internal.Range, annLBInternal+": \"false\"")
			case lbc:
				// The AWS Load Balancer Controller makes internal load
				// balancers unless told otherwise.
			case internal.Known() && internal.Val != "" && internal.Val != "false":
				// In-tree: any other value means internal.
			default:
				at, said := s.Type.Range, "no "+annLBInternal
				if internal.Known() {
					at, said = internal.Range, annLBInternal+": \""+internal.Val+"\"" // beside a scheme only the Load Balancer Controller reads
				}
				how := "from any address"
				if limited || !sourceKnown {
					how = "from the addresses in " + ranges
				}
				p.ReportSeverity(linter.Medium, s, at, "type: LoadBalancer with %s and no AWS Load Balancer Controller class (spec.loadBalancerClass: service.k8s.aws/nlb or %s: external): the in-tree controller makes an internet-facing load balancer, reachable %s (only the Load Balancer Controller's webhook, from v2.5, would make it internal); set %s: internal with loadBalancerClass service.k8s.aws/nlb, or %s: \"true\"", said, annLBType, how, annLBScheme, annLBInternal)
			}
		}
	},
}

// sourceRanges says which clients a Service's load balancer admits:
// spec.loadBalancerSourceRanges, else the load-balancer-source-ranges
// annotation (comma-separated), else everyone. limited is true when every
// range is known and none is a world CIDR; known is false when a range
// cannot be read.
func sourceRanges(s *model.Service) (name string, limited, known bool) {
	if s.SourceRanges.Known() && len(s.SourceRanges.Val) > 0 {
		return "spec.loadBalancerSourceRanges", restricted(s.SourceRanges), allKnown(s.SourceRanges)
	}
	if !s.SourceRanges.Known() {
		return "spec.loadBalancerSourceRanges", false, false
	}
	if a, ok := s.Annotations[annLBSourceRanges]; ok {
		if !a.Known() {
			return annLBSourceRanges, false, false
		}
		list := splitCIDRs(a)
		return annLBSourceRanges, len(list.Val) > 0 && restricted(list), true
	}
	return "", false, true
}

// splitCIDRs reads a comma-separated annotation as a list of CIDRs.
func splitCIDRs(a source.Value[string]) source.Strings {
	var out []source.Value[string]
	for _, c := range strings.Split(a.Val, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, source.SetAt(c, a.Range))
		}
	}
	return source.SetAt(out, a.Range)
}

// allKnown reports whether a known list has only known elements.
func allKnown(list source.Strings) bool {
	if !list.Known() {
		return false
	}
	for _, e := range list.Val {
		if !e.Known() {
			return false
		}
	}
	return true
}

// unreadable reports whether one of the annotations is written but cannot
// be read as a string.
func unreadable(anns model.Annotations, keys ...string) bool {
	for _, k := range keys {
		if v, ok := anns[k]; ok && !v.Known() {
			return true
		}
	}
	return false
}
