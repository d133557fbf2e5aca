package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/source"
)

func TestWorkloadIdentity(t *testing.T) {
	head := "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n"
	tests := []struct {
		name, body string
		want       source.Value[bool] // Val and Origin; Range line only
		line       int
	}{
		{"omitted", "", source.Value[bool]{Val: false, Origin: source.Default}, 1},
		{"withOIDC false", "iam:\n  withOIDC: false\n", source.Value[bool]{Val: false, Origin: source.Set}, 6},
		{"withOIDC true", "iam:\n  withOIDC: true\n", source.Value[bool]{Val: true, Origin: source.Set}, 6},
		{"associations", "iam:\n  podIdentityAssociations:\n    - namespace: a\n", source.Value[bool]{Val: true, Origin: source.Set}, 6},
		{"empty associations", "iam:\n  podIdentityAssociations: []\n", source.Value[bool]{Val: false, Origin: source.Default}, 5},
		{"agent add-on", "addons:\n  - name: vpc-cni\n  - name: eks-pod-identity-agent\n", source.Value[bool]{Val: true, Origin: source.Set}, 7},
		{"add-on associations", "addons:\n  - name: vpc-cni\n    podIdentityAssociations:\n      - serviceAccountName: aws-node\n", source.Value[bool]{Val: true, Origin: source.Set}, 7},
		{"auto mode", "autoModeConfig:\n  enabled: true\n", source.Value[bool]{Val: true, Origin: source.Set}, 6},
		{"outposts", "outpost:\n  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:1:outpost/op-1\n", source.Value[bool]{Origin: source.Unknown}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := adaptClean(t, head+tt.body).Clusters[0]
			got := c.WorkloadIdentity
			if got.Val != tt.want.Val || got.Origin != tt.want.Origin || int(got.Range.Start.Line) != tt.line {
				t.Errorf("got %+v, want %v %v at line %d", got, tt.want.Val, tt.want.Origin, tt.line)
			}
		})
	}
}

func TestAccessConfig(t *testing.T) {
	c := adaptClean(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: c
accessConfig:
  authenticationMode: API
  accessEntries:
    - principalARN: arn:aws:iam::1:role/ops
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          accessScope:
            type: cluster
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
`).Clusters[0]
	if !c.AuthenticationMode.IsSet() || c.AuthenticationMode.Val != "API" {
		t.Errorf("mode %+v", c.AuthenticationMode)
	}
	if !c.CreatorAdmin.IsDefault() || !c.CreatorAdmin.Val || c.CreatorAdmin.Range.Start.Line != 5 {
		t.Errorf("creator admin %+v", c.CreatorAdmin)
	}
	if len(c.AccessEntries) != 1 || len(c.AccessEntries[0].Policies) != 2 {
		t.Fatalf("entries %+v", c.AccessEntries)
	}
	e := c.AccessEntries[0]
	if e.PrincipalARN.Val != "arn:aws:iam::1:role/ops" || e.Address != "ClusterConfig/c/accessConfig/accessEntries/0" {
		t.Errorf("entry %+v", e)
	}
	if p := e.Policies[0]; p.ScopeType.Val != "cluster" || p.PolicyARN.Range.Start.Line != 10 || p.Path != "accessPolicies[0]" {
		t.Errorf("policy %+v", p)
	}
	if p := e.Policies[1]; p.ScopeType.Known() {
		t.Errorf("a missing scope is unknown: %+v", p.ScopeType)
	}

	d := adaptClean(t, "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n").Clusters[0]
	if !d.AuthenticationMode.IsDefault() || d.AuthenticationMode.Val != "API_AND_CONFIG_MAP" {
		t.Errorf("default mode %+v", d.AuthenticationMode)
	}
}

// TestCapabilityAccess: a capability's accessPolicies are associated with
// the access entry of its role; a capability without any adds no entry.
func TestCapabilityAccess(t *testing.T) {
	c := adaptClean(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: c
capabilities:
  - name: ack
    type: ACK
  - name: kro
    type: KRO
    accessPolicies:
      - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
        accessScope:
          type: cluster
  - name: argocd
    type: ARGOCD
    roleArn: arn:aws:iam::1:role/argo
    accessPolicies:
      - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
        accessScope: {type: namespace, namespaces: [a]}
`).Clusters[0]
	if len(c.AccessEntries) != 2 {
		t.Fatalf("entries %+v", c.AccessEntries)
	}
	kro, argo := c.AccessEntries[0], c.AccessEntries[1]
	if kro.Kind != "capability" || kro.Address != "ClusterConfig/c/capabilities/kro" || kro.PrincipalARN != source.DefaultAt("", kro.Range) || kro.Range.Start.Line != 8 {
		t.Errorf("kro entry %+v", kro)
	}
	if p := kro.Policies; len(p) != 1 || p[0].ScopeType.Val != "cluster" || p[0].PolicyARN.Range.Start.Line != 11 || p[0].Path != "accessPolicies[0]" {
		t.Errorf("kro policies %+v", p)
	}
	if !argo.PrincipalARN.IsSet() || argo.PrincipalARN.Val != "arn:aws:iam::1:role/argo" || len(argo.Policies) != 1 || argo.Policies[0].ScopeType.Val != "namespace" {
		t.Errorf("argocd entry %+v", argo)
	}
}
