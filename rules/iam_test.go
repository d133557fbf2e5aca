package rules

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// runRule runs one rule over a model built by hand.
func runRule(t *testing.T, r *linter.Rule, m *model.Model) []linter.Finding {
	t.Helper()
	p := &linter.Pass{Rule: r, Model: m}
	r.Check(p)
	return p.Findings()
}

// nodeModel is a node group whose complete role has only the worker and
// ECR policies; addon, when not nil, is the cluster's vpc-cni add-on.
func nodeModel(addon *model.Addon) *model.Model {
	at := source.Range{File: source.FileOf("main.tf"), Start: source.PosAt(1, 1)}
	c := &model.Cluster{Object: model.Object{Kind: "aws_eks_cluster", Address: "aws_eks_cluster.c", Range: at, Format: model.Terraform}}
	if addon != nil {
		addon.Cluster = c
		c.Addons = []*model.Addon{addon}
	}
	role := &model.Role{Object: model.Object{Kind: "aws_iam_role", Address: "aws_iam_role.node", Range: at, Format: model.Terraform},
		Use: model.NodeRole, Complete: true, Policies: []source.Value[string]{
			source.SetAt("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", at),
			source.SetAt("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", at),
		}}
	g := &model.NodeGroup{Object: model.Object{Kind: "aws_eks_node_group", Address: "aws_eks_node_group.g", Range: at, Format: model.Terraform},
		Cluster: c, Role: role, RoleAt: at}
	return &model.Model{Clusters: []*model.Cluster{c}, NodeGroups: []*model.NodeGroup{g}, IAM: model.IAM{Roles: []*model.Role{role}}}
}

// TestNG050VPCCNIRole: the CNI policy is not needed on the node role when
// vpc-cni has a role of its own, or one that cannot be known.
func TestNG050VPCCNIRole(t *testing.T) {
	at := source.Range{File: source.FileOf("main.tf"), Start: source.PosAt(9, 1)}
	for name, tc := range map[string]struct {
		addon *model.Addon
		want  int
	}{
		"no add-on":             {nil, 1},
		"add-on without a role": {&model.Addon{Name: "vpc-cni", Role: source.DefaultAt("", at)}, 1},
		"add-on with a role":    {&model.Addon{Name: "vpc-cni", Role: source.SetAt("arn:aws:iam::111122223333:role/cni", at)}, 0},
		"add-on, role unknown":  {&model.Addon{Name: "vpc-cni", Role: source.UnknownAt[string](at)}, 0},
		"another add-on":        {&model.Addon{Name: "coredns", Role: source.SetAt("arn:aws:iam::111122223333:role/x", at)}, 1},
	} {
		t.Run(name, func(t *testing.T) {
			got := runRule(t, NG050, nodeModel(tc.addon))
			if len(got) != tc.want {
				t.Fatalf("got %d findings, want %d: %v", len(got), tc.want, got)
			}
		})
	}
}

// TestActionMatches: IAM wildcards, and a pattern of many stars that the
// former recursive matcher took exponential time over.
func TestActionMatches(t *testing.T) {
	for _, c := range []struct {
		pattern, action string
		want            bool
	}{
		{"*", "eks:DescribeCluster", true},
		{"eks:*", "eks:DescribeCluster", true},
		{"EKS:describe*", "eks:DescribeCluster", true},
		{"eks:Describe?luster", "eks:DescribeCluster", true},
		{"eks:List*", "eks:DescribeCluster", false},
		{"ec2:*Address*", "ec2:AssignPrivateIpAddresses", true},
		{"ec2:Assign", "ec2:AssignPrivateIpAddresses", false},
		{"ec2:AssignPrivateIpAddresses?", "ec2:AssignPrivateIpAddresses", false},
		{"*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
	} {
		if got := actionMatches(c.pattern, c.action); got != c.want {
			t.Errorf("actionMatches(%q, %q) = %v, want %v", c.pattern, c.action, got, c.want)
		}
	}
}

// TestNG051AutoModeOnly: a cluster role that has AmazonEKSClusterPolicy but
// lacks the Auto Mode policies is not told that EKS cannot manage its
// network interfaces (what the missing AmazonEKSClusterPolicy would mean).
func TestNG051AutoModeOnly(t *testing.T) {
	at := source.Range{File: source.FileOf("main.tf"), Start: source.PosAt(1, 1)}
	role := &model.Role{Object: model.Object{Kind: "aws_iam_role", Address: "aws_iam_role.cluster", Range: at, Format: model.Terraform},
		Use: model.ClusterRole, Complete: true, Policies: []source.Value[string]{
			source.SetAt("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", at),
		}}
	c := &model.Cluster{Object: model.Object{Kind: "aws_eks_cluster", Address: "aws_eks_cluster.c", Range: at, Format: model.Terraform},
		Role: role, RoleAt: at, AutoModeCompute: source.SetAt(true, at)}
	got := runRule(t, NG051, &model.Model{Clusters: []*model.Cluster{c}, IAM: model.IAM{Roles: []*model.Role{role}}})
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1: %v", len(got), got)
	}
	if msg := got[0].Message; strings.Contains(msg, "network interfaces") || !strings.Contains(msg, "AmazonEKSComputePolicy") {
		t.Errorf("message: %s", msg)
	}
}
