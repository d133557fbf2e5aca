// Package model is the format-free picture of an EKS estate that rules read.
// Adapters (terraform, eksctl, kube) fill it in; every value carries the
// range it came from and whether it was set, defaulted or unknown.
//
// Rules read only this package: they never see HCL, cty or YAML.
package model

import "github.com/ekslint/ekslint/linter/source"

// Format is the kind of input an object was read from.
type Format uint8

const (
	// Terraform: a raw aws_* resource.
	Terraform Format = iota + 1
	// Module: an input of the terraform-aws-modules/eks module.
	Module
	// Eksctl: an eksctl ClusterConfig.
	Eksctl
	// Kubernetes: a Kubernetes manifest.
	Kubernetes
)

func (f Format) String() string {
	switch f {
	case Terraform:
		return "terraform"
	case Module:
		return "terraform-module"
	case Eksctl:
		return "eksctl"
	case Kubernetes:
		return "kubernetes"
	}
	return "unknown"
}

// Object is what every modelled thing has: a kind, an address users
// recognise, where it is, and which format it came from.
type Object struct {
	// Kind is the source type: "aws_eks_cluster", "ClusterConfig",
	// "managedNodeGroup", "Deployment", …
	Kind string
	// Address names the object in messages and SARIF logical locations:
	// aws_eks_cluster.main, ClusterConfig/prod, ClusterConfig/prod/managedNodeGroups/ng-1,
	// Deployment/shop/web.
	Address string
	// Range is the object's header: a Terraform block's type and labels,
	// a YAML document's first key or a list item's first key.
	Range  source.Range
	Format Format
	// Ignore holds Kubernetes' `ekslint.io/ignore` annotation when present.
	Ignore source.Value[string]
	// Names maps a setting's canonical (aws_* resource) name to what this
	// object calls it, where they differ: the terraform-aws-modules/eks
	// inputs are cluster_endpoint_public_access in v20 and
	// endpoint_public_access in v21. Rules name settings through it.
	Names *Renames
	// Note is said with every finding on the object: an assumption the
	// adapter had to make (the module version it could not read).
	Note string
	// Passed maps the range of a value that came into a module through
	// one of its inputs to the caller's argument that passed it, so that
	// a finding about the value names the call too.
	Passed *Passed
}

// Passed maps a value's range to the module call argument that set it. A
// pointer to it keeps Object comparable.
type Passed map[source.Range]source.Range

// Renames maps canonical setting names to an object's own names. A
// pointer to it keeps Object comparable.
type Renames map[string]string

// Name returns what the object calls a setting whose resource name is
// canonical.
func (o *Object) Name(canonical string) string {
	if o.Names != nil {
		if n, ok := (*o.Names)[canonical]; ok {
			return n
		}
	}
	return canonical
}

// Obj returns the object itself, so that every model type satisfies Located.
func (o *Object) Obj() *Object { return o }

// Located is any model object.
type Located interface{ Obj() *Object }

// Model is everything read in one run. Clusters, node groups and workloads
// are read from every format; the other objects are grouped by area, each
// group in a file of its own.
type Model struct {
	Clusters   []*Cluster
	NodeGroups []*NodeGroup
	Workloads  []*Workload
	// Addons are every EKS add-on read, including those whose cluster
	// could not be resolved (Addon.Cluster nil); a resolved one is also in
	// its Cluster.Addons.
	Addons []*Addon

	// IAM: roles and policies the EKS objects use (iam.go).
	IAM IAM
	// Network: security groups and their rules (network.go).
	Network Network
	// Audit: log groups, GuardDuty and CloudTrail (audit.go).
	Audit Audit
	// Access: aws-auth mappings from every format (access.go).
	Access Access
	// Kube: Kubernetes objects other than workloads (kube.go).
	Kube Kube
	// Hardening: run-wide node hardening facts (nodegroup.go).
	Hardening Hardening
}

// Merge appends o's objects to m.
func (m *Model) Merge(o *Model) {
	if o == nil {
		return
	}
	m.Clusters = append(m.Clusters, o.Clusters...)
	m.NodeGroups = append(m.NodeGroups, o.NodeGroups...)
	m.Workloads = append(m.Workloads, o.Workloads...)
	m.Addons = append(m.Addons, o.Addons...)
	m.IAM.merge(&o.IAM)
	m.Network.merge(&o.Network)
	m.Audit.merge(&o.Audit)
	m.Access.merge(&o.Access)
	m.Kube.merge(&o.Kube)
	m.Hardening.merge(&o.Hardening)
}

// Objects calls f once for every object of m, including those reachable
// only through another one (a cluster's access entries, a security group's
// inline rules, a node group's role), in a stable order. The Terraform
// adapter uses it to name a called module's objects from the caller.
func (m *Model) Objects(f func(*Object)) {
	seen := map[*Object]bool{}
	visit := func(o *Object) {
		if o != nil && !seen[o] {
			seen[o] = true
			f(o)
		}
	}
	role := func(r *Role) {
		if r != nil {
			visit(&r.Object)
		}
	}
	cluster := func(c *Cluster) {
		if c == nil {
			return
		}
		visit(&c.Object)
		role(c.Role)
		for _, a := range c.Addons {
			visit(&a.Object)
		}
		for _, e := range c.AccessEntries {
			visit(&e.Object)
		}
	}
	for _, c := range m.Clusters {
		cluster(c)
	}
	for _, g := range m.NodeGroups {
		visit(&g.Object)
		cluster(g.Cluster)
		role(g.Role)
	}
	for _, w := range m.Workloads {
		visit(&w.Object)
	}
	for _, a := range m.Addons {
		visit(&a.Object)
		cluster(a.Cluster)
	}
	for _, r := range m.IAM.Roles {
		role(r)
	}
	for _, g := range m.Network.SecurityGroups {
		visit(&g.Object)
		for _, r := range g.Ingress {
			visit(&r.Object)
		}
	}
	for _, r := range m.Network.Ingress {
		visit(&r.Object)
		if r.Group != nil {
			visit(&r.Group.Object)
		}
	}
	for _, g := range m.Audit.LogGroups {
		visit(&g.Object)
		cluster(g.Cluster)
	}
	for _, d := range m.Audit.Detectors {
		visit(&d.Object)
	}
	for _, d := range m.Audit.Features {
		visit(&d.Object)
	}
	for _, t := range m.Audit.Trails {
		visit(&t.Object)
	}
	for _, a := range m.Access.AuthMaps {
		visit(&a.Object)
		cluster(a.Cluster)
	}
	k := &m.Kube
	visitAll(k.Services, visit)
	visitAll(k.Ingresses, visit)
	visitAll(k.IngressClasses, visit)
	visitAll(k.IngressClassParams, visit)
	visitAll(k.NetworkPolicies, visit)
	visitAll(k.OtherPolicies, visit)
	visitAll(k.Roles, visit)
	visitAll(k.Bindings, visit)
	visitAll(k.ServiceAccounts, visit)
	visitAll(k.Autoscalers, visit)
	visitAll(k.LimitRanges, visit)
}

// visitAll visits the object of every element of a list.
func visitAll[T Located](list []T, visit func(*Object)) {
	for _, o := range list {
		visit(o.Obj())
	}
}
