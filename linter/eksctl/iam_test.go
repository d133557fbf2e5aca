package eksctl

import (
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// names lists a role's policies by their last path element, with "=" for
// a policy eksctl adds by itself (Default) and "?" for an unknown one.
func names(r *model.Role) string {
	var out []string
	for _, p := range r.Policies {
		switch {
		case !p.Known():
			out = append(out, "?")
		case p.IsDefault():
			out = append(out, "="+p.Val[strings.LastIndex(p.Val, "/")+1:])
		default:
			out = append(out, p.Val[strings.LastIndex(p.Val, "/")+1:])
		}
	}
	return strings.Join(out, " ")
}

func TestNodeRolePolicies(t *testing.T) {
	const head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: eu-west-1}\n"
	for name, tc := range map[string]struct {
		src, want string
		oidc      bool
		none      bool
	}{
		"managed defaults":          {src: "managedNodeGroups: [{name: a}]", want: "=AmazonEKSWorkerNodePolicy =AmazonEC2ContainerRegistryReadOnly =AmazonSSMManagedInstanceCore =AmazonEKS_CNI_Policy"},
		"unmanaged defaults":        {src: "nodeGroups: [{name: a}]", want: "=AmazonEKSWorkerNodePolicy =AmazonSSMManagedInstanceCore =AmazonEC2ContainerRegistryReadOnly =AmazonEKS_CNI_Policy"},
		"withOIDC: no CNI":          {src: "iam: {withOIDC: true}\nmanagedNodeGroups: [{name: a}]", want: "=AmazonEKSWorkerNodePolicy =AmazonEC2ContainerRegistryReadOnly =AmazonSSMManagedInstanceCore", oidc: true},
		"listed, managed":           {src: "managedNodeGroups: [{name: a, iam: {attachPolicyARNs: [arn:aws:iam::aws:policy/X]}}]", want: "X"},
		"listed, unmanaged":         {src: "nodeGroups: [{name: a, iam: {attachPolicyARNs: [arn:aws:iam::aws:policy/X]}}]", want: "X =AmazonEC2ContainerRegistryReadOnly"},
		"imageBuilder":              {src: "nodeGroups: [{name: a, iam: {attachPolicyARNs: [arn:aws:iam::aws:policy/X], withAddonPolicies: {imageBuilder: true, cloudWatch: true}}}]", want: "X =AmazonEC2ContainerRegistryPowerUser =CloudWatchAgentServerPolicy"},
		"vpc-cni add-on":            {src: "addons: [{name: vpc-cni, attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy]}]\nmanagedNodeGroups: [{name: a}]", want: "=AmazonEKSWorkerNodePolicy =AmazonEC2ContainerRegistryReadOnly =AmazonSSMManagedInstanceCore =AmazonEKS_CNI_Policy", oidc: true},
		"auto-applied pod identity": {src: "addonsConfig: {autoApplyPodIdentityAssociations: true}\nmanagedNodeGroups: [{name: a}]", want: "=AmazonEKSWorkerNodePolicy =AmazonEC2ContainerRegistryReadOnly =AmazonSSMManagedInstanceCore =AmazonEKS_CNI_Policy", oidc: true},
		"instanceRoleARN":           {src: "managedNodeGroups: [{name: a, iam: {instanceRoleARN: arn:aws:iam::1:role/r}}]", none: true},
	} {
		t.Run(name, func(t *testing.T) {
			m := adaptClean(t, head+tc.src+"\n")
			g := m.NodeGroups[0]
			if tc.none {
				if g.Role != nil {
					t.Fatalf("role %+v", g.Role)
				}
				return
			}
			if g.Role == nil || !g.Role.Complete || g.Role.Use != model.NodeRole {
				t.Fatalf("role %+v", g.Role)
			}
			if got := names(g.Role); got != tc.want {
				t.Errorf("policies %q, want %q", got, tc.want)
			}
			if source.IsTrue(g.Role.CNIElsewhere) != tc.oidc {
				t.Errorf("CNIElsewhere %+v", g.Role.CNIElsewhere)
			}
		})
	}
}

func TestWorkloadRoles(t *testing.T) {
	m := adaptClean(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c, region: eu-west-1}
iam:
  serviceAccounts:
    - metadata: {name: a, namespace: ns}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AdministratorAccess]
    - metadata: {name: ext}
      attachRoleARN: arn:aws:iam::1:role/r
      attachPolicyARNs: [arn:aws:iam::aws:policy/AdministratorAccess]
addons:
  - name: vpc-cni
    attachPolicy:
      Statement:
        - Effect: Allow
          Action: "*"
          Resource: "*"
`)
	var got []string
	for _, r := range m.IAM.Roles {
		if r.Use == model.WorkloadRole {
			got = append(got, r.Address)
		}
	}
	if strings.Join(got, " ") != "ClusterConfig/c/iam/serviceAccounts/ns/a ClusterConfig/c/addons/vpc-cni" {
		t.Fatalf("workload roles %v", got)
	}
	addon := m.IAM.Roles[len(m.IAM.Roles)-1]
	if len(addon.Statements) != 1 || addon.Statements[0].Range.Start.Line != 15 || addon.Statements[0].Effect != "Allow" || addon.Complete {
		t.Errorf("add-on role %+v", addon)
	}
}
