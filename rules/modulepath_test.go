package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
)

// address is a Terraform address written in a message: the resource type
// and name, with whatever stands before them in the same word.
var address = regexp.MustCompile(`[\w.\[\]"-]*?\b((?:aws|kubernetes)_[a-z0-9_]+\.[a-z_][\w-]*)`)

// TestModulePath: a root that calls a local module holding one object of
// every area (raw resources, and the same through a terraform-aws-modules/eks
// call inside it). Every finding names its object from the root, and every
// address its messages mention does too; an input of the eks call written
// as var.NAME names the root's argument as a related location.
func TestModulePath(t *testing.T) {
	res := linter.Lint(linter.Options{Paths: []string{"testdata/modulepath"}, Rules: All(), AsOf: lintest.AsOf, Jobs: 1})
	if len(res.Problems) != 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	objects := map[string]bool{}
	passed := false
	for _, f := range res.Findings {
		objects[f.Object] = true
		if f.RuleID == CP040.ID && f.Object == "module.platform.module.eks" {
			for _, r := range f.Related {
				passed = passed || (r.Range.Path() == "testdata/modulepath/main.tf" && r.Range.Start.Line == 6)
			}
		}
		if !strings.HasPrefix(f.Object, "module.platform.") {
			t.Errorf("%s %s: object %q does not name the call", f.RuleID, f.Range, f.Object)
		}
		texts := []string{f.Message}
		for _, r := range f.Related {
			texts = append(texts, r.Message)
		}
		for _, text := range texts {
			for _, m := range address.FindAllString(text, -1) {
				if !strings.HasPrefix(m, "module.platform.") {
					t.Errorf("%s %s: %q names %q without the call", f.RuleID, f.Range, text, m)
				}
			}
		}
	}
	if !passed {
		t.Errorf("the version of the eks call inside the module, var.k8s_version, does not name the root's argument")
	}
	for _, want := range []string{
		"module.platform.aws_eks_cluster.this",
		"module.platform.aws_eks_node_group.ng",
		"module.platform.aws_iam_role.node",
		"module.platform.aws_security_group.cluster",
		"module.platform.aws_eks_addon.vpc_cni",
		"module.platform.aws_cloudwatch_log_group.eks",
		"module.platform.aws_guardduty_detector_feature.eks",
		"module.platform.aws_cloudtrail.main",
		"module.platform.aws_eks_access_policy_association.admin",
		"module.platform.kubernetes_config_map_v1_data.aws_auth",
		"module.platform.module.eks",
		`module.platform.module.eks.eks_managed_node_groups["default"]`,
		`module.platform.module.eks.cluster_addons["vpc-cni"]`,
		`module.platform.module.eks.access_entries["admin"]`,
		"module.platform.module.eks.iam_role",
	} {
		if !objects[want] {
			t.Errorf("no finding on %s; findings are on %v", want, objects)
		}
	}
}
