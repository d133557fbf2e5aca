package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/yamldoc"
)

// FuzzAdapt: any bytes decode and adapt without a panic.
func FuzzAdapt(f *testing.F) {
	f.Add([]byte("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c}\nnodeGroups:\n  - name: ng\n    ssh: {allow: true}\n"))
	f.Add([]byte("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nvpc: &v {subnets: {private: {a: *v}}}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, _, _ := yamldoc.Decode("f.yaml", src)
		for _, d := range docs {
			Adapt(d)
		}
	})
}
