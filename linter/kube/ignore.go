package kube

import (
	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// ignore reads the ekslint.io/ignore annotation of metadata. Absent, it is
// the zero Value (Unknown, no range): the object asks for nothing.
func (a *adapter) ignore(meta *yaml.Node, address string) source.Value[string] {
	annotations := lookupValue(meta, "annotations")
	if yamldoc.IsNull(annotations) {
		return source.Value[string]{}
	}
	if annotations.Kind != yaml.MappingNode {
		a.warn(annotations, "%s: metadata.annotations should be a mapping, not %s", address, yamldoc.Describe(annotations))
		return source.Value[string]{}
	}
	v := lookupValue(annotations, IgnoreAnnotation)
	if v == nil {
		return source.Value[string]{}
	}
	if v.Kind != yaml.ScalarNode || yamldoc.IsNull(v) {
		a.warn(v, "%s: the %s annotation should be a string, not %s; it is not used", address, IgnoreAnnotation, yamldoc.Describe(v))
		return source.Value[string]{}
	}
	return source.SetAt(v.Value, a.rng(v))
}
