package eksctl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// adapt decodes src and adapts its ClusterConfig documents.
func adapt(t *testing.T, src string) (*model.Model, []source.Problem) {
	t.Helper()
	docs, _, problems := yamldoc.Decode("c.yaml", []byte(src))
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	m := &model.Model{}
	var all []source.Problem
	for _, d := range docs {
		if av, k := d.APIVersionKind(); Is(av, k) {
			dm, ps := Adapt(d)
			m.Merge(dm)
			all = append(all, ps...)
		}
	}
	return m, all
}

func TestDefaults(t *testing.T) {
	m, problems := adapt(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: c
  region: eu-west-1
vpc:
  cidr: 10.0.0.0/16
nodeGroups:
  - name: ng
    instanceType: m5.large
`)
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	c := m.Clusters[0]
	tests := []struct {
		name string
		v    source.Value[bool]
		want bool
		line int
	}{
		{"public (at vpc)", c.PublicEndpoint, true, 6},
		{"private (at vpc)", c.PrivateEndpoint, false, 6},
		{"secrets (first key)", c.SecretsEncryption, false, 1},
	}
	for _, tt := range tests {
		if !tt.v.IsDefault() || tt.v.Val != tt.want || tt.v.Range.Start.Line != tt.line {
			t.Errorf("%s: %+v", tt.name, tt.v)
		}
	}
	if !c.PublicCIDRs.IsDefault() || c.PublicCIDRs.Val[0].Val != "0.0.0.0/0" || c.PublicCIDRs.Range.Start.Line != 6 {
		t.Errorf("cidrs %+v", c.PublicCIDRs)
	}
	if !c.LogTypes.IsDefault() || len(c.LogTypes.Val) != 0 || c.LogTypes.Range.Start.Line != 1 {
		t.Errorf("logs %+v", c.LogTypes)
	}
	if !c.Version.IsDefault() || c.Version.Range.Start.Line != 3 {
		t.Errorf("version %+v", c.Version)
	}
	ng := m.NodeGroups[0]
	if ng.Address != "ClusterConfig/c/nodeGroups/ng" || ng.Cluster != c || ng.Range.Start.Line != 9 || ng.Range.Start.Col != 5 {
		t.Errorf("node group %+v", ng.Object)
	}
	if !source.IsFalse(ng.SSH) || !ng.SSH.IsDefault() || !source.IsTrue(ng.SSHOpenToWorldWithoutSources) || !ng.SSHOpenToWorldWithoutSources.IsDefault() {
		t.Errorf("ssh %+v %+v", ng.SSH, ng.SSHOpenToWorldWithoutSources)
	}
}

func TestExplicitPrivateClusterAndLogging(t *testing.T) {
	m, _ := adapt(t, `# a comment first
---
apiVersion: v1
kind: ConfigMap
---
apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: p, version: "1.30"}
privateCluster:
  enabled: true
cloudWatch:
  clusterLogging:
    enableTypes: ["audit", "*"]
secretsEncryption:
  keyARN: arn:aws:kms:eu-west-1:1:key/k
`)
	c := m.Clusters[0]
	if !source.IsFalse(c.PublicEndpoint) || !source.IsTrue(c.PrivateEndpoint) || c.PublicEndpoint.Range.Start.Line != 10 {
		t.Errorf("private cluster: %+v %+v", c.PublicEndpoint, c.PrivateEndpoint)
	}
	if got := len(c.LogTypes.Val); got != 6 || c.LogTypes.Val[5].Val != "scheduler" || c.LogTypes.Val[5].Range.Start.Line != 13 {
		t.Errorf("\"*\" not expanded: %+v", c.LogTypes.Val)
	}
	if !source.IsTrue(c.SecretsEncryption) || c.SecretsEncryption.Range.Start.Line != 15 || c.Version.Val != "1.30" {
		t.Errorf("secrets %+v version %+v", c.SecretsEncryption, c.Version)
	}
}

func TestSSH(t *testing.T) {
	tests := []struct {
		name, ng       string
		ssh, known     bool
		world, sources bool
	}{
		{"allow", "ssh: {allow: true}", true, true, true, false},
		{"key name", "ssh: {publicKeyName: k}", true, true, true, false},
		{"key path and allow false", "ssh: {allow: false, publicKeyPath: ~/.ssh/id.pub}", false, true, true, false},
		{"private networking", "privateNetworking: true\n    ssh: {allow: true}", true, true, false, false},
		{"sources", "ssh: {publicKey: 'ssh-rsa AAA', sourceSecurityGroupIds: [sg-1]}", true, true, true, true},
		{"wrong type", "ssh: {allow: sometimes}", false, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := adapt(t, "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c}\nmanagedNodeGroups:\n  - name: ng\n    "+tt.ng+"\n")
			g := m.NodeGroups[0]
			if g.SSH.Known() != tt.known || (tt.known && g.SSH.Val != tt.ssh) {
				t.Errorf("ssh %+v", g.SSH)
			}
			if !tt.known && (len(problems) != 1 || !strings.Contains(problems[0].Message, "true or false")) {
				t.Errorf("a wrong type must be reported: %v", problems)
			}
			if g.SSHOpenToWorldWithoutSources.Val != tt.world {
				t.Errorf("world %+v", g.SSHOpenToWorldWithoutSources)
			}
			if (len(g.SSHSourceSecurityGroups.Val) > 0) != tt.sources {
				t.Errorf("sources %+v", g.SSHSourceSecurityGroups)
			}
		})
	}
}

func TestZonesAndSubnets(t *testing.T) {
	m, _ := adapt(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c}
vpc:
  subnets:
    private:
      a: {id: subnet-1, az: eu-west-1a}
      b: {az: eu-west-1b}
nodeGroups:
  - name: one
    availabilityZones: [eu-west-1a]
  - name: two
    subnets: [a, subnet-1, other]
`)
	one, two := m.NodeGroups[0], m.NodeGroups[1]
	if len(one.AvailabilityZones.Val) != 1 || one.AvailabilityZones.Range.Start.Line != 11 {
		t.Errorf("zones %+v", one.AvailabilityZones)
	}
	z := two.SubnetZones.Val
	if len(z) != 3 || z[0].Val != "eu-west-1a" || z[1].Val != "eu-west-1a" || z[2].Known() {
		t.Errorf("subnet zones %+v", z)
	}
}

func TestWrongShapes(t *testing.T) {
	m, problems := adapt(t, `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: c}
vpc:
  clusterEndpoints:
    publicAccess: "yes please"
  publicAccessCIDRs: 0.0.0.0/0
nodeGroups:
  - just-a-string
`)
	c := m.Clusters[0]
	if c.PublicEndpoint.Known() || c.PublicCIDRs.Known() {
		t.Errorf("wrong types must be unknown: %+v %+v", c.PublicEndpoint, c.PublicCIDRs)
	}
	if len(problems) != 3 || problems[0].Range.Start.Line != 6 {
		t.Errorf("want 3 located warnings, got %v", problems)
	}
}

// TestCorpus reads every eksctl example without an error and checks facts
// verified by reading the files.
func TestCorpus(t *testing.T) {
	dir := "../../../shared/corpora/eksctl-examples"
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) == 0 {
		t.Skip("corpus not present")
	}
	clusters := map[string]*model.Cluster{}
	groups := map[string]*model.NodeGroup{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, _, problems := yamldoc.Decode(filepath.Base(f), src)
		for _, p := range problems {
			t.Errorf("%s", p)
		}
		for _, d := range docs {
			if av, k := d.APIVersionKind(); Is(av, k) {
				m, ps := Adapt(d)
				for _, p := range ps {
					t.Errorf("%s", p)
				}
				for _, c := range m.Clusters {
					clusters[filepath.Base(f)] = c
				}
				for _, g := range m.NodeGroups {
					groups[g.Address] = g
				}
			}
		}
	}
	if c := clusters["37-outposts-fully-private.yaml"]; c == nil || !source.IsFalse(c.PublicEndpoint) {
		t.Error("37: a private Outposts cluster has no public endpoint")
	}
	for _, ng := range []string{"ng-1", "ng-2", "ng-3", "ng-4"} {
		if g := groups["ClusterConfig/cluster-7/nodeGroups/"+ng]; g == nil || !source.IsTrue(g.SSH) {
			t.Errorf("07-ssh-keys %s enables SSH", ng)
		}
	}
	if g := groups["ClusterConfig/cluster-7/nodeGroups/ng-5"]; g == nil || source.IsTrue(g.SSH) {
		t.Error("07-ssh-keys ng-5 sets allow: false")
	}
}
