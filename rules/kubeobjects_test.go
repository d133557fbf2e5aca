package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func TestSelectorMatches(t *testing.T) {
	labels := map[string]string{"app": "web", "tier": "front"}
	for _, c := range []struct {
		sel  model.LabelSelector
		want bool
	}{
		{model.LabelSelector{}, true},
		{model.LabelSelector{MatchLabels: map[string]string{"app": "web"}}, true},
		{model.LabelSelector{MatchLabels: map[string]string{"app": "db"}}, false},
		{model.LabelSelector{MatchLabels: map[string]string{"zone": "a"}}, false},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "app", Operator: "In", Values: []string{"db", "web"}}}}, true},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "app", Operator: "NotIn", Values: []string{"web"}}}}, false},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "track", Operator: "NotIn", Values: []string{"canary"}}}}, true},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "tier", Operator: "Exists"}}}, true},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "tier", Operator: "DoesNotExist"}}}, false},
		{model.LabelSelector{MatchExpressions: []model.LabelRequirement{{Key: "tier", Operator: "Gt"}}}, false},
		{model.LabelSelector{MatchLabels: map[string]string{"app": "web"},
			MatchExpressions: []model.LabelRequirement{{Key: "tier", Operator: "In", Values: []string{"back"}}}}, false},
	} {
		if got := selectorMatches(c.sel, labels); got != c.want {
			t.Errorf("selectorMatches(%+v) = %v, want %v", c.sel, got, c.want)
		}
	}
}

// lintWith lints one manifest with one rule and its parameters, and
// returns the findings' messages.
func lintWith(t *testing.T, r *linter.Rule, params map[string]any, manifest string) []linter.Finding {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "m.yaml"), []byte(manifest), 0o600); err != nil {
		t.Fatal(err)
	}
	res := linter.Lint(linter.Options{Paths: []string{dir}, Rules: []*linter.Rule{r}, Jobs: 1,
		Params: map[string]map[string]any{r.ID: params}})
	for _, p := range res.Problems {
		t.Errorf("problem: %s", p)
	}
	return res.Findings
}

const ingressOnlyDeny = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  containers: [{name: app, image: example/app:1}]
`

func TestDefaultDenyEgressParameter(t *testing.T) {
	if f := lintWith(t, K8S070, nil, ingressOnlyDeny); len(f) != 0 {
		t.Errorf("ingress deny is enough by default: %v", f)
	}
	f := lintWith(t, K8S070, map[string]any{"egress": true}, ingressOnlyDeny)
	if len(f) != 1 || f[0].Range.Start.Line != 7 {
		t.Fatalf("egress: true wants one finding on the pod: %v", f)
	}
	f = lintWith(t, K8S070, map[string]any{"egress": true, "exempt-namespaces": []string{"sh*"}}, ingressOnlyDeny)
	if len(f) != 0 {
		t.Errorf("exempt namespace: %v", f)
	}
}

func TestClusterAdminAllowedParameter(t *testing.T) {
	const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: b}
roleRef: {kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: Group, name: breakglass}
  - {kind: ServiceAccount, name: flux, namespace: flux-system}
  - {kind: User, name: alice}
`
	f := lintWith(t, RBAC003, map[string]any{"break-glass": []string{"Group:breakglass", "ServiceAccount:flux-system/*"}}, binding)
	if len(f) != 1 || f[0].Path != "subjects[2]" {
		t.Errorf("want only alice: %v", f)
	}
}

func TestTokenAutomountExemptParameter(t *testing.T) {
	const pod = `apiVersion: v1
kind: Pod
metadata: {name: operator, namespace: ops}
spec:
  containers: [{name: app, image: example/app:1}]
`
	if f := lintWith(t, K8S040, nil, pod); len(f) != 1 {
		t.Errorf("want a finding by default: %v", f)
	}
	if f := lintWith(t, K8S040, map[string]any{"exempt": []string{"ops/*"}}, pod); len(f) != 0 {
		t.Errorf("exempt: %v", f)
	}
}

// TestTokenAutomountUnknownAccount: a pod that mounts the token of a
// ServiceAccount whose name cannot be read does not name it "".
func TestTokenAutomountUnknownAccount(t *testing.T) {
	at := source.Range{File: source.FileOf("m.yaml"), Start: source.PosAt(1, 1)}
	w := &model.Workload{Object: model.Object{Kind: "Pod", Address: "Pod/ops/app", Range: at, Format: model.Kubernetes},
		Name: "app", Namespace: "ops", PodSpec: at,
		ServiceAccountName: source.UnknownAt[string](at), AutomountToken: source.SetAt(true, at)}
	f := runRule(t, K8S040, &model.Model{Workloads: []*model.Workload{w}})
	if len(f) != 1 || strings.Contains(f[0].Message, `ServiceAccount ""`) {
		t.Errorf("want one finding naming no empty ServiceAccount: %v", f)
	}
}
