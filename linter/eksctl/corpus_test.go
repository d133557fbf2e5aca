package eksctl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// corpus holds eksctl's own examples (shared/corpora, not part of the
// project).
const corpus = "../../../shared/corpora/eksctl-examples"

// TestCorpus adapts every eksctl example without a panic or an error-level
// problem, and checks facts verified by reading the files.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.yaml"))
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
		name := filepath.Base(f)
		docs, _, problems := yamldoc.Decode(name, src)
		for _, d := range docs {
			if av, k := d.APIVersionKind(); Is(av, k) {
				m, ps := Adapt(d)
				problems = append(problems, ps...)
				for _, c := range m.Clusters {
					clusters[name] = c
				}
				for _, g := range m.NodeGroups {
					groups[g.Address] = g
				}
			}
		}
		// The examples are valid eksctl files: not even a warning.
		for _, p := range problems {
			t.Errorf("%s", p)
		}
	}
	if len(clusters) < 45 {
		t.Errorf("only %d of the examples were read as ClusterConfigs", len(clusters))
	}

	at := func(file string, l1, c1, l2, c2 int) source.Range {
		return source.Range{File: source.FileOf(file), Start: source.PosAt(l1, c1), End: source.PosAt(l2, c2)}
	}
	// 07-ssh-keys: ng-1..4 enable SSH four ways, ng-5 has a key but
	// allow: false, ng-6 only enables SSM, ng-7 has no ssh at all.
	const ssh = "07-ssh-keys.yaml"
	for _, tt := range []struct {
		ng   string
		want source.Value[bool]
	}{
		{"ng-1", source.SetAt(true, at(ssh, 15, 7, 15, 45))},
		{"ng-2", source.SetAt(true, at(ssh, 20, 7, 20, 18))},
		{"ng-3", source.SetAt(true, at(ssh, 25, 7, 25, 33))},
		{"ng-5", source.SetAt(false, at(ssh, 36, 7, 36, 19))},
		{"ng-6", source.DefaultAt(false, at(ssh, 40, 5, 40, 8))},
		{"ng-7", source.DefaultAt(false, at(ssh, 42, 5, 42, 9))},
	} {
		if g := groups["ClusterConfig/cluster-7/nodeGroups/"+tt.ng]; g == nil || g.SSH != tt.want {
			t.Errorf("07 %s: SSH %+v, want %+v", tt.ng, g, tt.want)
		}
	}
	if g := groups["ClusterConfig/cluster-7/nodeGroups/ng-4"]; g == nil || !g.SSH.IsSet() || !g.SSH.Val || g.SSH.Range.Start != (source.PosAt(30, 7)) {
		t.Errorf("07 ng-4: inline publicKey enables SSH: %+v", g)
	}
	// 15-managed-nodes: SSH allowed but restricted to one security group.
	if g := groups["ClusterConfig/cluster-15/managedNodeGroups/managed-ng-public"]; g == nil || !source.IsTrue(g.SSH) ||
		values(g.SSHSourceSecurityGroups) != "sg-00241fbb12c607007@26:32" || values(g.AvailabilityZones) != "us-west-2a@16:25 us-west-2b@16:39" {
		t.Errorf("15 managed-ng-public: %+v", g)
	}
	// 02: public endpoint off, private on.
	if c := clusters["02-custom-vpc-cidr-no-nodes.yaml"]; c == nil || !c.PublicEndpoint.IsSet() || c.PublicEndpoint.Val || !source.IsTrue(c.PrivateEndpoint) {
		t.Errorf("02: %+v", c)
	}
	// 11: three log types, as written.
	if c := clusters["11-cloudwatch-cluster-logging.yaml"]; c == nil || values(c.LogTypes) != "audit@18:19 authenticator@18:28 controllerManager@18:45" {
		t.Errorf("11: log types %+v", c)
	}
	// 19: secrets encrypted with a KMS key.
	if c := clusters["19-kms-cluster.yaml"]; c == nil || c.SecretsEncryption != source.SetAt(true, at("19-kms-cluster.yaml", 16, 3, 16, 88)) {
		t.Errorf("19: secrets %+v", c)
	}
	// 24: subnets declared by id only have no zone known offline; ng-2 uses
	// private networking.
	if g := groups["ClusterConfig/cluster-24/nodeGroups/ng-1"]; g == nil || values(g.SubnetZones) != "?@36:9 ?@37:9" {
		t.Errorf("24 ng-1: %+v", g)
	}
	if g := groups["ClusterConfig/cluster-24/nodeGroups/ng-2"]; g == nil || g.SSHOpenToWorldWithoutSources != source.SetAt(false, at("24-nodegroup-subnets.yaml", 41, 5, 41, 28)) {
		t.Errorf("24 ng-2: %+v", g)
	}
	// 05: ng3-private-b is pinned to one zone.
	if g := groups["ClusterConfig/cluster-5/nodeGroups/ng3-private-b"]; g == nil || values(g.AvailabilityZones) != "eu-west-2a@63:25" {
		t.Errorf("05 ng3-private-b: %+v", g)
	}
	// 35 (Outposts) and 37 (fully private on Outposts) are private-only.
	if c := clusters["35-outposts.yaml"]; c == nil || c.PublicEndpoint != source.DefaultAt(false, at("35-outposts.yaml", 22, 3, 22, 76)) || !source.IsTrue(c.PrivateEndpoint) {
		t.Errorf("35: %+v", c)
	}
	if c := clusters["37-outposts-fully-private.yaml"]; c == nil || c.PublicEndpoint != source.DefaultAt(false, at("37-outposts-fully-private.yaml", 16, 3, 16, 16)) {
		t.Errorf("37: %+v", c)
	}
	// 35-37: eksctl refuses a KMS key on Outposts, so secrets encryption is
	// not judged there.
	for _, f := range []string{"35-outposts.yaml", "36-outposts-vpc.yaml", "37-outposts-fully-private.yaml"} {
		if c := clusters[f]; c == nil || c.SecretsEncryption.Known() {
			t.Errorf("%s: secrets %+v", f, c)
		}
	}
	// 38: public endpoint restricted to one address.
	if c := clusters["38-cluster-subnets-sgs.yaml"]; c == nil || !source.IsTrue(c.PublicEndpoint) || values(c.PublicCIDRs) != "1.1.1.1/32@19:23" {
		t.Errorf("38: %+v", c)
	}
	// 01: the simplest cluster takes every endpoint default.
	if c := clusters["01-simple-cluster.yaml"]; c == nil || !c.PublicEndpoint.IsDefault() || !source.IsTrue(c.PublicEndpoint) || !c.PublicCIDRs.IsDefault() {
		t.Errorf("01: %+v", c)
	}
}
