package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// The index finds a policy that selects the labels exactly when looking
// through every policy does, for random selectors over a few keys and
// values (so that many match and many almost do).
func TestPolicyIndexAgreesWithAScan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 7))
	keys, values := []string{"app", "tier", "track"}, []string{"a", "b", "c"}
	ops := []string{"In", "NotIn", "Exists", "DoesNotExist", "Gt"}
	pick := func(xs []string) string { return xs[rnd.IntN(len(xs))] }
	labelSet := func() map[string]string {
		m := map[string]string{}
		for range rnd.IntN(3) {
			m[pick(keys)] = pick(values)
		}
		return m
	}
	for trial := range 2000 {
		var policies []*model.NetworkPolicy
		for range rnd.IntN(4) {
			var sel model.LabelSelector
			if rnd.IntN(2) == 0 {
				sel.MatchLabels = labelSet()
			}
			for range rnd.IntN(3) {
				sel.MatchExpressions = append(sel.MatchExpressions, model.LabelRequirement{Key: pick(keys), Operator: pick(ops), Values: []string{pick(values), pick(values)}})
			}
			np := &model.NetworkPolicy{PodSelector: source.SetAt(sel, source.Range{})}
			if rnd.IntN(40) == 0 {
				np.PodSelector = source.UnknownAt[model.LabelSelector](source.Range{})
			}
			policies = append(policies, np)
		}
		labels := labelSet()
		want := false
		for _, np := range policies {
			want = want || !np.PodSelector.Known() || selectorMatches(np.PodSelector.Val, labels)
		}
		if got := indexPolicies(policies).covers(labels); got != want {
			t.Fatalf("trial %d: covers(%v) = %v, a scan says %v", trial, labels, got, want)
		}
	}
}

// BenchmarkCrossObjectRules runs the rules over one namespace of n
// Deployments, each with its own NetworkPolicies, autoscaler and
// ServiceAccount, and n LimitRanges in namespaces of their own: rules that
// relate objects must stay linear in n (K8S-071 and K8S-030 compared every
// workload with every policy and autoscaler, 10 s for 10,000; the resource
// rules every container without a value with every LimitRange).
//
//	go test -run '^$' -bench CrossObject -benchmem ./rules/
func BenchmarkCrossObjectRules(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var docs []string
			for i := range n {
				docs = append(docs, fmt.Sprintf(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d%[1]d, namespace: prod}
spec:
  replicas: 2
  selector: {matchLabels: {app: a%[1]d}}
  template:
    metadata: {labels: {app: a%[1]d, tier: web}}
    spec: {serviceAccountName: sa%[1]d, containers: [{name: c, image: "nginx:1.25"}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np%[1]d, namespace: prod}
spec: {podSelector: {matchLabels: {app: a%[1]d}}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np%[1]dx, namespace: prod}
spec: {podSelector: {matchExpressions: [{key: app, operator: In, values: [a%[1]d]}]}, policyTypes: [Egress]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h%[1]d, namespace: prod}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d%[1]d}, minReplicas: 2, maxReplicas: 5}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa%[1]d, namespace: prod}
---
apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: team%[1]d}
spec: {limits: [{type: Container, default: {memory: 512Mi}}]}
`, i))
			}
			dir := b.TempDir()
			for f := 0; f < len(docs); f += 1000 {
				p := filepath.Join(dir, fmt.Sprintf("f%03d.yaml", f/1000))
				if err := os.WriteFile(p, []byte(strings.Join(docs[f:min(f+1000, len(docs))], "---\n")), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			var m *model.Model
			keep := &linter.Rule{ID: "KEEP", Check: func(p *linter.Pass) { m = p.Model }}
			linter.Lint(linter.Options{Paths: []string{dir}, Rules: []*linter.Rule{keep}})
			all := All()
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range all {
					r.Check(&linter.Pass{Rule: r, Model: m})
				}
			}
		})
	}
}

// A globSet matches exactly what path.Match tried on every pattern
// matches, for patterns of every shape the index tells apart.
func TestGlobSetAgreesWithPathMatch(t *testing.T) {
	patterns := []string{"kube-system/*", "kube-system/aws-node", "prod", "team-*/web", "a/b/*", "*", "*/x", "ns/w?b",
		"ns/[ab]*", "bad[", `esc\*`, "", "kube-system/*/x", "kube-system/", "p/*"}
	strs := []string{"kube-system/aws-node", "kube-system/coredns", "kube-system/", "kube-system", "kube-system/a/b", "prod",
		"prod/x", "team-a/web", "team-/web", "a/b/c", "a/b/c/d", "a/b", "anything", "y/x", "ns/web", "ns/wxb", "ns/a1", "ns/c",
		`esc*`, "", "p/", "p/q", "kube-system/z/x"}
	for n := 0; n <= len(patterns); n++ {
		// Every prefix of the list, so that each shape is tried alone too.
		set := newGlobs(patterns[:n])
		for i := 0; i < n; i++ {
			one := newGlobs(patterns[i : i+1])
			for _, s := range strs {
				want, err := path.Match(patterns[i], s)
				if got := one.match(s); got != (want && err == nil) {
					t.Errorf("%q against %q: %v, path.Match says %v (%v)", patterns[i], s, got, want, err)
				}
			}
		}
		for _, s := range strs {
			want := false
			for _, p := range patterns[:n] {
				ok, err := path.Match(p, s)
				want = want || ok && err == nil
			}
			if got := set.match(s); got != want {
				t.Errorf("%q against the first %d patterns: %v, want %v", s, n, got, want)
			}
		}
	}
}
