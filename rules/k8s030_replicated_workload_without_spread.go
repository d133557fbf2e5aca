package rules

import (
	"slices"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// spreadKeys are the topology keys that spread replicas over failure
// domains: nodes and Availability Zones.
var spreadKeys = map[string]bool{
	"kubernetes.io/hostname":      true,
	"topology.kubernetes.io/zone": true,
}

// replicatedKinds are the built-in kinds that run several identical pods.
var replicatedKinds = map[string]bool{
	"Deployment": true, "StatefulSet": true, "ReplicaSet": true, "ReplicationController": true,
}

// K8S030 flags workloads with several replicas that nothing spreads over
// nodes or zones.
var K8S030 = &linter.Rule{
	ID:       "EKS-K8S-030",
	Name:     "replicated-workload-without-spread",
	Summary:  "A workload with two or more replicas has no anti-affinity or topology spread over nodes or zones",
	Severity: linter.Medium,
	Default:  true,
	Formats:  []model.Format{model.Kubernetes},
	Tags:     []string{"reliability", "workloads"},
	Check: func(p *linter.Pass) {
		scalers := autoscalers(p.Model)
		for _, w := range p.Model.Workloads {
			if !replicatedKinds[w.Kind] && !w.Replicas.IsSet() {
				continue // DaemonSets, Jobs, Pods; custom resources only with replicas written
			}
			replicas, hpa := w.Replicas, scalers[scaleTarget{w.Namespace, w.Kind, w.Name}]
			scaled := hpa != nil && hpa.MinReplicas.Known() && hpa.MinReplicas.Val >= 2
			if !(replicas.Known() && replicas.Val >= 2) && !scaled {
				continue
			}
			if !w.TemplateLabels.Known() || !w.AntiAffinity.Known() || !w.SpreadConstraints.Known() {
				continue
			}
			if spread(w) {
				continue
			}
			var r linter.Reported
			if replicas.Known() && replicas.Val >= 2 {
				r = p.Report(w, replicas.Range, "replicas: %d with no podAntiAffinity or topologySpreadConstraints on kubernetes.io/hostname or topology.kubernetes.io/zone that selects the pods' own labels: the scheduler may put every replica on one node or in one zone, and losing it takes them all down; add topologySpreadConstraints (zone and hostname) or a preferred podAntiAffinity", replicas.Val)
			} else {
				r = p.Report(w, w.PodSpec, "%s scales this workload to at least %d replicas, but the pod spec has no podAntiAffinity or topologySpreadConstraints on kubernetes.io/hostname or topology.kubernetes.io/zone that selects the pods' own labels: the replicas may all land on one node or in one zone; add topologySpreadConstraints (zone and hostname) or a preferred podAntiAffinity", hpa.Address, hpa.MinReplicas.Val)
			}
			if scaled {
				r.Also(hpa.MinReplicas.Range, "the HorizontalPodAutoscaler's minReplicas")
			}
		}
	},
}

// scaleTarget is what a HorizontalPodAutoscaler's scaleTargetRef names,
// in its namespace.
type scaleTarget struct{ namespace, kind, name string }

// autoscalers indexes the HorizontalPodAutoscalers by the workload they
// scale, the first one for each (looking each workload's up among them all
// is quadratic); nil when there are none.
func autoscalers(m *model.Model) map[scaleTarget]*model.Autoscaler {
	if len(m.Kube.Autoscalers) == 0 {
		return nil
	}
	out := make(map[scaleTarget]*model.Autoscaler, len(m.Kube.Autoscalers))
	for _, h := range m.Kube.Autoscalers {
		if !h.TargetKind.Known() || !h.TargetName.Known() {
			continue
		}
		if k := (scaleTarget{h.Namespace, h.TargetKind.Val, h.TargetName.Val}); out[k] == nil {
			out[k] = h
		}
	}
	return out
}

// spread reports whether an anti-affinity term or a topology spread
// constraint on a node or zone key selects the workload's own pods.
func spread(w *model.Workload) bool {
	labels := w.TemplateLabels.Val
	for _, t := range w.AntiAffinity.Val {
		if !spreadKeys[t.TopologyKey] || !ownNamespace(t, w.Namespace) {
			continue
		}
		if selects(t.Selector, labels) {
			return true
		}
	}
	for _, c := range w.SpreadConstraints.Val {
		if spreadKeys[c.TopologyKey] && selects(c.Selector, labels) {
			return true
		}
	}
	return false
}

// selects reports whether a written selector selects labels; an absent one
// selects no pod, and one that cannot be read counts as selecting (so that
// the rule stays silent).
func selects(sel source.Value[model.LabelSelector], labels map[string]string) bool {
	if !sel.Known() {
		return true
	}
	return sel.IsSet() && selectorMatches(sel.Val, labels)
}

// ownNamespace reports whether an affinity term looks at the pod's own
// namespace: when it names no namespaces, when they include it, or when a
// namespaceSelector (which rules cannot evaluate) is written.
func ownNamespace(t model.AffinityTerm, namespace string) bool {
	return len(t.Namespaces) == 0 || t.NamespaceSelectorSet || slices.Contains(t.Namespaces, namespace)
}
