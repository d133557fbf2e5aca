package kube

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestPodFacts(t *testing.T) {
	w := one(t, adaptClean(t, `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector: {matchLabels: {app: web}}
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 10
              podAffinityTerm:
                topologyKey: topology.kubernetes.io/zone
                namespaces: [other]
                labelSelector:
                  matchExpressions:
                    - {key: tier, operator: In, values: [front]}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          labelSelector: {matchLabels: {app: web}}
      containers:
        - name: app
`))
	if want := source.SetAt(3, span(5, 3, 5, 14)); w.Replicas != want {
		t.Errorf("replicas = %+v, want %+v", w.Replicas, want)
	}
	if !w.TemplateLabels.IsSet() || w.TemplateLabels.Val["app"] != "web" || w.TemplateLabels.Val["tier"] != "front" {
		t.Errorf("labels = %+v", w.TemplateLabels)
	}
	if !w.ServiceAccountName.IsSet() || w.ServiceAccountName.Val != "web" {
		t.Errorf("serviceAccountName = %+v", w.ServiceAccountName)
	}
	if !source.IsFalse(w.AutomountToken) || !w.AutomountToken.IsSet() {
		t.Errorf("automount = %+v", w.AutomountToken)
	}
	terms := w.AntiAffinity.Val
	if !w.AntiAffinity.IsSet() || len(terms) != 2 {
		t.Fatalf("anti-affinity = %+v", w.AntiAffinity)
	}
	if !terms[0].Required || terms[0].TopologyKey != "kubernetes.io/hostname" || terms[0].Selector.Val.MatchLabels["app"] != "web" {
		t.Errorf("required term = %+v", terms[0])
	}
	if terms[1].Required || terms[1].TopologyKey != "topology.kubernetes.io/zone" || len(terms[1].Namespaces) != 1 ||
		len(terms[1].Selector.Val.MatchExpressions) != 1 || terms[1].Selector.Val.MatchExpressions[0].Values[0] != "front" {
		t.Errorf("preferred term = %+v", terms[1])
	}
	if c := w.SpreadConstraints.Val; len(c) != 1 || c[0].TopologyKey != "topology.kubernetes.io/zone" || !c[0].Selector.IsSet() {
		t.Errorf("spread = %+v", w.SpreadConstraints)
	}
}

func TestPodFactsDefaults(t *testing.T) {
	m := adaptClean(t, `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      serviceAccount: legacy
      containers: [{name: db}]
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: app}]
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  template:
    spec:
      containers: [{name: app}]
`)
	if len(m.Workloads) != 3 {
		t.Fatalf("want 3 workloads, got %d", len(m.Workloads))
	}
	sts, pod, rollout := m.Workloads[0], m.Workloads[1], m.Workloads[2]
	if !sts.Replicas.IsDefault() || sts.Replicas.Val != 1 || sts.Replicas.Range.Start != pos(4, 1) {
		t.Errorf("statefulset replicas = %+v, want Default 1 at spec", sts.Replicas)
	}
	if !sts.ServiceAccountName.IsSet() || sts.ServiceAccountName.Val != "legacy" {
		t.Errorf("deprecated serviceAccount = %+v", sts.ServiceAccountName)
	}
	if !sts.TemplateLabels.IsDefault() || len(sts.TemplateLabels.Val) != 0 {
		t.Errorf("labels = %+v, want Default empty", sts.TemplateLabels)
	}
	if pod.Replicas.Known() {
		t.Errorf("pod replicas = %+v, want Unknown", pod.Replicas)
	}
	if rollout.Replicas.Known() {
		t.Errorf("custom resource without replicas = %+v, want Unknown", rollout.Replicas)
	}
	if want := source.DefaultAt("default", pod.PodSpec); pod.ServiceAccountName != want {
		t.Errorf("serviceAccountName = %+v, want %+v", pod.ServiceAccountName, want)
	}
	if !pod.AutomountToken.IsDefault() || !pod.AutomountToken.Val {
		t.Errorf("automount = %+v, want Default true", pod.AutomountToken)
	}
	if !pod.AntiAffinity.IsDefault() || !pod.SpreadConstraints.IsDefault() {
		t.Errorf("spreading = %+v %+v, want Default", pod.AntiAffinity, pod.SpreadConstraints)
	}
}

func TestPodFactsWrongShapes(t *testing.T) {
	m, problems := adapt(t, `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: many
  template:
    metadata:
      labels: [a]
    spec:
      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: yes}}
      topologySpreadConstraints: {}
      containers: [{name: app}]
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: t
spec:
  replicas: {{replicas}}
  template:
    metadata:
      labels: {cell: {{cell}}}
    spec:
      containers: [{name: app}]
`)
	if len(problems) != 4 {
		t.Errorf("want 4 warnings (replicas, labels, anti-affinity, spread), got %v", problems)
	}
	w := m.Workloads[0]
	if w.Replicas.Known() || w.TemplateLabels.Known() || w.AntiAffinity.Known() || w.SpreadConstraints.Known() {
		t.Errorf("wrong shapes must be Unknown: %+v %+v %+v %+v", w.Replicas, w.TemplateLabels, w.AntiAffinity, w.SpreadConstraints)
	}
	tpl := m.Workloads[1]
	if tpl.Replicas.Known() || tpl.TemplateLabels.Known() {
		t.Errorf("template placeholders must be Unknown: %+v %+v", tpl.Replicas, tpl.TemplateLabels)
	}
}

func TestKubeObjects(t *testing.T) {
	m := adaptClean(t, `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [10.0.0.0/8]
---
apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: kn}
spec:
  template:
    spec:
      containers: [{image: example/app:1}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  egress: [{}]
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: g}
spec: {}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admins}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: Group, name: ops}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: all}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa, namespace: shop}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  scaleTargetRef: {kind: Deployment, name: web}
  minReplicas: 2
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: alb
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec:
  controller: ingress.k8s.aws/alb
  parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: p}
`)
	k := m.Kube
	if len(k.Services) != 1 || len(m.Workloads) != 1 {
		t.Fatalf("want the core Service only (Knative's is a workload): %d services, %d workloads", len(k.Services), len(m.Workloads))
	}
	s := k.Services[0]
	if s.Type.Val != "LoadBalancer" || s.Annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"].Val != "internet-facing" ||
		len(s.SourceRanges.Val) != 1 || s.SourceRanges.Val[0].Val != "10.0.0.0/8" || !s.LoadBalancerClass.IsDefault() {
		t.Errorf("service = %+v", s)
	}
	np := k.NetworkPolicies[0]
	if np.Namespace != "shop" || !np.PodSelector.IsSet() || np.IngressRules != source.DefaultAt(0, np.IngressRules.Range) || np.EgressRules.Val != 1 {
		t.Errorf("policy = %+v", np)
	}
	if types := np.PolicyTypes.Val; !np.PolicyTypes.IsDefault() || len(types) != 2 || types[0].Val != "Ingress" || types[1].Val != "Egress" {
		t.Errorf("default policyTypes = %+v", np.PolicyTypes)
	}
	if len(k.OtherPolicies) != 1 || !k.OtherPolicies[0].ClusterWide {
		t.Errorf("other policies = %+v", k.OtherPolicies)
	}
	b := k.Bindings[0]
	if b.Address != "ClusterRoleBinding/admins" || !b.Cluster || b.RoleName.Val != "cluster-admin" || len(b.Subjects) != 1 || b.Subjects[0].Name.Val != "ops" {
		t.Errorf("binding = %+v", b)
	}
	r := k.Roles[0]
	if !r.Cluster || len(r.Rules) != 1 || r.Rules[0].Verbs.Val[0].Val != "*" {
		t.Errorf("role = %+v", r)
	}
	if sa := k.ServiceAccounts[0]; !sa.Automount.IsDefault() || !sa.Automount.Val {
		t.Errorf("service account = %+v, want Default true", sa)
	}
	if h := k.Autoscalers[0]; h.TargetName.Val != "web" || h.MinReplicas.Val != 2 || h.Namespace != "default" {
		t.Errorf("autoscaler = %+v", h)
	}
	if c := k.IngressClasses[0]; !c.Default || c.Controller.Val != "ingress.k8s.aws/alb" || c.ParamsName != "p" {
		t.Errorf("ingress class = %+v", c)
	}
}

func TestCustomResourceReplicas(t *testing.T) {
	m := adaptClean(t, `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  replicas: 4
  template:
    spec:
      containers: [{name: app}]
---
apiVersion: example.com/v1
kind: Pool
metadata: {name: p}
spec:
  replicas: {min: 2, max: 5}
  template:
    spec:
      containers: [{name: app}]
`)
	if r := m.Workloads[0].Replicas; !r.IsSet() || r.Val != 4 {
		t.Errorf("rollout replicas = %+v, want Set 4", r)
	}
	if r := m.Workloads[1].Replicas; r.Known() {
		t.Errorf("custom replicas of another shape = %+v, want Unknown without a warning", r)
	}
}

func TestLimitRangeDefaults(t *testing.T) {
	m := adaptClean(t, `apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: shop}
spec:
  limits:
    - type: Pod
      max: {cpu: "4"}
    - type: Container
      default: {memory: 512Mi}
      max: {cpu: "2", memory: 1Gi}
      min: {cpu: 100m}
      defaultRequest: {}
---
apiVersion: v1
kind: LimitRange
metadata: {name: req}
spec:
  limits:
    - type: Container
      defaultRequest: {cpu: 250m}
`)
	lrs := m.Kube.LimitRanges
	if len(lrs) != 2 {
		t.Fatalf("limit ranges = %d, want 2", len(lrs))
	}
	lr := lrs[0]
	if lr.Namespace != "shop" {
		t.Errorf("namespace = %q", lr.Namespace)
	}
	// default limit: memory as written, cpu from max; default request: the
	// default limits, then the min for what is still missing (the max's
	// cpu, already a default limit, wins over the min).
	if d := lr.Default; len(d) != 2 || d["memory"].Val != "512Mi" || d["cpu"].Val != "2" || d["cpu"].Range.Start != pos(10, 13) {
		t.Errorf("default = %+v", d)
	}
	if r := lr.DefaultRequest; len(r) != 2 || r["memory"].Val != "512Mi" || r["cpu"].Val != "2" {
		t.Errorf("defaultRequest = %+v", r)
	}
	if lr := lrs[1]; lr.Namespace != "default" || len(lr.Default) != 0 || lr.DefaultRequest["cpu"].Val != "250m" {
		t.Errorf("second = %+v", lr)
	}
}

// policyTypes omitted or empty is defaulted as the API server does: Egress
// joins Ingress only when the policy has at least one egress rule (an
// empty egress list does not count).
func TestNetworkPolicyTypesDefaults(t *testing.T) {
	m := adaptClean(t, `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-types}
spec:
  podSelector: {}
  policyTypes: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty-egress}
spec:
  podSelector: {}
  egress: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: null-egress}
spec:
  podSelector: {}
  egress:
`)
	for _, np := range m.Kube.NetworkPolicies {
		types := np.PolicyTypes.Val
		if !np.PolicyTypes.Known() || len(types) != 1 || types[0].Val != "Ingress" || !types[0].IsDefault() {
			t.Errorf("%s: policyTypes = %+v, want [Ingress] by default", np.Name, np.PolicyTypes)
		}
	}
	if len(m.Kube.NetworkPolicies) != 3 {
		t.Errorf("%d policies", len(m.Kube.NetworkPolicies))
	}
}
