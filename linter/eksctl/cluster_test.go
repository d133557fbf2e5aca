package eksctl

import (
	"testing"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

func TestIs(t *testing.T) {
	tests := []struct {
		apiVersion, kind string
		want             bool
	}{
		{"eksctl.io/v1alpha5", "ClusterConfig", true},
		{"eksctl.io/v1alpha6", "ClusterConfig", true},
		{"eksctl.io/v1alpha5", "Nodegroup", false},
		{"eksctl.io", "ClusterConfig", false},
		{"v1", "ClusterConfig", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := Is(tt.apiVersion, tt.kind); got != tt.want {
			t.Errorf("Is(%q, %q) = %v", tt.apiVersion, tt.kind, got)
		}
	}
}

// TestClusterDefaults: with nothing written, every field takes eksctl's
// default, located at the document's first key (metadata for the version).
func TestClusterDefaults(t *testing.T) {
	m := adaptClean(t, lines(
		"apiVersion: eksctl.io/v1alpha5",
		"kind: ClusterConfig",
		"metadata:",
		"  name: c",
		"  region: eu-west-1",
	))
	if len(m.Clusters) != 1 || len(m.NodeGroups) != 0 {
		t.Fatalf("want one cluster and no node group: %+v", m)
	}
	c := m.Clusters[0]
	wantObj := model.Object{Kind: "ClusterConfig", Address: "ClusterConfig/c", Range: firstKey, Format: model.Eksctl}
	if c.Object != wantObj {
		t.Errorf("object %+v, want %+v", c.Object, wantObj)
	}
	if c.Name != source.SetAt("c", span(4, 3, 4, 10)) {
		t.Errorf("name %+v", c.Name)
	}
	if c.Version != source.DefaultAt("", span(3, 1, 3, 9)) {
		t.Errorf("version %+v, want the default at the metadata key", c.Version)
	}
	checkBool(t, "public", c.PublicEndpoint, source.Default, true, firstKey)
	checkBool(t, "private", c.PrivateEndpoint, source.Default, false, firstKey)
	checkBool(t, "secrets", c.SecretsEncryption, source.Default, false, firstKey)
	if !c.PublicCIDRs.IsDefault() || c.PublicCIDRs.Range != firstKey || values(c.PublicCIDRs) != "0.0.0.0/0@1:1" || !c.PublicCIDRs.Val[0].IsDefault() {
		t.Errorf("public CIDRs %+v", c.PublicCIDRs)
	}
	if !c.LogTypes.IsDefault() || c.LogTypes.Range != firstKey || len(c.LogTypes.Val) != 0 {
		t.Errorf("log types %+v", c.LogTypes)
	}
}

// TestNearestKey: an omitted value points at the nearest enclosing key that
// exists; a key written with a null value points at itself.
func TestNearestKey(t *testing.T) {
	tests := []struct {
		name                               string
		more                               []string
		public, private, cidrs, logs, keys source.Range
	}{
		{
			name:   "empty enclosing mappings",
			more:   []string{"vpc:", "  clusterEndpoints: {}", "cloudWatch:", "  clusterLogging: {}", "secretsEncryption: {}"},
			public: span(5, 3, 5, 19), private: span(5, 3, 5, 19), cidrs: span(4, 1, 4, 4), logs: span(7, 3, 7, 17), keys: span(8, 1, 8, 18),
		},
		{
			name:   "parents only",
			more:   []string{"vpc:", "  cidr: 10.0.0.0/16", "cloudWatch: {}"},
			public: span(4, 1, 4, 4), private: span(4, 1, 4, 4), cidrs: span(4, 1, 4, 4), logs: span(6, 1, 6, 11), keys: firstKey,
		},
		{
			name:   "null parents",
			more:   []string{"vpc:", "cloudWatch: ~", "secretsEncryption: null"},
			public: span(4, 1, 4, 4), private: span(4, 1, 4, 4), cidrs: span(4, 1, 4, 4), logs: span(5, 1, 5, 11), keys: span(6, 1, 6, 18),
		},
		{
			name: "null values",
			more: []string{
				"vpc:",
				"  clusterEndpoints:",
				"    publicAccess:",
				"    privateAccess: ~",
				"  publicAccessCIDRs: null",
				"cloudWatch:",
				"  clusterLogging:",
				"    enableTypes:",
				"secretsEncryption:",
				"  keyARN:",
			},
			public: span(6, 5, 6, 17), private: span(7, 5, 7, 18), cidrs: span(8, 3, 8, 20), logs: span(11, 5, 11, 16), keys: span(13, 3, 13, 9),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := adaptClean(t, doc(tt.more...)).Clusters[0]
			checkBool(t, "public", c.PublicEndpoint, source.Default, true, tt.public)
			checkBool(t, "private", c.PrivateEndpoint, source.Default, false, tt.private)
			checkBool(t, "secrets", c.SecretsEncryption, source.Default, false, tt.keys)
			if !c.PublicCIDRs.IsDefault() || c.PublicCIDRs.Range != tt.cidrs || len(c.PublicCIDRs.Val) != 1 || c.PublicCIDRs.Val[0] != source.DefaultAt("0.0.0.0/0", tt.cidrs) {
				t.Errorf("public CIDRs %+v, want the default at %v", c.PublicCIDRs, tt.cidrs)
			}
			if !c.LogTypes.IsDefault() || c.LogTypes.Range != tt.logs || len(c.LogTypes.Val) != 0 {
				t.Errorf("log types %+v, want none at %v", c.LogTypes, tt.logs)
			}
		})
	}
}

func TestUnnamedCluster(t *testing.T) {
	c := adaptClean(t, lines("apiVersion: eksctl.io/v1alpha5", "kind: ClusterConfig", "metadata: {}")).Clusters[0]
	if c.Address != "ClusterConfig" || c.Name != source.DefaultAt("", span(3, 1, 3, 9)) || c.Version != source.DefaultAt("", span(3, 1, 3, 9)) {
		t.Errorf("address %q name %+v version %+v", c.Address, c.Name, c.Version)
	}
	c = adaptClean(t, lines("apiVersion: eksctl.io/v1alpha5", "kind: ClusterConfig")).Clusters[0]
	if c.Name != source.DefaultAt("", firstKey) || c.Version != source.DefaultAt("", firstKey) {
		t.Errorf("without metadata: name %+v version %+v", c.Name, c.Version)
	}
}

func TestClusterExplicit(t *testing.T) {
	c := adaptClean(t, lines(
		"apiVersion: eksctl.io/v1alpha5",
		"kind: ClusterConfig",
		"metadata:",
		"  name: prod",
		`  version: "1.31"`,
		"vpc:",
		"  clusterEndpoints:",
		"    publicAccess: false",
		"    privateAccess: true",
		`  publicAccessCIDRs: ["10.0.0.0/8", 192.168.0.0/16]`,
		"cloudWatch:",
		"  clusterLogging:",
		"    enableTypes: [api, audit]",
		"secretsEncryption:",
		"  keyARN: arn:aws:kms:eu-west-1:111122223333:key/k",
	)).Clusters[0]
	if c.Address != "ClusterConfig/prod" || c.Name != source.SetAt("prod", span(4, 3, 4, 13)) {
		t.Errorf("address %q name %+v", c.Address, c.Name)
	}
	if c.Version != source.SetAt("1.31", span(5, 3, 5, 18)) {
		t.Errorf("version %+v", c.Version)
	}
	checkBool(t, "public", c.PublicEndpoint, source.Set, false, span(8, 5, 8, 24))
	checkBool(t, "private", c.PrivateEndpoint, source.Set, true, span(9, 5, 9, 24))
	if !c.PublicCIDRs.IsSet() || c.PublicCIDRs.Range != span(10, 3, 10, 52) || values(c.PublicCIDRs) != "10.0.0.0/8@10:23 192.168.0.0/16@10:37" {
		t.Errorf("public CIDRs %+v: %s", c.PublicCIDRs, values(c.PublicCIDRs))
	}
	if c.PublicCIDRs.Val[0] != source.SetAt("10.0.0.0/8", span(10, 23, 10, 35)) {
		t.Errorf("a list element is located at the element: %+v", c.PublicCIDRs.Val[0])
	}
	if !c.LogTypes.IsSet() || c.LogTypes.Range != span(13, 5, 13, 30) || values(c.LogTypes) != "api@13:19 audit@13:24" {
		t.Errorf("log types %+v: %s", c.LogTypes, values(c.LogTypes))
	}
	checkBool(t, "secrets", c.SecretsEncryption, source.Set, true, span(15, 3, 15, 51))
}

// TestEmptyPublicCIDRs: eksctl drops an empty list and EKS then admits
// 0.0.0.0/0, as if the key were omitted; the default points at the list.
func TestEmptyPublicCIDRs(t *testing.T) {
	c := adaptClean(t, doc("vpc:", "  publicAccessCIDRs: []")).Clusters[0]
	at := span(5, 3, 5, 24)
	if !c.PublicCIDRs.IsDefault() || c.PublicCIDRs.Range != at || len(c.PublicCIDRs.Val) != 1 || c.PublicCIDRs.Val[0] != source.DefaultAt("0.0.0.0/0", at) {
		t.Errorf("public CIDRs %+v", c.PublicCIDRs)
	}
}

// TestPrivateOnly: privateCluster.enabled and a control plane on Outposts
// make the endpoint private-only, located at the key that decides it.
func TestPrivateOnly(t *testing.T) {
	enabled := span(5, 3, 5, 16)
	arn := span(5, 3, 5, 73)
	tests := []struct {
		name            string
		more            []string
		origin          source.Origin
		public, private bool
		at              source.Range
	}{
		{"private cluster", []string{"privateCluster:", "  enabled: true"}, source.Default, false, true, enabled},
		{"outposts", []string{"outpost:", `  controlPlaneOutpostARN: "arn:aws:outposts:us-west-2:1234:outpost/op-1"`}, source.Default, false, true, arn},
		{"both: privateCluster decides", []string{"privateCluster:", "  enabled: true", "outpost:", "  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:1234:outpost/op-1"}, source.Default, false, true, enabled},
		{"outposts and privateCluster off", []string{"privateCluster:", "  enabled: false", "outpost:", "  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:1234:outpost/op-1"}, source.Default, false, true, span(7, 3, 7, 71)},
		{"endpoints written anyway", []string{"privateCluster:", "  enabled: true", "vpc:", "  clusterEndpoints:", "    publicAccess: true"}, source.Default, false, true, enabled},
		{"private cluster off", []string{"privateCluster:", "  enabled: false"}, source.Default, true, false, firstKey},
		{"privateCluster without enabled", []string{"privateCluster:", "  skipEndpointCreation: true"}, source.Default, true, false, firstKey},
		{"empty Outposts ARN", []string{"outpost:", `  controlPlaneOutpostARN: ""`}, source.Default, true, false, firstKey},
		{"enabled is not a boolean", []string{"privateCluster:", `  enabled: "true"`}, source.Unknown, false, false, span(5, 3, 5, 18)},
		{"ARN is not a string", []string{"outpost:", "  controlPlaneOutpostARN: [a]"}, source.Unknown, false, false, span(5, 3, 5, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := adapt(t, doc(tt.more...))
			if (tt.origin == source.Unknown) != (len(problems) == 1) {
				t.Errorf("a wrong type, and only that, is reported: %v", problems)
			}
			c := m.Clusters[0]
			checkBool(t, "public", c.PublicEndpoint, tt.origin, tt.public, tt.at)
			checkBool(t, "private", c.PrivateEndpoint, tt.origin, tt.private, tt.at)
		})
	}
}

// TestLogTypes: "*" and "all" expand to the five types at the wildcard;
// a type is not repeated, and everything else is kept as written.
func TestLogTypes(t *testing.T) {
	tests := []struct{ enable, want string }{
		{`["*"]`, "api@6:19 audit@6:19 authenticator@6:19 controllerManager@6:19 scheduler@6:19"},
		{`[all]`, "api@6:19 audit@6:19 authenticator@6:19 controllerManager@6:19 scheduler@6:19"},
		{`[audit, "*"]`, "audit@6:19 api@6:26 authenticator@6:26 controllerManager@6:26 scheduler@6:26"},
		{`["*", all]`, "api@6:19 audit@6:19 authenticator@6:19 controllerManager@6:19 scheduler@6:19"},
		{`[Audit, all]`, "Audit@6:19 api@6:26 audit@6:26 authenticator@6:26 controllerManager@6:26 scheduler@6:26"},
		{`[api, api, ALL]`, "api@6:19 api@6:24 ALL@6:29"},
		{`[scheduler]`, "scheduler@6:19"},
		{`[]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.enable, func(t *testing.T) {
			c := adaptClean(t, doc("cloudWatch:", "  clusterLogging:", "    enableTypes: "+tt.enable)).Clusters[0]
			if !c.LogTypes.IsSet() || c.LogTypes.Range.Start != (source.PosAt(6, 5)) {
				t.Errorf("log types %+v", c.LogTypes)
			}
			if got := values(c.LogTypes); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			for _, v := range c.LogTypes.Val {
				if !v.IsSet() {
					t.Errorf("%+v should be set", v)
				}
			}
		})
	}
}

func TestSecretsEncryption(t *testing.T) {
	tests := []struct {
		name   string
		more   []string
		origin source.Origin
		val    bool
		at     source.Range
	}{
		{"omitted", nil, source.Default, false, firstKey},
		{"empty block", []string{"secretsEncryption: {}"}, source.Default, false, span(4, 1, 4, 18)},
		{"empty key", []string{"secretsEncryption:", `  keyARN: ""`}, source.Default, false, span(5, 3, 5, 13)},
		{"key", []string{"secretsEncryption:", "  keyARN: arn:aws:kms:us-west-2:1:key/k"}, source.Set, true, span(5, 3, 5, 40)},
		// eksctl refuses a KMS key on Outposts: not the configuration's choice.
		{"outposts", []string{"outpost:", "  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:1:outpost/op-1"}, source.Unknown, false, span(5, 3, 5, 68)},
		{"outposts ARN not a string", []string{"outpost:", "  controlPlaneOutpostARN: [a]"}, source.Unknown, false, span(5, 3, 5, 30)},
		{"empty Outposts ARN", []string{"outpost:", `  controlPlaneOutpostARN: ""`}, source.Default, false, firstKey},
		{"outposts with a key anyway", []string{"outpost:", "  controlPlaneOutpostARN: arn:aws:outposts:us-west-2:1:outpost/op-1", "secretsEncryption:", "  keyARN: arn:aws:kms:us-west-2:1:key/k"}, source.Set, true, span(7, 3, 7, 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := adapt(t, doc(tt.more...))
			c := m.Clusters[0]
			checkBool(t, "secrets", c.SecretsEncryption, tt.origin, tt.val, tt.at)
		})
	}
}

// TestLaterDocuments: line numbers are the file's own when the
// ClusterConfig is not the first document.
func TestLaterDocuments(t *testing.T) {
	m := adaptClean(t, lines(
		"# leading comment",
		"apiVersion: v1",
		"kind: ConfigMap",
		"metadata: {name: x}",
		"---",
		"---",
		"# the cluster",
		"apiVersion: eksctl.io/v1alpha5",
		"kind: ClusterConfig",
		"metadata:",
		"  name: third",
		"vpc:",
		"  clusterEndpoints:",
		"    privateAccess: true",
		"nodeGroups:",
		"  - name: ng",
		"---",
		"apiVersion: eksctl.io/v1alpha5",
		"kind: ClusterConfig",
		"metadata: {name: fourth}",
	))
	if len(m.Clusters) != 2 || len(m.NodeGroups) != 1 {
		t.Fatalf("want two clusters and one node group: %+v", m)
	}
	third, fourth := m.Clusters[0], m.Clusters[1]
	if third.Address != "ClusterConfig/third" || third.Range != span(8, 1, 8, 11) || third.Version != source.DefaultAt("", span(10, 1, 10, 9)) {
		t.Errorf("third: %+v version %+v", third.Object, third.Version)
	}
	checkBool(t, "third public", third.PublicEndpoint, source.Default, true, span(13, 3, 13, 19))
	checkBool(t, "third private", third.PrivateEndpoint, source.Set, true, span(14, 5, 14, 24))
	g := m.NodeGroups[0]
	if g.Cluster != third || g.Range != span(16, 5, 16, 9) || g.Address != "ClusterConfig/third/nodeGroups/ng" {
		t.Errorf("node group %+v", g.Object)
	}
	checkBool(t, "node group world", g.SSHOpenToWorldWithoutSources, source.Default, true, span(16, 5, 16, 9))
	if fourth.Range != span(18, 1, 18, 11) {
		t.Errorf("fourth: %+v", fourth.Object)
	}
	checkBool(t, "fourth public", fourth.PublicEndpoint, source.Default, true, span(18, 1, 18, 11))
}
