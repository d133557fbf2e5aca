package kustomize

import (
	"strings"

	"sigs.k8s.io/kustomize/kyaml/yaml"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// imageEntry is one images: entry of a kustomization, which rewrites the
// name, tag or digest of the container images it names.
type imageEntry struct {
	name, newName string
	// at is where the entry sets what it sets: its newTag, digest or
	// newName, else the entry itself.
	at, tag, digest, rename source.Range
	hasTag, hasDigest       bool
}

// noteImages records the images entries of a kustomization, before those
// of the kustomizations read earlier (see notePatches: kustomize applies a
// base's transformers before its overlay's).
func (b *builder) noteImages(p string, top *yaml.Node) {
	list := yamldoc.Deref(yamldoc.Get(top, "images"))
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	var mine []imageEntry
	for _, it := range list.Content {
		it = yamldoc.Deref(it)
		name := yamldoc.ScalarOf(yamldoc.Get(it, "name"))
		if it == nil || it.Kind != yaml.MappingNode || name == "" {
			continue
		}
		e := imageEntry{name: name, newName: yamldoc.ScalarOf(yamldoc.Get(it, "newName")), at: yamldoc.Range(source.FileOf(p), it)}
		e.rename = e.at
		if k, v := yamldoc.Lookup(it, "newName"); k != nil {
			e.rename = yamldoc.KeyValueRange(source.FileOf(p), k, v)
		}
		if k, v := yamldoc.Lookup(it, "newTag"); k != nil {
			e.tag, e.hasTag = yamldoc.KeyValueRange(source.FileOf(p), k, v), true
		}
		if k, v := yamldoc.Lookup(it, "digest"); k != nil {
			e.digest, e.hasDigest = yamldoc.KeyValueRange(source.FileOf(p), k, v), true
		}
		mine = append(mine, e)
	}
	if len(mine) > 0 {
		b.read(p) // findings may point here: its suppression comments count
	}
	b.images = append(mine, b.images...)
}

// locateImages points the container images of a built object that an
// images entry rewrote (their built value is in no source) at the last
// entry applied that names them.
func (b *builder) locateImages(obj *yaml.Node, ranges map[*yaml.Node]source.Range, changed map[*yaml.Node]bool) {
	if len(b.images) == 0 {
		return
	}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > yamldoc.MaxDepth || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch k.Value {
			case "containers", "initContainers", "ephemeralContainers":
				if v.Kind == yaml.SequenceNode {
					for _, c := range v.Content {
						if img := yamldoc.Get(c, "image"); img != nil && changed[img] {
							if e, ok := b.imageEntryFor(img.Value); ok {
								ranges[img] = e
							}
						}
					}
					continue
				}
			}
			walk(v, depth+1)
		}
	}
	walk(obj, 0)
}

// imageEntryFor finds the last images entry applied whose name or newName
// is the name part of the built image, and where it sets the part that
// the built image shows.
func (b *builder) imageEntryFor(image string) (source.Range, bool) {
	name, tag, digest := splitImage(image)
	for i := len(b.images) - 1; i >= 0; i-- {
		e := b.images[i]
		if e.name != name && e.newName != name {
			continue
		}
		switch {
		case digest != "" && e.hasDigest:
			return e.digest, true
		case tag != "" && e.hasTag:
			return e.tag, true
		case e.newName == name:
			return e.rename, true
		}
		return e.at, true
	}
	return source.Range{}, false
}

// splitImage splits an image reference into its name, tag and digest.
func splitImage(image string) (name, tag, digest string) {
	name, digest, _ = strings.Cut(image, "@")
	if colon := strings.LastIndex(name, ":"); colon > strings.LastIndex(name, "/") {
		name, tag = name[:colon], name[colon+1:]
	}
	return name, tag, digest
}
