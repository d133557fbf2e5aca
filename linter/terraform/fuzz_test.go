package terraform

import (
	"testing"
)

// FuzzLoad: any bytes as a .tf file load without a panic escaping Load,
// and read the same from syntax shared as the run's Modules share it.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("resource \"aws_eks_cluster\" \"c\" {\n  vpc_config { endpoint_public_access = var.x }\n}\nvariable \"x\" { default = true }\n"))
	f.Add([]byte("locals { a = local.b\n b = local.a }\nresource \"aws_eks_node_group\" \"n\" { subnet_ids = [for i in range(5) : i] }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		files := []File{{Path: "m/main.tf", Src: src}}
		_, _, problems := Load("m", files, Options{})
		for _, p := range problems {
			if len(p.Message) > 0 && p.Message[:min(len(p.Message), 14)] == "internal error" {
				t.Fatalf("panic inside Load: %s", p.Message)
			}
		}
		sameLoad(t, "m", files)
	})
}

// FuzzLoadPlan: any bytes as a JSON plan load without a panic escaping
// LoadPlan.
func FuzzLoadPlan(f *testing.F) {
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_eks_cluster.a","mode":"managed","type":"aws_eks_cluster","name":"a","values":{"vpc_config":[{"endpoint_public_access":true}]}}]}},"resource_changes":[{"address":"aws_eks_cluster.a","change":{"after_unknown":{"vpc_config":[{"public_access_cidrs":true}],"encryption_config":true}}}]}`))
	f.Add([]byte(`{"format_version":"1.2","planned_values":{"root_module":{"child_modules":[{"resources":[{"address":"aws_eks_node_group.n[\"x\"]","mode":"managed","type":"aws_eks_node_group","name":"n","values":{"remote_access":true}}]}]}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		l := LoadPlan("p.json", src)
		if l.Model == nil {
			t.Fatal("nil model")
		}
		for _, p := range l.Problems {
			if len(p.Message) > 0 && p.Message[:min(len(p.Message), 14)] == "internal error" {
				t.Fatalf("panic inside LoadPlan: %s", p.Message)
			}
		}
	})
}
