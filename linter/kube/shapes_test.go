package kube

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestWrongShapes(t *testing.T) {
	tests := []struct {
		name, src  string
		warnings   []source.Pos // where each warning starts, in order
		workloads  int
		containers int // of the first workload
	}{
		{"pod spec a string", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: oops\n",
			[]source.Pos{pos(4, 7)}, 1, 0},
		{"template a list", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: [a]\n",
			[]source.Pos{pos(5, 13)}, 1, 0},
		{"containers a mapping", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: {name: c}\n  initContainers: [{name: i}]\n",
			[]source.Pos{pos(5, 15)}, 1, 1},
		{"a container a string", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - just-a-string\n    - name: ok\n    - [a list]\n",
			[]source.Pos{pos(6, 7), pos(8, 7)}, 1, 1},
		{"resources a string", podWith("name: c\n      resources: lots\n"),
			[]source.Pos{pos(7, 18)}, 1, 1},
		{"requests a number", podWith("name: c\n      resources:\n        requests: 5\n"),
			[]source.Pos{pos(8, 19)}, 1, 1},
		{"cpu a mapping, memory a boolean", podWith("name: c\n      resources:\n        limits: {cpu: {m: 1}, memory: true}\n"),
			[]source.Pos{pos(8, 23), pos(8, 39)}, 1, 1},
		{"image a list", podWith("name: c\n      image: [a, b]\n"),
			[]source.Pos{pos(7, 14)}, 1, 1},
		{"probe a string", podWith("name: c\n      livenessProbe: yes-please\n"),
			[]source.Pos{pos(7, 22)}, 1, 1},
		{"name a mapping", podWith("name: {a: b}\n"),
			[]source.Pos{pos(6, 13)}, 1, 1},
		{"metadata a list", "apiVersion: v1\nkind: Pod\nmetadata: [p]\nspec: {containers: [{name: c}]}\n",
			[]source.Pos{pos(3, 11)}, 1, 1},
		{"metadata.name a list", "apiVersion: v1\nkind: Pod\nmetadata: {name: [p], namespace: {a: b}}\nspec: {containers: [{name: c}]}\n",
			[]source.Pos{pos(3, 18), pos(3, 34)}, 1, 1},
		{"annotations a string", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: x}\nspec: {containers: [{name: c}]}\n",
			[]source.Pos{pos(3, 34)}, 1, 1},
		{"ignore annotation a list", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {ekslint.io/ignore: [a]}}\nspec: {containers: [{name: c}]}\n",
			[]source.Pos{pos(3, 54)}, 1, 1},
		{"List items a mapping", "apiVersion: v1\nkind: List\nitems: {a: b}\n",
			[]source.Pos{pos(3, 8)}, 0, 0},
		{"List item a string and an item without kind", "apiVersion: v1\nkind: List\nitems:\n  - text\n  - {metadata: {name: x}}\n  - {kind: Pod, metadata: {name: p}, spec: {containers: [{name: c}]}}\n",
			[]source.Pos{pos(4, 5), pos(5, 5)}, 1, 1},
		{"null containers", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n",
			nil, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := adapt(t, tt.src)
			var got []source.Pos
			for _, p := range problems {
				if p.Level != source.LevelWarning || p.Range.Path() != testFile || p.Message == "" {
					t.Errorf("not a located warning: %v", p)
				}
				got = append(got, p.Range.Start)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.warnings) {
				t.Errorf("warnings at %v, want %v: %v", got, tt.warnings, problems)
			}
			if len(m.Workloads) != tt.workloads {
				t.Fatalf("workloads %d, want %d", len(m.Workloads), tt.workloads)
			}
			if tt.workloads > 0 && len(m.Workloads[0].Containers) != tt.containers {
				t.Errorf("containers %d, want %d", len(m.Workloads[0].Containers), tt.containers)
			}
		})
	}
}

func TestWrongShapesKeepWhatIsKnown(t *testing.T) {
	m, _ := adapt(t, podWith("name: c\n      image: x\n      resources:\n        requests: 5\n        limits: {cpu: 1}\n"))
	c := one(t, m).Containers[0]
	if c.CPURequest.Known() || c.MemoryRequest.Known() || c.CPURequest.Range != span(9, 19, 9, 20) {
		t.Errorf("requests that are not a mapping are unknown, at the value: %+v %+v", c.CPURequest, c.MemoryRequest)
	}
	if c.CPULimit.Val != "1" || !c.CPULimit.IsSet() || !c.MemoryLimit.IsDefault() || c.Image.Val != "x" {
		t.Errorf("the rest is still read: %+v %+v %+v", c.CPULimit, c.MemoryLimit, c.Image)
	}

	m, _ = adapt(t, podWith("name: c\n      resources: lots\n"))
	c = one(t, m).Containers[0]
	for _, q := range []source.Value[string]{c.CPURequest, c.MemoryRequest, c.CPULimit, c.MemoryLimit} {
		if q.Known() || q.Range != span(7, 18, 7, 22) {
			t.Errorf("resources that are not a mapping make every quantity unknown: %+v", q)
		}
	}

	m, _ = adapt(t, "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: oops\n")
	w := one(t, m)
	if w.Address != "Pod/shop/p" || w.PodSpec != span(4, 1, 4, 5) || !w.LongRunning {
		t.Errorf("a pod spec of the wrong shape keeps the header: %+v %+v", w.Object, w.PodSpec)
	}
}

func TestAliasesAndMergeKeys(t *testing.T) {
	w := one(t, adaptClean(t, `x-resources: &res
  requests: {cpu: 100m, memory: 64Mi}
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - &app
      name: app
      image: x
      resources: *res
    - <<: *app
      name: app2
    - *app
`))
	if len(w.Containers) != 3 {
		t.Fatalf("containers %d", len(w.Containers))
	}
	merged := w.Containers[1]
	if merged.Name != "app2" || merged.Image != source.SetAt("x", span(10, 14, 10, 15)) {
		t.Errorf("a key written beside the merge key wins, the others come from the anchor: %q %+v", merged.Name, merged.Image)
	}
	if merged.CPURequest != source.SetAt("100m", span(2, 14, 2, 23)) {
		t.Errorf("a quantity through an alias is located where it is written: %+v", merged.CPURequest)
	}
	if w.Containers[2].Name != "app" || w.Containers[2].Range != w.Containers[0].Range {
		t.Errorf("an aliased container is its anchor: %+v", w.Containers[2])
	}
}

// TestHostileAliases must finish quickly: anchors that contain themselves,
// merge keys that merge themselves, and Lists of Lists built from aliases.
func TestHostileAliases(t *testing.T) {
	t.Run("self-referencing list", func(t *testing.T) {
		m, _ := adapt(t, "apiVersion: v1\nkind: List\nitems: &i\n  - kind: List\n    items: *i\n")
		if len(m.Workloads) != 0 {
			t.Errorf("workloads %d", len(m.Workloads))
		}
	})
	t.Run("self-merging mapping", func(t *testing.T) {
		m, _ := adapt(t, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: &s\n  <<: *s\n  containers:\n    - &c\n      <<: [*c, *s]\n      name: c\n")
		if len(one(t, m).Containers) != 1 {
			t.Errorf("containers %d", len(m.Workloads[0].Containers))
		}
	})
	t.Run("list bomb", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("apiVersion: v1\nkind: List\nx0: &a0 {kind: Pod, metadata: {name: p}, spec: {containers: [{name: c}]}}\n")
		for i := 1; i <= 8; i++ {
			fmt.Fprintf(&b, "x%d: &a%d {kind: List, items: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
		}
		b.WriteString("items: [" + strings.TrimSuffix(strings.Repeat("*a8, ", 10), ", ") + "]\n")
		m, problems := adapt(t, b.String())
		if len(m.Workloads) > 1 {
			t.Errorf("an aliased object is adapted once, got %d workloads", len(m.Workloads))
		}
		if len(problems) != 1 || !strings.Contains(problems[0].Message, "nested") {
			t.Errorf("the nesting bound is reported once: %v", problems)
		}
	})
}
