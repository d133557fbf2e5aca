package terraform

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestEKSModuleSourceAndVersion(t *testing.T) {
	tests := []struct {
		src, version string
		eks          bool
		major        int
		known        bool
	}{
		{"terraform-aws-modules/eks/aws", "~> 20.0", true, 20, true},
		{"registry.terraform.io/terraform-aws-modules/eks/aws", "18.31.2", true, 18, true},
		{"git::https://github.com/terraform-aws-modules/terraform-aws-eks.git?ref=v21.1.0", "", true, 21, true},
		{"github.com/terraform-aws-modules/terraform-aws-eks", "", true, 0, false},
		{"terraform-aws-modules/eks/aws", ">= 30", true, 0, false},
		{"terraform-aws-modules/eks/aws//modules/karpenter", "~> 20.0", false, 0, false},
		{"terraform-aws-modules/vpc/aws", "~> 5.0", false, 0, false},
	}
	for _, tt := range tests {
		if got := isEKSModule(tt.src); got != tt.eks {
			t.Errorf("isEKSModule(%q) = %v", tt.src, got)
		}
		if !tt.eks {
			continue
		}
		v := cty.NullVal(cty.String)
		if tt.version != "" {
			v = cty.StringVal(tt.version)
		}
		major, known := eksModuleMajor(tt.src, v)
		if major != tt.major || known != tt.known {
			t.Errorf("%q %q: major %d %v, want %d %v", tt.src, tt.version, major, known, tt.major, tt.known)
		}
	}
}
