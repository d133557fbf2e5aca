package kube

import (
	"testing"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// FuzzAdapt: any bytes decode and adapt without a panic.
func FuzzAdapt(f *testing.F) {
	f.Add([]byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b, resources: {limits: {cpu: 1}}}]\n"))
	f.Add([]byte("kind: List\nitems:\n- &a {kind: Deployment, spec: {template: {spec: {containers: [*a]}}}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, _, _ := yamldoc.Decode("f.yaml", src)
		for _, d := range docs {
			Adapt(d)
		}
	})
}
