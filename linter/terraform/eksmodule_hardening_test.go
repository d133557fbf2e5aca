package terraform

import (
	"fmt"
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

// TestModuleTemplateDefaults: each major's defaults for the template the
// module builds.
func TestModuleTemplateDefaults(t *testing.T) {
	tests := []struct {
		major   int
		hop     int
		monitor bool
	}{{18, 2, true}, {19, 2, true}, {20, 2, true}, {21, 1, false}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.major), func(t *testing.T) {
			src := fmt.Sprintf(`module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> %d.0"
  eks_managed_node_groups = {
    a = {}
  }
  self_managed_node_groups = {
    b = {}
  }
}
`, tt.major)
			m, _, problems := load(t, map[string]string{"main.tf": src}, Options{})
			if len(problems) != 0 {
				t.Fatal(problems)
			}
			if len(m.NodeGroups) != 2 {
				t.Fatalf("node groups %d", len(m.NodeGroups))
			}
			for _, g := range m.NodeGroups {
				lt := g.LaunchTemplate
				if lt == nil {
					t.Fatalf("%s: no template", g.Address)
				}
				if lt.HTTPTokens.Val != "required" || !lt.HTTPTokens.IsDefault() || lt.HopLimit.Val != tt.hop || !lt.HopLimit.IsDefault() {
					t.Errorf("%s: tokens %+v hop %+v", g.Address, lt.HTTPTokens, lt.HopLimit)
				}
				if lt.Monitoring.Val != tt.monitor || !lt.Monitoring.IsDefault() {
					t.Errorf("%s: monitoring %+v", g.Address, lt.Monitoring)
				}
				if !lt.VolumesKnown || len(lt.Volumes) != 0 || lt.VolumesAt != g.Range {
					t.Errorf("%s: volumes %+v", g.Address, lt.Volumes)
				}
				if !source.IsFalse(g.EKSTemplate) {
					t.Errorf("%s: EKS template %+v", g.Address, g.EKSTemplate)
				}
			}
		})
	}
}

// TestModuleMetadataReplacedWhole: up to v20 a group's metadata_options
// replaces the default map and borrows nothing from the defaults map; in
// v21 its omitted attributes keep the module's defaults.
func TestModuleMetadataReplacedWhole(t *testing.T) {
	for _, tt := range []struct {
		major  int
		tokens string
	}{{20, "optional"}, {21, "required"}} {
		src := fmt.Sprintf(`module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> %d.0"
  eks_managed_node_group_defaults = {
    metadata_options = { http_tokens = "required" }
  }
  eks_managed_node_groups = {
    a = {
      metadata_options = { http_put_response_hop_limit = 3 }
    }
  }
}
`, tt.major)
		m, _, _ := load(t, map[string]string{"main.tf": src}, Options{})
		lt := m.NodeGroups[0].LaunchTemplate
		if lt.HTTPTokens.Val != tt.tokens || !lt.HTTPTokens.IsDefault() || lt.HTTPTokens.Range.Start.Line != 9 {
			t.Errorf("v%d tokens %+v", tt.major, lt.HTTPTokens)
		}
		if lt.HopLimit.Val != 3 || !lt.HopLimit.IsSet() {
			t.Errorf("v%d hop %+v", tt.major, lt.HopLimit)
		}
	}
}

func TestModuleOwnAndEKSTemplates(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
  eks_managed_node_groups = {
    eks_own  = { use_custom_launch_template = false }
    existing = { create_launch_template = false, launch_template_id = "lt-1" }
  }
}
`}, Options{})
	if len(m.NodeGroups) != 2 {
		t.Fatalf("node groups %d", len(m.NodeGroups))
	}
	for _, g := range m.NodeGroups {
		if g.LaunchTemplate != nil {
			t.Errorf("%s: the module builds no template", g.Address)
		}
	}
	want := map[string]source.Value[bool]{}
	for _, g := range m.NodeGroups {
		want[g.Address] = g.EKSTemplate
	}
	if v := want[`module.eks.eks_managed_node_groups["eks_own"]`]; !source.IsTrue(v) || !v.IsSet() {
		t.Errorf("eks_own %+v", v)
	}
	if v := want[`module.eks.eks_managed_node_groups["existing"]`]; !source.IsFalse(v) {
		t.Errorf("existing %+v", v)
	}
}
