package eksctl

import (
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// worldCIDR is what EKS admits to a public endpoint when no CIDRs are given.
const worldCIDR = "0.0.0.0/0"

// cluster reads the control plane of one ClusterConfig.
func (a *adapter) cluster(top *scope) *model.Cluster {
	meta := top.enter("metadata")
	c := &a.clusterModel
	*c = model.Cluster{Object: model.Object{Kind: "ClusterConfig", Address: "ClusterConfig", Range: top.at, Format: model.Eksctl}}
	c.Name = meta.str("name", "")
	if c.Name.Known() && c.Name.Val != "" {
		c.Address += "/" + c.Name.Val
	}
	// eksctl's DefaultVersion changes with every release, so an omitted
	// version is the empty default the model documents.
	c.Version = meta.str("version", "")

	vpc := top.enter("vpc")
	a.endpoints(c, top, vpc)
	c.PublicCIDRs = vpc.strs("publicAccessCIDRs", []string{worldCIDR})
	if c.PublicCIDRs.IsSet() && len(c.PublicCIDRs.Val) == 0 {
		// An empty list is dropped (omitempty) and EKS falls back to
		// 0.0.0.0/0, exactly as if the key were omitted.
		c.PublicCIDRs = defaultStrings([]string{worldCIDR}, c.PublicCIDRs.Range)
	}
	logging := top.enter("cloudWatch").enter("clusterLogging")
	c.LogTypes = expandLogTypes(logging.strs("enableTypes", nil))
	c.LogRetentionDays = logRetention(logging)
	c.SecretsEncryption = secretsEncryption(top.enter("secretsEncryption"))
	if arn := top.enter("outpost").str("controlPlaneOutpostARN", ""); source.IsFalse(c.SecretsEncryption) && (!arn.Known() || arn.Val != "") {
		// A local cluster on Outposts cannot use KMS envelope encryption:
		// eksctl refuses secretsEncryption.keyARN there (validation.go,
		// "KMS encryption is not supported on Outposts"), so its absence
		// is not the configuration's choice.
		c.SecretsEncryption = source.UnknownAt[bool](arn.Range)
	}
	a.zones = a.subnetZones(vpc)
	return c
}

// endpoints sets the API endpoint access (SetClusterEndpointAccessDefaults:
// public on, private off), unless the cluster is private-only.
func (a *adapter) endpoints(c *model.Cluster, top, vpc *scope) {
	ep := vpc.enter("clusterEndpoints")
	c.PublicEndpoint = ep.boolean("publicAccess", true)
	c.PrivateEndpoint = ep.boolean("privateAccess", false)
	switch private := privateOnly(top); {
	case source.IsTrue(private):
		c.PublicEndpoint = source.DefaultAt(false, private.Range)
		c.PrivateEndpoint = source.DefaultAt(true, private.Range)
	case !private.Known():
		c.PublicEndpoint = source.UnknownAt[bool](private.Range)
		c.PrivateEndpoint = source.UnknownAt[bool](private.Range)
	}
}

// privateOnly says whether eksctl makes the endpoint private-only: a fully
// private cluster (privateCluster.enabled) or a control plane on Outposts
// (outpost.controlPlaneOutpostARN). eksctl refuses vpc.clusterEndpoints
// that contradict either. The range is the key that decides it. When one
// of the two cannot be read and the other does not decide, it is Unknown.
func privateOnly(top *scope) source.Value[bool] {
	enabled := top.enter("privateCluster").boolean("enabled", false)
	if source.IsTrue(enabled) {
		return enabled
	}
	arn := top.enter("outpost").str("controlPlaneOutpostARN", "")
	if arn.Known() && arn.Val != "" {
		return source.SetAt(true, arn.Range)
	}
	if !enabled.Known() {
		return enabled
	}
	if !arn.Known() {
		return source.UnknownAt[bool](arn.Range)
	}
	return source.DefaultAt(false, enabled.Range)
}

// secretsEncryption: a customer-managed key is configured when keyARN is
// given. An empty or null keyARN configures none (eksctl even refuses the
// block then); the finding points at that keyARN, the thing to fix, and
// at the secretsEncryption key or the document when keyARN is omitted.
func secretsEncryption(se *scope) source.Value[bool] {
	arn := se.str("keyARN", "")
	switch {
	case !arn.Known():
		return source.UnknownAt[bool](arn.Range)
	case arn.Val != "":
		return source.SetAt(true, arn.Range)
	}
	return source.DefaultAt(false, arn.Range)
}
