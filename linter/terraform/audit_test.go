package terraform

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestControlPlaneLogRetention(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `
variable "name" {
  type = string
}

variable "days" {
  type = number
}

resource "aws_eks_cluster" "ref" {
  name = "ref"
}

resource "aws_cloudwatch_log_group" "ref" {
  name              = "/aws/eks/${aws_eks_cluster.ref.name}/cluster"
  retention_in_days = 30
}

resource "aws_eks_cluster" "same_var" {
  name = var.name
}

resource "aws_cloudwatch_log_group" "same_var" {
  name = "/aws/eks/${var.name}/cluster"
}

resource "aws_eks_cluster" "none" {
  name = "none"
}

resource "aws_eks_cluster" "unknown_days" {
  name = "unknown-days"
}

resource "aws_cloudwatch_log_group" "unknown_days" {
  name              = "/aws/eks/unknown-days/cluster"
  retention_in_days = var.days
}

resource "aws_cloudwatch_log_group" "other" {
  name_prefix = "app-"
}

module "eks" {
  source                      = "terraform-aws-modules/eks/aws"
  version                     = "~> 20.0"
  cluster_name                = "mod"
  create_cloudwatch_log_group = false
}

resource "aws_cloudwatch_log_group" "mod" {
  name              = "/aws/eks/${module.eks.cluster_name}/cluster"
  retention_in_days = 7
}

module "eks_default" {
  source       = "terraform-aws-modules/eks/aws"
  version      = "~> 21.0"
  name         = "mod-default"
}
`}, Options{})
	for _, p := range problems {
		t.Errorf("problem: %s", p)
	}
	check := func(address string, origin source.Origin, days int, line int) {
		t.Helper()
		c := clusterAt(t, m, address)
		r := c.LogRetentionDays
		if r.Origin != origin || (r.Known() && r.Val != days) || int(r.Range.Start.Line) != line {
			t.Errorf("%s: retention %+v, want %s %d at line %d", address, r, origin, days, line)
		}
	}
	check("aws_eks_cluster.ref", source.Set, 30, 16)
	check("aws_eks_cluster.same_var", source.Default, 0, 23) // the group's header: retention omitted
	check("aws_eks_cluster.none", source.Default, 0, 27)     // the cluster's header: no group
	check("aws_eks_cluster.unknown_days", source.Unknown, 0, 37)
	check("module.eks", source.Set, 7, 53)
	check("module.eks_default", source.Default, 90, 56)
	if c := clusterAt(t, m, "aws_eks_cluster.same_var"); c.LogGroup == nil || c.LogGroup.Address != "aws_cloudwatch_log_group.same_var" {
		t.Errorf("same_var's log group: %+v", c.LogGroup)
	}
	if len(m.Audit.LogGroups) != 5 {
		t.Errorf("%d log groups, want 5", len(m.Audit.LogGroups))
	}
}

func TestAuditObjects(t *testing.T) {
	m, _, problems := load(t, map[string]string{"main.tf": `
resource "aws_guardduty_detector" "off" {
  enable = false
  datasources {
    kubernetes {
      audit_logs {
        enable = false
      }
    }
  }
}

resource "aws_guardduty_detector" "plain" {}

resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = aws_guardduty_detector.plain.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
  additional_configuration {
    name   = "EKS_ADDON_MANAGEMENT"
    status = "DISABLED"
  }
}

resource "aws_guardduty_organization_configuration_feature" "org" {
  detector_id = "abc"
  name        = "EKS_AUDIT_LOGS"
  auto_enable = "NONE"
}

resource "aws_cloudtrail" "t" {
  count          = 2
  name           = "t${count.index}"
  s3_bucket_name = "b"
  enable_logging = count.index == 0
}
`}, Options{})
	for _, p := range problems {
		t.Errorf("problem: %s", p)
	}
	a := m.Audit
	if len(a.Detectors) != 2 || len(a.Features) != 2 || len(a.Trails) != 2 {
		t.Fatalf("detectors %d features %d trails %d", len(a.Detectors), len(a.Features), len(a.Trails))
	}
	off, plain := a.Detectors[0], a.Detectors[1]
	if !source.IsFalse(off.Enable) || !source.IsFalse(off.AuditLogs) || !off.AuditLogsDeclared || off.AuditLogs.Range.Start.Line != 7 {
		t.Errorf("off: %+v", off)
	}
	if !source.IsTrue(plain.Enable) || !plain.Enable.IsDefault() || plain.AuditLogs.Known() || plain.AuditLogsDeclared {
		t.Errorf("plain: %+v", plain)
	}
	rt := a.Features[0]
	if rt.Org || rt.Detector != plain || rt.Name.Val != "RUNTIME_MONITORING" || rt.Status.Val != "ENABLED" ||
		len(rt.Additional) != 1 || rt.Additional[0].Status.Val != "DISABLED" || rt.Additional[0].Status.Range.Start.Line != 21 {
		t.Errorf("runtime: %+v", rt)
	}
	org := a.Features[1]
	if !org.Org || org.Status.Val != "NONE" || org.Detector != nil {
		t.Errorf("org: %+v", org)
	}
	t0, t1 := a.Trails[0], a.Trails[1]
	if t0.Address != "aws_cloudtrail.t[0]" || !source.IsTrue(t0.Logging) || !source.IsFalse(t1.Logging) || !t1.MultiRegion.IsDefault() || !source.IsFalse(t1.LogFileValidation) {
		t.Errorf("trails: %+v %+v", t0, t1)
	}
}

// TestAuditInChildModules: log groups and trails of nested local modules
// are addressed by their call path, and a log group named after a variable
// passed down is resolved.
func TestAuditInChildModules(t *testing.T) {
	t.Chdir(t.TempDir())
	files := map[string]string{
		"env/main.tf": "module \"a\" {\n  source = \"../a\"\n  cluster_name = \"prod\"\n}\n",
		"a/main.tf":   "variable \"cluster_name\" {}\nmodule \"b\" {\n  source = \"../b\"\n  name = var.cluster_name\n}\n",
		"b/main.tf": "variable \"name\" {}\n" +
			"resource \"aws_cloudwatch_log_group\" \"eks\" {\n  name = \"/aws/eks/${var.name}/cluster\"\n}\n" +
			"resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n}\n",
	}
	for name, content := range files {
		mustWrite(t, name, content)
	}
	l := LoadModule("env", []File{{Path: "env/main.tf", Src: []byte(files["env/main.tf"])}}, Options{})
	a := l.Model.Audit
	if len(a.LogGroups) != 1 || len(a.Trails) != 1 {
		t.Fatalf("audit %+v", a)
	}
	if g := a.LogGroups[0]; g.Address != "module.a.module.b.aws_cloudwatch_log_group.eks" || g.Name.Val != "/aws/eks/prod/cluster" || !g.RetentionDays.IsDefault() {
		t.Errorf("log group %s %+v %+v", g.Address, g.Name, g.RetentionDays)
	}
	if tr := a.Trails[0]; tr.Address != "module.a.module.b.aws_cloudtrail.t" {
		t.Errorf("trail %s", tr.Address)
	}
}
