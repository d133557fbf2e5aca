package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// group returns the node group with the given address.
func group(t *testing.T, m *model.Model, address string) *model.NodeGroup {
	t.Helper()
	for _, g := range m.NodeGroups {
		if g.Address == address {
			return g
		}
	}
	t.Fatalf("no node group %s", address)
	return nil
}

func TestLaunchTemplateDefaults(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_launch_template" "bare" {
}

resource "aws_eks_node_group" "ng" {
  launch_template {
    id = aws_launch_template.bare.id
  }
}

resource "aws_eks_node_group" "none" {
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	g := group(t, m, "aws_eks_node_group.ng")
	lt := g.LaunchTemplate
	if lt == nil || !lt.Shared || lt.Address != "aws_launch_template.bare" {
		t.Fatalf("template %+v", lt)
	}
	header := [4]int{1, 1, 1, 38}
	if lt.HTTPTokens.Val != "optional" || !lt.HTTPTokens.IsDefault() || pos(lt.HTTPTokens.Range) != header {
		t.Errorf("http_tokens %+v", lt.HTTPTokens)
	}
	if lt.HopLimit.Val != 1 || !lt.HopLimit.IsDefault() {
		t.Errorf("hop limit %+v", lt.HopLimit)
	}
	if !source.IsFalse(lt.Monitoring) || !lt.Monitoring.IsDefault() {
		t.Errorf("monitoring %+v", lt.Monitoring)
	}
	if !lt.VolumesKnown || len(lt.Volumes) != 0 || pos(lt.VolumesAt) != header {
		t.Errorf("volumes %+v at %v", lt.Volumes, lt.VolumesAt)
	}
	if !source.IsFalse(g.EKSTemplate) || !g.EKSTemplate.IsSet() {
		t.Errorf("EKS template %+v", g.EKSTemplate)
	}
	none := group(t, m, "aws_eks_node_group.none")
	if none.LaunchTemplate != nil || !source.IsTrue(none.EKSTemplate) || !none.EKSTemplate.IsDefault() {
		t.Errorf("no template: %+v %+v", none.LaunchTemplate, none.EKSTemplate)
	}
}

func TestLaunchTemplateSettings(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "tokens" {}

resource "aws_launch_template" "lt" {
  name     = "nodes"
  key_name = "ops"
  metadata_options {
    http_tokens                 = var.tokens
    http_put_response_hop_limit = 2
  }
  monitoring {
    enabled = true
  }
  network_interfaces {
    associate_public_ip_address = "true"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
    }
  }
  dynamic "block_device_mappings" {
    for_each = ["/dev/xvdb", "/dev/xvdc"]
    content {
      device_name = block_device_mappings.value
      ebs {}
    }
  }
}

resource "aws_eks_node_group" "by_name" {
  launch_template {
    name    = "nodes"
    version = "$Latest"
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	g := group(t, m, "aws_eks_node_group.by_name")
	lt := g.LaunchTemplate
	if lt == nil {
		t.Fatal("the template named is not resolved")
	}
	if lt.HTTPTokens.Known() {
		t.Errorf("http_tokens from a variable with no value must be unknown: %+v", lt.HTTPTokens)
	}
	if lt.HopLimit.Val != 2 || !lt.HopLimit.IsSet() || lt.HopLimit.Range.Start.Line != 8 {
		t.Errorf("hop limit %+v", lt.HopLimit)
	}
	if !source.IsTrue(lt.Monitoring) || !source.IsTrue(lt.PublicIP) || !source.IsTrue(g.PublicIP) {
		t.Errorf("monitoring %+v, public IP %+v / %+v", lt.Monitoring, lt.PublicIP, g.PublicIP)
	}
	if len(lt.Volumes) != 3 || !source.IsTrue(lt.Volumes[0].Encrypted) || !lt.Volumes[1].Encrypted.IsDefault() || lt.Volumes[2].Name != "/dev/xvdc" {
		t.Errorf("volumes %+v", lt.Volumes)
	}
	// The template's key turns SSH on, with no port opened by EKS.
	if !source.IsTrue(g.SSH) || g.SSH.Range.Start.Line != 5 || !source.IsFalse(g.SSHOpenToWorldWithoutSources) {
		t.Errorf("ssh %+v open %+v", g.SSH, g.SSHOpenToWorldWithoutSources)
	}
}

func TestPublicSubnets(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `resource "aws_subnet" "public" {
  count                   = 2
  map_public_ip_on_launch = count.index == 1
}

resource "aws_subnet" "private" {
}

resource "aws_eks_node_group" "public" {
  subnet_ids = [aws_subnet.private.id, aws_subnet.public[1].id]
}

resource "aws_eks_node_group" "private" {
  subnet_ids = [aws_subnet.private.id, aws_subnet.public[0].id, "subnet-0123"]
}

resource "aws_eks_node_group" "external_template" {
  subnet_ids = [aws_subnet.public[1].id]
  launch_template {
    id = "lt-0123"
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	g := group(t, m, "aws_eks_node_group.public")
	if !source.IsTrue(g.PublicIP) || g.PublicIP.Range.Start.Line != 3 || pos(g.PublicIPVia) != [4]int{10, 40, 10, 63} {
		t.Errorf("public %+v via %v", g.PublicIP, g.PublicIPVia)
	}
	if p := group(t, m, "aws_eks_node_group.private").PublicIP; source.IsTrue(p) {
		t.Errorf("private %+v", p)
	}
	if p := group(t, m, "aws_eks_node_group.external_template").PublicIP; p.Known() {
		t.Errorf("a template that is not resolved may set the interfaces: %+v", p)
	}
}

func TestEBSEncryptionByDefault(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `resource "aws_ebs_encryption_by_default" "on" {
}

resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}
`}, Options{})
	got := m.Hardening.EBSEncryptionByDefault
	if len(got) != 2 || !source.IsTrue(got[0]) || !got[0].IsDefault() || !source.IsFalse(got[1]) {
		t.Errorf("%+v", got)
	}
}

// TestPlanLaunchTemplate: in a plan, the node group's launch_template holds
// values, not references: the template is found by its name.
func TestPlanLaunchTemplate(t *testing.T) {
	src := `{
  "format_version": "1.2",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_launch_template.nodes",
          "mode": "managed",
          "type": "aws_launch_template",
          "name": "nodes",
          "values": {
            "name": "nodes",
            "metadata_options": [{"http_tokens": "optional", "http_put_response_hop_limit": 2}],
            "block_device_mappings": [],
            "monitoring": []
          }
        },
        {
          "address": "aws_eks_node_group.workers",
          "mode": "managed",
          "type": "aws_eks_node_group",
          "name": "workers",
          "values": {
            "cluster_name": "prod",
            "launch_template": [{"id": "lt-0123", "name": "nodes", "version": "1"}]
          }
        }
      ]
    }
  }
}`
	l := LoadPlan("p.json", []byte(src))
	if len(l.Problems) != 0 {
		t.Fatal(l.Problems)
	}
	g := l.Model.NodeGroups[0]
	lt := g.LaunchTemplate
	if lt == nil || lt.Address != "aws_launch_template.nodes" {
		t.Fatalf("template %+v", lt)
	}
	if lt.HTTPTokens.Val != "optional" || !lt.HTTPTokens.IsSet() || lt.HopLimit.Val != 2 || !source.IsFalse(lt.Monitoring) || len(lt.Volumes) != 0 {
		t.Errorf("template settings %+v", lt)
	}
}
