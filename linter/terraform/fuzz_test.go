package terraform

import (
	"testing"
)

// FuzzLoad: any bytes as a .tf file load without a panic escaping Load.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("resource \"aws_eks_cluster\" \"c\" {\n  vpc_config { endpoint_public_access = var.x }\n}\nvariable \"x\" { default = true }\n"))
	f.Add([]byte("locals { a = local.b\n b = local.a }\nresource \"aws_eks_node_group\" \"n\" { subnet_ids = [for i in range(5) : i] }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _, problems := Load("m", []File{{Path: "m/main.tf", Src: src}}, Options{})
		for _, p := range problems {
			if len(p.Message) > 0 && p.Message[:min(len(p.Message), 14)] == "internal error" {
				t.Fatalf("panic inside Load: %s", p.Message)
			}
		}
	})
}
