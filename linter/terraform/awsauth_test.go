package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
)

func TestAuthConfigMapResources(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `variable "roles" {
  type = list(any)
}

locals {
  data = { mapRoles = yamlencode([{ rolearn = "arn:aws:iam::1:role/a", username = "a", groups = ["g"] }]) }
}

resource "kubernetes_config_map_v1" "literal" {
  metadata {
    name      = "aws-auth"
    namespace = "kube-system"
  }
  data = {
    mapRoles = yamlencode([
      { rolearn = aws_iam_role.x.arn, username = "x", groups = ["system:masters"] },
      var.roles[0],
    ])
    mapUsers = <<-EOT
      - userarn: arn:aws:iam::1:user/u
        username: u
    EOT
  }
}

resource "kubernetes_config_map" "by_value" {
  for_each = toset(["a", "b"])
  metadata {
    name = "aws-auth"
  }
  data = local.data
}

resource "kubernetes_config_map_v1_data" "unknown" {
  metadata {
    name      = "aws-auth"
    namespace = "kube-system"
  }
  data = { mapRoles = yamlencode(var.roles) }
}

resource "kubernetes_config_map_v1" "other" {
  metadata {
    name = "other"
  }
}
`}, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	maps := m.Access.AuthMaps
	if len(maps) != 4 {
		t.Fatalf("want 4 aws-auth maps (the for_each gives two), got %d", len(maps))
	}
	lit := maps[0]
	if lit.Address != "kubernetes_config_map_v1.literal" || lit.Namespace.Val != "kube-system" || len(lit.Entries) != 2 {
		t.Fatalf("literal: %s %+v, %d entries", lit.Address, lit.Namespace, len(lit.Entries))
	}
	role := lit.Entries[0]
	if !role.HasARN || role.ARN.Known() || pos(role.Range) != [4]int{16, 7, 16, 84} {
		t.Errorf("role: unknown ARN expected, at the element: %+v %v", role.ARN, pos(role.Range))
	}
	if g := role.Groups.Val[0]; g.Val != "system:masters" || pos(g.Range) != [4]int{16, 65, 16, 81} {
		t.Errorf("group %q at %v", g.Val, pos(g.Range))
	}
	user := lit.Entries[1]
	if user.From != model.MapUsers || user.ARN.Val != "arn:aws:iam::1:user/u" || user.ARN.Range.Start.Line != 20 || user.ARN.Range.Start.Col != 9 {
		t.Errorf("heredoc user: %+v", user.ARN)
	}
	for _, am := range maps[1:3] {
		if am.Namespace.Val != "default" || !am.Namespace.IsDefault() || len(am.Entries) != 1 || am.Entries[0].ARN.Range.Start.Line != 31 {
			t.Errorf("%s: %+v, %d entries", am.Address, am.Namespace, len(am.Entries))
		}
	}
	if maps[1].Address != `kubernetes_config_map.by_value["a"]` {
		t.Errorf("address %s", maps[1].Address)
	}
	if un := maps[3]; len(un.Entries) != 0 || len(un.Problems) != 0 {
		t.Errorf("a variable without value maps nothing known: %+v", un)
	}
}

func TestAuthModuleGates(t *testing.T) {
	m, _, _ := load(t, map[string]string{"main.tf": `variable "on" {
  type = bool
}
module "on" {
  source                    = "terraform-aws-modules/eks/aws"
  version                   = "19.21.0"
  manage_aws_auth_configmap = true
  aws_auth_roles            = [{ rolearn = "arn:aws:iam::1:role/a", username = "a" }]
}
module "unknown" {
  source                    = "terraform-aws-modules/eks/aws"
  version                   = "19.21.0"
  create_aws_auth_configmap = var.on
  aws_auth_roles            = [{ rolearn = "arn:aws:iam::1:role/a", username = "a" }]
}
module "v21" {
  source         = "terraform-aws-modules/eks/aws"
  version        = "~> 21.0"
  aws_auth_roles = [{ rolearn = "arn:aws:iam::1:role/a", username = "a" }]
}
module "sub" {
  source          = "terraform-aws-modules/eks/aws//modules/aws-auth"
  version         = "~> 20.0"
  count           = 2
  aws_auth_users  = [{ userarn = "arn:aws:iam::1:user/u", username = "u" }]
}
`}, Options{})
	got := map[string]int{}
	for _, am := range m.Access.AuthMaps {
		got[am.Address] = len(am.Entries)
	}
	if len(got) != 2 || got["module.on"] != 1 || got["module.sub"] != 1 {
		t.Errorf("maps: %v", got)
	}
}
