package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// Node hardening: launch templates, volumes, the metadata service, monitoring and subnets of node groups.

var (
	groupHardeningSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "subnet_ids"}, {Name: "ami_type"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "launch_template"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	templateRefSchema    = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "id"}, {Name: "name"}, {Name: "version"}}}
	launchTemplateSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "name"}, {Name: "key_name"}, {Name: "image_id"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "block_device_mappings"}, {Type: "metadata_options"}, {Type: "monitoring"},
			{Type: "network_interfaces"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	blockDeviceSchema = &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "device_name"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "ebs"}, {Type: "dynamic", LabelNames: []string{"type"}}},
	}
	ebsSchema      = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "encrypted"}, {Name: "snapshot_id"}}}
	metadataSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
		{Name: "http_tokens"}, {Name: "http_put_response_hop_limit"}, {Name: "http_endpoint"}}}
	monitoringSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}}}
	interfaceSchema  = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "associate_public_ip_address"}}}
	publicIPSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "map_public_ip_on_launch"}}}
	ebsDefaultSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}}}
)

// nodeGroupHardening links an aws_eks_node_group to the launch template
// it names and to the subnets it runs in.
func (m *module) nodeGroupHardening(r *resource, g *model.NodeGroup) {
	body := m.resourceContent(r, groupHardeningSchema)
	header := g.Range
	switch lt := m.block(body, "launch_template", templateRefSchema); lt.state {
	case absent:
		// EKS generates a template of its own (provider docs,
		// aws_eks_node_group: launch_template is optional).
		g.EKSTemplate = source.DefaultAt(true, header)
	case unknownPresence:
		g.EKSTemplate = source.UnknownAt[bool](lt.at)
	default:
		g.EKSTemplate = source.SetAt(false, lt.at)
		lt.in(m, func() { g.LaunchTemplate = m.templateOf(lt.content, g) })
		if t := g.LaunchTemplate; t != nil && t.HTTPTokens.IsDefault() && !t.CustomAMI {
			// EC2 (LaunchTemplateInstanceMetadataOptionsRequest): omitted
			// http_tokens is required when the AMI's ImdsSupport is v2.0,
			// as EKS's AL2023 AMIs are registered.
			if ami := m.stringAttr(body, "ami_type", "", header); ami.IsSet() && strings.HasPrefix(ami.Val, "AL2023_") {
				t.HTTPTokens.Val = "required"
			}
		}
	}
	g.PublicIP = m.publicIP(body, g)
}

// templateOf resolves a node group's launch_template { id | name } to an
// aws_launch_template of this module, for the instance referred to.
func (m *module) templateOf(ref *hcl.BodyContent, g *model.NodeGroup) *model.LaunchTemplate {
	for _, name := range []string{"id", "name"} {
		a, ok := ref.Attributes[name]
		if !ok {
			continue
		}
		if rf, ok := m.refOf(a.Expr); ok && rf.res.typ == "aws_launch_template" && (rf.attr == "id" || rf.attr == "name") {
			if in, ok := m.instance(rf); ok {
				return m.readTemplate(rf.res, in, g)
			}
			return nil
		}
		if name != "name" {
			continue
		}
		// A name written out: the one template of the module with it.
		v := m.eval(a.Expr)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			return nil
		}
		if res, in := m.launchTemplateBy("name", v.AsString()); res != nil {
			return m.readTemplate(res, in, g)
		}
		return nil
	}
	return nil
}

// readTemplate reads one instance of an aws_launch_template with the
// provider's defaults (terraform-provider-aws aws_launch_template, and the
// EC2 API's LaunchTemplateInstanceMetadataOptionsRequest for
// metadata_options). An SSH key it installs turns the group's SSH on.
func (m *module) readTemplate(res *resource, in instance, g *model.NodeGroup) *model.LaunchTemplate {
	header := rangeOf(res.block.DefRange)
	t := &model.LaunchTemplate{Address: in.address, Range: header, Shared: true}
	m.protect(res.block.DefRange, in.address, func() {
		m.within(in, func() {
			body := m.content(res.block.Body, launchTemplateSchema)
			t.KeyName = m.stringAttr(body, "key_name", "", header)
			_, t.CustomAMI = body.Attributes["image_id"]
			if a, ok := body.Attributes["key_name"]; ok && !source.IsTrue(g.SSH) {
				if key := m.keySet(a); !source.IsFalse(key) {
					// EKS opens no port for a template's key: the
					// template's security groups decide who reaches it.
					g.SSH = key
					g.SSHSourceSecurityGroups = source.DefaultAt([]source.Value[string]{}, key.Range)
					g.SSHOpenToWorldWithoutSources = source.SetAt(false, key.Range)
				}
			}
			m.templateVolumes(body, t)

			switch md := m.block(body, "metadata_options", metadataSchema); md.state {
			case unknownPresence:
				t.HTTPTokens = source.UnknownAt[string](md.at)
				t.HopLimit = source.UnknownAt[int](md.at)
				t.HTTPEndpoint = source.UnknownAt[string](md.at)
			default:
				at := md.defaultsAt(header)
				md.in(m, func() {
					t.HTTPTokens = m.stringAttr(md.content, "http_tokens", "optional", at)
					t.HopLimit = m.intAttr(md.content, "http_put_response_hop_limit", 1, at)
					t.HTTPEndpoint = m.stringAttr(md.content, "http_endpoint", "enabled", at)
				})
			}

			switch mon := m.block(body, "monitoring", monitoringSchema); mon.state {
			case unknownPresence:
				t.Monitoring = source.UnknownAt[bool](mon.at)
			case present:
				mon.in(m, func() { t.Monitoring = m.boolAttr(mon.content, "enabled", false, mon.at) })
			default:
				t.Monitoring = source.DefaultAt(false, header)
			}

			switch ni := m.block(body, "network_interfaces", interfaceSchema); ni.state {
			case unknownPresence:
				t.PublicIP = source.UnknownAt[bool](ni.at)
			case present:
				ni.in(m, func() { t.PublicIP = m.boolAttr(ni.content, "associate_public_ip_address", false, ni.at) })
			default:
				t.PublicIP = source.DefaultAt(false, header)
			}
		})
	})
	return t
}

// templateVolumes reads every block_device_mappings block, written out or
// from a dynamic block with a known for_each. A mapping without ebs (an
// instance-store or suppressed device) is no EBS volume.
func (m *module) templateVolumes(body *hcl.BodyContent, t *model.LaunchTemplate) {
	t.VolumesAt, t.VolumesKnown = t.Range, true
	read := func(c *hcl.BodyContent, at source.Range) {
		name := m.stringAttr(c, "device_name", "", at)
		switch ebs := m.block(c, "ebs", ebsSchema); ebs.state {
		case unknownPresence:
			t.Volumes = append(t.Volumes, model.Volume{Name: name.Val, Range: at, Encrypted: source.UnknownAt[bool](ebs.at)})
		case present:
			ebs.in(m, func() {
				enc := m.boolAttr(ebs.content, "encrypted", false, ebs.at)
				if _, ok := ebs.content.Attributes["snapshot_id"]; ok && enc.IsDefault() {
					// A volume from a snapshot is encrypted as the snapshot is.
					enc = source.UnknownAt[bool](enc.Range)
				}
				t.Volumes = append(t.Volumes, model.Volume{Name: name.Val, Range: at, Encrypted: enc})
			})
		}
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "block_device_mappings":
			read(m.content(b.Body, blockDeviceSchema), rangeOf(b.DefRange))
		case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == "block_device_mappings":
			if !m.dynamicEach(b, blockDeviceSchema, read) {
				t.VolumesKnown = false
			}
		}
	}
}

// dynamicEach reads every element of a dynamic block, each with its
// iterator in scope; ok is false when its for_each is not knowable.
func (m *module) dynamicEach(d *hcl.Block, schema *hcl.BodySchema, f func(*hcl.BodyContent, source.Range)) (ok bool) {
	spec := m.content(d.Body, dynamicSchema)
	forEach, found := spec.Attributes["for_each"]
	if !found {
		return false
	}
	v := m.eval(forEach.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() || !m.blockRoom(forEach.Range, v.LengthInt(), d.Labels[0], true) {
		return false
	}
	iterator := d.Labels[0]
	if it, ok := spec.Attributes["iterator"]; ok {
		if name := hcl.ExprAsKeyword(it.Expr); name != "" {
			iterator = name
		}
	}
	c := firstBlock(spec, "content")
	if c == nil {
		return true
	}
	at := rangeOf(d.DefRange)
	for it := v.ElementIterator(); it.Next(); {
		key, value := it.Element()
		n := nested{state: present, at: at, scope: map[string]cty.Value{iterator: cty.ObjectVal(map[string]cty.Value{"key": key, "value": value})}}
		n.in(m, func() { f(m.content(c.Body, schema), at) })
	}
	return true
}

// publicIP: a template that asks for a public address decides; else a
// subnet of the group that maps public IPs on launch (resolved as
// subnetZones resolves zones). Unresolved subnets say nothing.
func (m *module) publicIP(body *hcl.BodyContent, g *model.NodeGroup) source.Value[bool] {
	if t := g.LaunchTemplate; t != nil && (t.PublicIP.IsSet() || !t.PublicIP.Known()) {
		return t.PublicIP
	}
	if g.LaunchTemplate == nil && g.EKSTemplate.Known() && !g.EKSTemplate.Val {
		// A template that is not resolved may set network interfaces.
		return source.UnknownAt[bool](g.EKSTemplate.Range)
	}
	out := source.UnknownAt[bool](g.Subnets.Range)
	m.eachSubnet(body, g.Subnets, func(i int, sub *resource) {
		if out.IsSet() && out.Val {
			return
		}
		v := m.boolAttr(m.resourceContent(sub, publicIPSchema), "map_public_ip_on_launch", false, rangeOf(sub.block.DefRange))
		if source.IsTrue(v) {
			out = v
			g.PublicIPVia = g.Subnets.Val[i].Range
		}
	})
	return out
}

// intAttr reads a whole number.
func (m *module) intAttr(c *hcl.BodyContent, name string, def int, at source.Range) source.Value[int] {
	return scalarAttr(m, c, name, cty.Number, def, at, func(v cty.Value) int {
		n, _ := v.AsBigFloat().Int64()
		return int(n)
	})
}

// adaptNodeHardening reads the account-wide settings node hardening
// depends on: aws_ebs_encryption_by_default (enabled defaults to true,
// provider docs).
func (m *module) adaptNodeHardening(out *model.Model, l *links) {
	m.eachInstance("aws_ebs_encryption_by_default", func(r *resource, _ instance) {
		v := m.boolAttr(m.content(r.block.Body, ebsDefaultSchema), "enabled", true, rangeOf(r.block.DefRange))
		out.Hardening.EBSEncryptionByDefault = append(out.Hardening.EBSEncryptionByDefault, v)
	})
}
