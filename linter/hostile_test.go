package linter

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/terraform"
)

// lintWithin lints dir with every-cluster and every-workload rules and
// fails if the run takes longer than limit: hostile input must end in
// bounded time. It also fails on any internal error.
func lintWithin(t *testing.T, limit time.Duration, opts Options) *Result {
	t.Helper()
	workloads := &Rule{ID: "EKS-K8S-010", Check: func(p *Pass) {
		for _, w := range p.Model.Workloads {
			p.Report(w, w.Range, "w")
		}
	}}
	opts.Rules = []*Rule{everyCluster, workloads}
	done := make(chan *Result, 1)
	go func() { done <- Lint(opts) }()
	select {
	case res := <-done:
		for _, p := range res.Problems {
			if strings.Contains(p.Message, "internal error") {
				t.Errorf("%s", p)
			}
		}
		return res
	case <-time.After(limit):
		t.Fatalf("lint did not finish within %s", limit)
		return nil
	}
}

func hasProblem(res *Result, file, text string) bool {
	for _, p := range res.Problems {
		if p.Range.Path() == file && strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}

// problemsWith counts the problems whose message holds text.
func problemsWith(res *Result, text string) int {
	n := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Message, text) {
			n++
		}
	}
	return n
}

// moduleChain returns folders m00 … m(n-1), each holding a main.tf of
// body(i) and calls calls of the next folder (the last calls none).
func moduleChain(n, calls int, body func(i int) string) map[string]string {
	files := map[string]string{}
	for i := 0; i < n; i++ {
		var b strings.Builder
		b.WriteString(body(i))
		for j := 0; i < n-1 && j < calls; j++ {
			fmt.Fprintf(&b, "module \"n%d\" {\n  source = \"../m%02d\"\n}\n", j, i+1)
		}
		files[fmt.Sprintf("m%02d/main.tf", i)] = b.String()
	}
	return files
}

func TestHostileInput(t *testing.T) {
	var laughs strings.Builder
	laughs.WriteString("apiVersion: v1\nkind: ConfigMap\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&laughs, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1)
	}
	laughs.WriteString("spec: {template: {spec: {containers: [*a29]}}}\n")

	var bomb strings.Builder // an alias bomb as the start of a mapping
	bomb.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&bomb, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1)
	}
	// An alias bomb of mappings: walks that read any mapping they reach
	// (and not only the fixed paths of a schema) would visit 4^29 of them.
	var mapBomb strings.Builder
	mapBomb.WriteString("m0: &m0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol}\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&mapBomb, "m%d: &m%d {a: *m%d, b: *m%d, c: *m%d, d: *m%d}\n", i, i, i-1, i-1, i-1, i-1)
	}
	mb := func(kind, rest string) string {
		return "---\napiVersion: v1\nkind: " + kind + "\n" + mapBomb.String() + strings.ReplaceAll(rest, "M", "*m29")
	}
	mapObjects := mb("Pod", "metadata: {name: p, labels: M, annotations: M}\nspec: {securityContext: M, affinity: M, nodeSelector: M, tolerations: [M], volumes: [M, {name: v, hostPath: M}], topologySpreadConstraints: [M], serviceAccountName: M, hostNetwork: M, initContainers: [M], containers: [M, {name: c, image: M, env: [M], ports: [M], securityContext: M, resources: M, livenessProbe: M}, {name: e, resources: {limits: M, requests: M}, securityContext: {capabilities: M, seccompProfile: M}}]}\n") +
		mb("ReplicationController", "metadata: {name: d}\nspec: {selector: M, replicas: M, template: {metadata: {labels: {a: M}}, spec: {containers: [M]}}}\n") +
		mb("Service", "metadata: {name: s, annotations: M}\nspec: {type: LoadBalancer, selector: M, ports: [M], loadBalancerSourceRanges: M}\n") +
		mb("ConfigMap", "metadata: {name: aws-auth, namespace: kube-system}\ndata: M\n") +
		mb("ServiceAccount", "metadata: {name: sa, annotations: M}\nautomountServiceAccountToken: M\n") +
		mb("List", "items: [M]\n")
	var roles strings.Builder
	roles.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: |\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&roles, "    - {rolearn: 'arn:aws:iam::111122223333:role/r%d', username: u%d, groups: [system:masters]}\n", i, i)
	}
	authBomb := "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: |\n    - &r0 {rolearn: x, groups: [a, b, c, d, e, f, g, h]}\n"
	for i := 1; i < 30; i++ {
		authBomb += fmt.Sprintf("    - &r%d [*r%d, *r%d, *r%d, *r%d]\n", i, i-1, i-1, i-1, i-1)
	}
	authBomb += "    - {rolearn: y, groups: *r29}\n"
	var nodeGroups strings.Builder
	nodeGroups.WriteString("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\n")
	for _, list := range []string{"nodeGroups", "managedNodeGroups", "addons", "iamIdentityMappings"} {
		nodeGroups.WriteString(list + ":\n")
		for i := 0; i < 10000; i++ {
			fmt.Fprintf(&nodeGroups, "- {name: n%d, arn: 'arn:aws:iam::111122223333:role/r%d', instanceType: m5.large}\n", i, i)
		}
	}

	pod := "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}]}\n"
	var items, containers, groups strings.Builder
	items.WriteString("apiVersion: v1\nkind: List\nitems:\n")
	for i := 0; i <= 10000; i++ {
		fmt.Fprintf(&items, "- {apiVersion: v1, kind: Pod, metadata: {name: p%d}}\n", i)
	}
	containers.WriteString("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n")
	for i := 0; i <= 50000; i++ {
		fmt.Fprintf(&containers, "  - {name: c%d, image: x}\n", i)
	}
	groups.WriteString("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nnodeGroups:\n")
	for i := 0; i <= 10000; i++ {
		fmt.Fprintf(&groups, "- {name: n%d}\n", i)
	}

	// Kustomizations whose bases kustomize would build again and again:
	// two bases listing the same two, fifteen levels down (32,767 builds
	// of a base: 11 s with no object at all; each level more doubles it);
	// a chain of twenty overlays over 1,000 ConfigMaps (40 s); a chain of
	// 1,001.
	fanOut, chain, deepChain := map[string]string{}, map[string]string{}, map[string]string{}
	var configMaps strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&configMaps, "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c%d}\n", i)
	}
	for i := 0; i < 15; i++ {
		for _, x := range []string{"a", "b"} {
			fanOut[fmt.Sprintf("f/l%02d/%s/kustomization.yaml", i, x)] = fmt.Sprintf("resources: [../../l%02d/a, ../../l%02d/b]\nnameSuffix: -%s\n", i+1, i+1, x)
		}
	}
	fanOut["f/l15/a/kustomization.yaml"], fanOut["f/l15/b/kustomization.yaml"] = "nameSuffix: -a\n", "nameSuffix: -b\n"
	for i := 0; i < 20; i++ {
		chain[fmt.Sprintf("c/l%02d/kustomization.yaml", i)] = fmt.Sprintf("resources: [../l%02d]\nnameSuffix: -x\n", i+1)
	}
	chain["c/l20/kustomization.yaml"], chain["c/l20/cm.yaml"] = "resources: [cm.yaml]\n", configMaps.String()
	for i := 0; i < 1000; i++ {
		deepChain[fmt.Sprintf("c/l%04d/kustomization.yaml", i)] = fmt.Sprintf("resources: [../l%04d]\n", i+1)
	}
	deepChain["c/l1000/kustomization.yaml"], deepChain["c/l1000/cm.yaml"] = "resources: [cm.yaml]\n", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"

	tests := []struct {
		name    string
		files   map[string]string
		problem [2]string // file, text ("" = none required)
	}{
		{"alias bomb", map[string]string{"bomb.yaml": laughs.String()}, [2]string{}},
		{"deep YAML flow nesting", map[string]string{"deep.yaml": "apiVersion: v1\nkind: Pod\nspec: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"},
			[2]string{"deep.yaml", "invalid YAML"}},
		{"deep YAML mapping nesting", map[string]string{"deep.yaml": "apiVersion: v1\nkind: Pod\nspec: " + strings.Repeat("{a: ", 20000) + "1" + strings.Repeat("}", 20000) + "\n"},
			[2]string{"deep.yaml", "invalid YAML"}},
		{"deep HCL nesting", map[string]string{"deep.tf": "locals {\n  x = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n}\n" + `resource "aws_eks_cluster" "c" {}` + "\n"},
			[2]string{"deep.tf", "nested more than 1000 levels deep"}},
		// Two million levels: hcl's parser used to overflow the stack, a
		// fatal error that ended the whole run.
		{"very deep HCL nesting", map[string]string{"deep.tf": "locals {\n  x = " + strings.Repeat("[", 2000000) + strings.Repeat("]", 2000000) + "\n}\n"},
			[2]string{"deep.tf", "nested more than 1000 levels deep"}},
		{"very deep JSON nesting", map[string]string{"deep.tf.json": `{"locals": {"x": ` + strings.Repeat("[", 2000000) + strings.Repeat("]", 2000000) + "}}\n"},
			[2]string{"deep.tf.json", "nested more than 1000 levels deep"}},
		{"very long operator chain", map[string]string{"deep.tf": "locals {\n  x = " + strings.Repeat("!", 2000000) + "true\n}\n"},
			[2]string{"deep.tf", "nested more than 1000 levels deep"}},
		{"count = 100000000", map[string]string{"main.tf": "resource \"aws_eks_cluster\" \"c\" {\n  count = 100000000\n}\n"}, [2]string{}},
		{"range(100000000)", map[string]string{"main.tf": "resource \"aws_eks_cluster\" \"c\" {\n  enabled_cluster_log_types = [for i in range(100000000) : \"api\"]\n}\n"},
			[2]string{"main.tf", "at most"}},
		// go-cty's range fails past 1,024 values only after building them,
		// a millisecond a call: 10 s for these 10,000 instances.
		{"range(10000) in 10,000 instances", map[string]string{"main.tf": "resource \"aws_eks_node_group\" \"n\" {\n  count      = 10000\n  subnet_ids = [for i in range(10000) : \"subnet-${i}\"]\n}\n"},
			[2]string{"main.tf", "would build 10000 elements; Terraform builds at most 1024"}},
		// go-cty unifies the types of a tuple's elements pair by pair
		// before distinct, and distinct compares every pair again: five
		// minutes for these 20,000 strings.
		{"distinct of 20,000 strings", map[string]string{"main.tf": "locals {\n  xs = flatten([for i in range(1000) : [for j in range(20) : \"${i}-${j}\"]])\n}\nresource \"aws_eks_cluster\" \"c\" {\n  enabled_cluster_log_types = distinct(local.xs)\n}\n"},
			[2]string{}},
		// hcl's json package evaluated templates without the bounds' hooks:
		// a billion iterations.
		{"nested for loops in a .tf.json template", map[string]string{"main.tf.json": `{"locals": {"r": "${range(1000)}"}, "resource": {"aws_eks_cluster": {"c": {"enabled_cluster_log_types": "${[for i in local.r : [for j in local.r : [for k in local.r : \"api\"]]]}"}}}}`},
			[2]string{"main.tf.json", "at most 25000 iterations"}},
		{"binary", map[string]string{"bin.tf": "resource \x00\x01\x02"}, [2]string{"bin.tf", "binary"}},
		{"aws-auth with 20,000 roles", map[string]string{"auth.yaml": roles.String()}, [2]string{}},
		{"aws-auth alias bomb", map[string]string{"auth.yaml": authBomb}, [2]string{}},
		{"ClusterConfig with 10,000 node groups and addons", map[string]string{"c.eksctl.yaml": nodeGroups.String()}, [2]string{}},
		{"ClusterConfig alias bomb", map[string]string{"c.eksctl.yaml": "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n" + bomb.String() +
			"metadata: {name: c, region: us-east-1, tags: *a29}\nvpc: {subnets: *a29, publicAccessCIDRs: *a29}\nnodeGroups: *a29\nmanagedNodeGroups: [{name: m, labels: *a29, iam: {attachPolicy: {Statement: *a29}}, tags: *a29}]\naddons: *a29\niamIdentityMappings: *a29\ncloudWatch: {clusterLogging: {enableTypes: *a29}}\n"}, [2]string{}},
		{"Kubernetes objects alias bomb", map[string]string{"k8s.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n" + bomb.String() +
			"metadata: {name: r, labels: *a29, annotations: *a29}\nrules: [{verbs: *a29, resources: *a29, apiGroups: *a29}]\n---\n" +
			"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: {matchExpressions: [{key: a, operator: In, values: [x]}]}, ingress: [{}], policyTypes: [Ingress]}\n---\n" +
			"apiVersion: apps/v1\nkind: Deployment\n" + bomb.String() + "metadata: {name: d}\nspec: {template: {metadata: {labels: *a29}, spec: {affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: *a29}}, topologySpreadConstraints: *a29, containers: [{name: c, image: x, env: *a29, ports: *a29, resources: {limits: *a29}}]}}}\n"},
			[2]string{}},
		{"Kubernetes objects mapping alias bomb", map[string]string{"k8s.yaml": mapObjects}, [2]string{"k8s.yaml", "hostNetwork should be true or false, not a mapping"}},
		{"ClusterConfig mapping alias bomb", map[string]string{"c.eksctl.yaml": "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n" + mapBomb.String() +
			strings.ReplaceAll("metadata: {name: c, region: us-east-1, tags: M}\nvpc: {clusterEndpoints: M, subnets: M}\niam: M\nsecretsEncryption: M\ncloudWatch: {clusterLogging: M}\nnodeGroups: [M, {name: g, labels: M, ssh: M, iam: M}]\nmanagedNodeGroups: [M, {name: m, iam: {attachPolicy: M}}]\naddons: [M]\naccessEntries: [M]\n", "M", "*m29")},
			[2]string{}},
		{"kustomization mapping alias bomb", map[string]string{"k/kustomization.yaml": mapBomb.String() + "resources: [d.yaml]\nlabels: [*m29]\nimages: [*m29]\npatches: [*m29]\n", "k/d.yaml": deployment},
			[2]string{"k/kustomization.yaml", "could not build"}},
		{"kustomization listing its own folder", map[string]string{"k/kustomization.yaml": "resources: [., ../k]\n"},
			[2]string{"k/kustomization.yaml", "cycle"}},
		{"kustomization listing itself", map[string]string{"k/kustomization.yaml": "resources: [kustomization.yaml]\n"},
			[2]string{"k/kustomization.yaml", "could not build"}},
		{"kustomization alias bomb", map[string]string{"k/kustomization.yaml": bomb.String() + "resources: [*a29]\ncommonLabels: {x: *a29}\n"},
			[2]string{"k/kustomization.yaml", "could not build"}},
		{"kustomization of an alias bomb", map[string]string{"k/kustomization.yaml": "resources: [bomb.yaml]\n", "k/bomb.yaml": laughs.String()},
			[2]string{"k/bomb.yaml", "YAML aliases of this file expand"}},
		{"kustomization inline patch alias bomb", map[string]string{"k/kustomization.yaml": "resources: [d.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: web}\n" + indent(bomb.String(), "    ") + "    spec: {template: {metadata: {labels: {x: y}}, spec: {containers: [{name: web, env: *a29}]}}}\n", "k/d.yaml": deployment},
			[2]string{"k/kustomization.yaml", "YAML aliases of this inline patch expand"}},
		{"kustomization inline transformer alias bomb", map[string]string{"k/kustomization.yaml": "resources: [d.yaml]\ntransformers:\n- |\n    apiVersion: builtin\n    kind: LabelTransformer\n    metadata: {name: l}\n" + indent(bomb.String(), "    ") + "    labels: {x: y}\n    fieldSpecs: *a29\n", "k/d.yaml": deployment},
			[2]string{"k/kustomization.yaml", "YAML aliases of this inline configuration expand"}},
		{"kustomization patch that is not YAML", map[string]string{"k/kustomization.yaml": "resources: [d.yaml]\npatches: [{path: p.yaml}]\n", "k/d.yaml": deployment, "k/p.yaml": "{{{ ::: not yaml\n\t- ["},
			[2]string{"k/kustomization.yaml", "could not build"}},
		// What one file may hold is bounded, so that memory is too.
		{"a list of a million numbers", map[string]string{"main.tf": manyNumbers()},
			[2]string{"main.tf", "more than 500000 tokens by here"}},
		{"a JSON list of a million numbers", map[string]string{"main.tf.json": `{"locals": {"a": [` + strings.Repeat("1,", 1000000) + "1]}}\n"},
			[2]string{"main.tf.json", "more than 1000000 tokens by here"}},
		{"a template of 750,000 tokens", map[string]string{"main.tf": "resource \"aws_eks_cluster\" \"c\" {\n  name = templatefile(\"${path.module}/big.tpl\", {})\n}\n", "big.tpl": strings.Repeat("${1}", 250000)},
			[2]string{"main.tf", "big.tpl holds more than 500000 tokens"}},
		{"a YAML list of 1.1 million numbers", map[string]string{"k8s.yaml": manyYAMLNumbers()},
			[2]string{"k8s.yaml", "more than 2000000 YAML nodes may begin by here"}},
		{"a kustomization of a YAML list of 1.1 million numbers", map[string]string{"k/kustomization.yaml": "resources: [big.yaml, d.yaml]\n", "k/big.yaml": manyYAMLNumbers(), "k/d.yaml": deployment},
			[2]string{"k/kustomization.yaml", "may hold more than 2000000 YAML nodes"}},
		// Comment lines count as nodes may begin (a line each), and cost
		// nothing to decode: two files of 700,000 pass the bound together.
		{"a kustomization of manifests that may hold too many YAML nodes together", map[string]string{"k/kustomization.yaml": "resources: [a.yaml, b.yaml, d.yaml]\n", "k/a.yaml": strings.Repeat("#\n", 700000), "k/b.yaml": strings.Repeat("#\n", 700000), "k/d.yaml": deployment},
			[2]string{"k/kustomization.yaml", "may hold more than 2000000 YAML nodes together, by k/b.yaml"}},
		{"a plan of two million values", map[string]string{"plan.json": `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [` + strings.Repeat("1,", 2000000) + "1]}}}\n"},
			[2]string{"plan.json", "more than 2000000 tokens by here"}},
		{"10,001 documents", map[string]string{"docs.yaml": strings.Repeat("---\n"+pod, 10001)},
			[2]string{"docs.yaml", "more than 10000 YAML documents"}},
		{"a List of 10,001 items", map[string]string{"list.yaml": items.String()},
			[2]string{"list.yaml", "more than 10000 objects"}},
		{"a pod of 50,001 containers", map[string]string{"pod.yaml": containers.String()},
			[2]string{"pod.yaml", "more than 50000 containers"}},
		{"10,001 node groups", map[string]string{"c.eksctl.yaml": groups.String()},
			[2]string{"c.eksctl.yaml", "more than 10000 objects"}},
		{"kustomizations building the same bases again and again", fanOut,
			[2]string{"f/l00/a/kustomization.yaml", "reads more than 1000 kustomizations"}},
		{"a chain of overlays over 1,000 ConfigMaps", chain,
			[2]string{"c/l00/kustomization.yaml", "more than 2000 YAML documents, counted at every level"}},
		{"a chain of 1,001 overlays", deepChain,
			[2]string{"c/l0000/kustomization.yaml", "reads more than 1000 kustomizations"}},
		{"invalid UTF-8", map[string]string{"bad.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: \xff\xfe}\n"}, [2]string{"bad.yaml", "UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["good/main.tf"] = cluster
			writeTree(t, tt.files)
			res := lintWithin(t, 30*time.Second, Options{})
			found := false
			for _, f := range res.Findings {
				found = found || f.Range.Path() == "good/main.tf"
			}
			if !found {
				t.Error("the good file beside the hostile one was not linted")
			}
			if tt.problem[0] != "" && !hasProblem(res, tt.problem[0], tt.problem[1]) {
				t.Errorf("want a problem in %s about %q, got %v", tt.problem[0], tt.problem[1], res.Problems)
			}
		})
	}
}

// manyNumbers is a list of a million numbers: 2 MB, two million tokens,
// which hcl's parser took 1 GB to hold. (A function, as is the next: a
// package variable would be megabytes of live heap in the benchmarks'
// process too, which moves the collector's pacing: beside 4 MB of them,
// BenchmarkLintVsParse's floor ran a fifth faster and its ratio rose from
// 1.13 to 1.37.)
func manyNumbers() string {
	return "locals {\n  a = [" + strings.Repeat("1,", 1000000) + "1]\n}\n"
}

// manyYAMLNumbers is a Kubernetes object holding a flow list of 1.1
// million numbers (2.2 MB), which yaml.v3 took 250 MB to hold.
func manyYAMLNumbers() string {
	return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx: [" + strings.Repeat("1,", 1100000) + "1]\n"
}

// TestLongNamesAreClipped: a name as long as the input likes, reported for
// every instance, made a report hundreds of times the input's size (a
// 100 KB name with count = 1000: 900 MB of text).
func TestLongNamesAreClipped(t *testing.T) {
	name := strings.Repeat("n", 100000)
	writeTree(t, map[string]string{"main.tf": "resource \"aws_eks_cluster\" \"" + name + "\" {\n  count = 100\n  name  = \"" + name + "\"\n}\n"})
	res := lintWithin(t, 30*time.Second, Options{})
	size := 0
	for _, f := range res.Findings {
		size += len(f.Object) + len(f.Message)
		for _, r := range f.Related {
			size += len(r.Message)
		}
	}
	if len(res.Findings) < 100 || size > len(res.Findings)*3*(maxText+64) {
		t.Errorf("%d findings, %d bytes of names and messages", len(res.Findings), size)
	}
	if f := res.Findings[0]; !strings.HasSuffix(f.Object, "]") {
		t.Errorf("the clipped name %q lost its instance key", f.Object[len(f.Object)-20:])
	}
}

// TestManyTokensAreNotParsed: a file of too many tokens is refused before
// hcl's parser sees it, where it says, and at the cost of reading it.
func TestManyTokensAreNotParsed(t *testing.T) {
	writeTree(t, map[string]string{"main.tf": manyNumbers()})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := lintWithin(t, 30*time.Second, Options{})
	runtime.ReadMemStats(&after)
	if len(res.Problems) != 1 || res.Problems[0].Range.Start.Line != 2 || res.Problems[0].Range.Start.Col < 400000 {
		t.Fatalf("want one problem on line 2, where the 500,001st token is, got %v", res.Problems)
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 64 {
		t.Errorf("refusing the file allocated %d MB: it was parsed", mb)
	}
}

// TestHugeFile: a 100 MB file is refused by its size, without being read whole.
func TestHugeFile(t *testing.T) {
	dir := writeTree(t, map[string]string{"good/main.tf": cluster})
	f, err := os.Create(filepath.Join(dir, "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res := lintWithin(t, 30*time.Second, Options{})
	if !hasProblem(res, "huge.yaml", "larger than") || len(res.Findings) != 1 {
		t.Errorf("problems %v, findings %v", res.Problems, res.Findings)
	}
}

func TestSymlinkLoopsAndUnreadableFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"a/main.tf": cluster, "a/secret.yaml": "apiVersion: v1\nkind: Pod\n"})
	if err := os.Symlink("..", filepath.Join(dir, "a", "loop")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("missing", filepath.Join(dir, "a", "dangling.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "a", "secret.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	res := lintWithin(t, 30*time.Second, Options{})
	if len(res.Findings) != 1 {
		t.Errorf("findings %v", res.Findings)
	}
	if !hasProblem(res, "a/dangling.yaml", "broken symbolic link") {
		t.Errorf("problems %v", res.Problems)
	}
	if os.Geteuid() != 0 && !hasProblem(res, "a/secret.yaml", "cannot read") {
		t.Errorf("an unreadable file must be a problem: %v", res.Problems)
	}
	for _, p := range res.Problems {
		if p.Level == source.LevelError && p.Range.Path() != "a/secret.yaml" {
			t.Errorf("unexpected error: %s", p)
		}
	}
}

// A kustomization whose manifests hold 10,000 objects is not built:
// kustomize's build time grows with the square of the number of objects.
// Its manifests are linted one by one instead, every object of them.
func TestKustomizationWithTenThousandObjects(t *testing.T) {
	var many strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&many, "---\n%s", strings.Replace(deployment, "name: web", fmt.Sprintf("name: web%d", i), 1))
	}
	writeTree(t, map[string]string{
		"good/main.tf":         cluster,
		"k/kustomization.yaml": "resources: [many.yaml]\n",
		"k/many.yaml":          many.String(),
	})
	res := lintWithin(t, 60*time.Second, Options{})
	if len(res.Findings) != 10001 {
		t.Errorf("%d findings, want 10,001 (every Deployment and the cluster)", len(res.Findings))
	}
	if !hasProblem(res, "k/kustomization.yaml", "more than 2000 YAML documents") {
		t.Errorf("problems %v", res.Problems)
	}
}

// A kustomization listing 10,000 manifests is refused once they hold more
// than 2,000 documents, and every manifest is linted on its own.
func TestKustomizationListingTenThousandFiles(t *testing.T) {
	files := map[string]string{"good/main.tf": cluster}
	var list strings.Builder
	list.WriteString("resources:\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&list, "- d%d.yaml\n", i)
		files[fmt.Sprintf("k/d%d.yaml", i)] = strings.Replace(deployment, "name: web", fmt.Sprintf("name: web%d", i), 1)
	}
	files["k/kustomization.yaml"] = list.String()
	writeTree(t, files)
	res := lintWithin(t, 60*time.Second, Options{})
	if len(res.Findings) != 10001 {
		t.Errorf("%d findings, want 10,001 (every Deployment and the cluster)", len(res.Findings))
	}
	if !hasProblem(res, "k/kustomization.yaml", "more than 2000 YAML documents") {
		t.Errorf("problems %v", res.Problems)
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+prefix) + "\n"
}

// A symbolic link to a folder out of the walked tree (to /, to a home
// folder) is not followed, with a note: following it would lint the
// whole machine. Nor is a link to a file out of it (~/.aws/credentials
// named creds.yaml). Links that stay in the tree are followed.
func TestLinksOutOfTheTreeAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "main.tf"), []byte(cluster), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{"in/main.tf": cluster, "repo/main.tf": cluster})
	for link, target := range map[string]string{"repo/out": outside, "repo/root": "/", "repo/in": filepath.Join(dir, "in"),
		"repo/creds.yaml": filepath.Join(outside, "main.tf"), "repo/same.tf": "main.tf"} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skip(err)
		}
	}
	t.Chdir(filepath.Join(dir, "repo"))
	res := lintWithin(t, 30*time.Second, Options{})
	var files []string
	for _, f := range res.Findings {
		files = append(files, f.Range.Path())
	}
	if got := strings.Join(files, ","); got != "main.tf,same.tf" {
		t.Errorf("linted %s, want main.tf and the link beside it, same.tf", got)
	}
	for _, link := range []string{"out", "root", "creds.yaml"} {
		if !hasProblem(res, link, "not followed: this symbolic link leads out of .") {
			t.Errorf("no note for %s: %v", link, res.Problems)
		}
	}
	// Walked from the folder that holds both, the link to in/ stays inside.
	t.Chdir(dir)
	res = lintWithin(t, 30*time.Second, Options{})
	n := 0
	for _, f := range res.Findings {
		if f.Range.Path() == "repo/in/main.tf" || f.Range.Path() == "in/main.tf" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("in/main.tf, reached directly and through repo/in, must be linted once: %v", res.Findings)
	}
}

// TestModuleCallsAreSharedByTheRun: every folder of Terraform files is read
// as a root, so 200 folders that each called all the others made 200 roots
// of 1,000 calls each (154 s, 4.3 GB). The run's bound is shared out by the
// number of roots: here 211 roots leave the one that calls 60 modules 50 of
// them, with one warning that says how to follow more (the other ten are
// still linted, as roots), and the same root linted alone follows all 60.
func TestModuleCallsAreSharedByTheRun(t *testing.T) {
	files := map[string]string{}
	var calls strings.Builder
	for i := 0; i < 60; i++ {
		files[fmt.Sprintf("m%02d/main.tf", i)] = cluster
		fmt.Fprintf(&calls, "module \"m%02d\" {\n  source = \"../m%02d\"\n}\n", i, i)
	}
	files["root/main.tf"] = calls.String()
	for i := 0; i < 150; i++ {
		files[fmt.Sprintf("other%03d/main.tf", i)] = "locals {}\n"
	}
	writeTree(t, files)
	want := fmt.Sprintf("past the %d local module calls ekslint follows from one root module in a run of 211 Terraform root modules (%d in all)", terraform.MinModuleCalls, terraform.MaxRunModuleCalls)
	res := lintWithin(t, 30*time.Second, Options{})
	warned := 0
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "local module calls ekslint follows") {
			warned++
			if p.Range.Path() != "root/main.tf" || !strings.Contains(p.Message, want) {
				t.Errorf("%s; want it in root/main.tf, saying %q", p, want)
			}
		}
	}
	// The 50 followed are read as the root's modules; the other ten,
	// called by nothing that was read, as roots of their own.
	followed := 0
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Object, "module.") {
			followed++
		}
	}
	if warned != 1 || followed != terraform.MinModuleCalls || len(res.Findings) != 60 {
		t.Errorf("%d warnings about the bound, %d findings of which %d through the root; want 1, 60 and %d", warned, len(res.Findings), followed, terraform.MinModuleCalls)
	}
	res = lintWithin(t, 30*time.Second, Options{Paths: []string{"root"}})
	if len(res.Findings) != 60 {
		t.Errorf("root linted alone: %d findings, want the 60 modules' clusters; problems %v", len(res.Findings), res.Problems)
	}
}

// TestModuleDepthIsReportedOnce: past the depth bound, each module at the
// deepest level reported each of its calls (6,405 warnings for one root of
// the 200 folders above, 118 MB of messages kept until the end).
func TestModuleDepthIsReportedOnce(t *testing.T) {
	writeTree(t, moduleChain(21, 3, func(i int) string {
		if i == 20 {
			return cluster
		}
		return ""
	}))
	res := lintWithin(t, 30*time.Second, Options{Paths: []string{"m00"}})
	if deep := problemsWith(res, "calls deep"); deep != 1 {
		t.Errorf("%d warnings about the depth, want 1: %v", deep, res.Problems)
	}
}

// TestModulesManifestIsReadOnce: .terraform/modules/modules.json, where
// terraform init records the modules it installed, was read and decoded by
// every module instance that calls a registry module: 1,000 instances and a
// manifest of 100,000 modules (9.8 MB) took 119 s. It is read once per root.
func TestModulesManifestIsReadOnce(t *testing.T) {
	files := moduleChain(20, 2, func(int) string { return "module \"reg\" {\n  source = \"x/y/aws\"\n}\n" })
	files["root/main.tf"] = "module \"top\" {\n  source = \"../m00\"\n}\n"
	var manifest strings.Builder
	manifest.WriteString(`{"Modules": [`)
	for i := 0; i < 30000; i++ {
		if i > 0 {
			manifest.WriteString(",")
		}
		fmt.Fprintf(&manifest, `{"Key": "k%d", "Source": "registry.terraform.io/x/y/aws", "Dir": ".terraform/modules/k%d"}`, i, i)
	}
	manifest.WriteString("]}")
	files["root/.terraform/modules/modules.json"] = manifest.String()
	writeTree(t, files)
	res := lintWithin(t, 10*time.Second, Options{Paths: []string{"root"}})
	if !hasProblem(res, "m00/main.tf", `module "reg" comes from "x/y/aws", which ekslint does not fetch`) {
		t.Errorf("no note about the registry module: %v", res.Problems)
	}
}

// TestModuleInstancesShareTheWork: each instance of a module evaluated it on
// a budget of its own. Twenty modules each calling the next twice (1,000
// instances, past the depth and call bounds) that each decode a 100 KB JSON
// file and call length() on it took 48 s (a 634 KB file: 325 s): go-cty
// decodes a text three times a call and walks every argument whole. The
// decode functions now decode a text once per root, and the root module
// and the modules it calls share one budget, cheap functions' arguments
// counted too: 6.8 s, and eight levels (255 instances), as here, 2.7 s.
func TestModuleInstancesShareTheWork(t *testing.T) {
	var items []string
	for i := 0; i < 2500; i++ {
		items = append(items, fmt.Sprintf(`{"k": %d, "v": "xxxxxxxxxxxxxxxxxxxx"}`, i))
	}
	big := `{"items": [` + strings.Join(items, ", ") + `]}`
	files := moduleChain(8, 2, func(int) string {
		return "locals {\n  p = jsondecode(file(\"${path.module}/big.json\"))\n}\nresource \"aws_eks_cluster\" \"c\" {\n  name = \"c-${length(local.p.items)}\"\n}\n"
	})
	for i := 0; i < 8; i++ {
		files[fmt.Sprintf("m%02d/big.json", i)] = big
	}
	writeTree(t, files)
	res := lintWithin(t, 10*time.Second, Options{Paths: []string{"m00"}})
	if len(res.Findings) != 255 {
		t.Errorf("%d clusters found, want 255", len(res.Findings))
	}
}

// TestModuleFanOut: each of twenty modules calls the next one twice. The
// depth bound alone (16) left 2^16 modules to read, 13 s and 1 GB for a
// million findings; the calls followed from one root are bounded too, with
// one warning.
func TestModuleFanOut(t *testing.T) {
	writeTree(t, moduleChain(21, 2, func(int) string { return cluster }))
	res := lintWithin(t, 30*time.Second, Options{Paths: []string{"m00"}})
	warned := problemsWith(res, "past the 1000 local module calls ekslint follows from one root module")
	// The root's cluster and one per module read: the first 1,000 calls.
	if warned != 1 || len(res.Findings) != 1001 {
		t.Errorf("%d warnings about the bound, %d findings; want 1 and 1001", warned, len(res.Findings))
	}
}
