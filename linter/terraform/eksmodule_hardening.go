package terraform

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// terraform-aws-modules/eks node group inputs for launch templates, volumes, the metadata service and monitoring.

// groupHardening reads the launch template the module builds for a node
// group, with the defaults of the submodules (modules/eks-managed-node-group
// and modules/self-managed-node-group, variables.tf at v18.31.2, v19.21.0,
// v20.37.2 and v21.19.0):
//
//   - use_custom_launch_template (v19+) and create_launch_template default
//     true; without the module's template EKS's own (managed groups) or an
//     existing one is used, whose settings are not in the inputs;
//   - metadata_options: v18–v20 a map(string) defaulting to required tokens
//     and hop limit 2, which a group's own map replaces whole (a key it
//     leaves out is not sent, so EC2's default applies: optional tokens,
//     hop limit 1); v21 an object whose omitted attributes default to
//     required tokens and hop limit 1;
//   - enable_monitoring: true up to v20, false in v21;
//   - block_device_mappings: {} up to v20, null in v21; either maps no
//     volume, and an ebs block without encrypted leaves it to the account.
func (in eksInputs) groupHardening(ng *model.NodeGroup, kind string, get groupGetter) {
	at := ng.Range
	if kind == "eks_managed" {
		if v, r, ok := get("use_custom_launch_template"); ok {
			switch b, known := boolOf(v); {
			case !known:
				ng.EKSTemplate = source.UnknownAt[bool](r)
				return
			case !b:
				ng.EKSTemplate = source.SetAt(true, r)
				return
			}
		}
	}
	ng.EKSTemplate = source.DefaultAt(false, at)
	if v, r, ok := get("create_launch_template"); ok {
		switch b, known := boolOf(v); {
		case !known:
			ng.EKSTemplate = source.UnknownAt[bool](r)
			return
		case !b:
			// v18 managed groups: no name means EKS's own template;
			// otherwise an existing template, not read here.
			_, _, named := get("launch_template_name")
			_, _, byID := get("launch_template_id")
			if kind == "eks_managed" && in.major <= 18 && !named && !byID {
				ng.EKSTemplate = source.SetAt(true, r)
			} else {
				ng.EKSTemplate = source.SetAt(false, r)
			}
			return
		}
	}

	t := &model.LaunchTemplate{Address: ng.Address, Range: at}
	ng.LaunchTemplate = t
	t.KeyName = source.DefaultAt("", at)
	if v, r, ok := get("key_name"); ok {
		if s, known := strOf(v); known {
			t.KeyName = source.SetAt(s, r)
		} else {
			t.KeyName = source.UnknownAt[string](r)
		}
	}
	if v, _, ok := get("ami_id"); ok {
		s, known := strOf(v)
		t.CustomAMI = !known || s != ""
	}
	in.groupMetadata(t, get)
	t.Monitoring = source.DefaultAt(in.major <= 20, at)
	if v, r, ok := get("enable_monitoring"); ok {
		if b, known := boolOf(v); known {
			t.Monitoring = source.SetAt(b, r)
		} else {
			t.Monitoring = source.UnknownAt[bool](r)
		}
	}
	t.PublicIP = source.DefaultAt(false, at)
	in.groupVolumes(t, get)
}

// groupMetadata reads metadata_options as a whole: in v18–v20 a group's
// (or the defaults map's) value replaces the module's default entirely.
func (in eksInputs) groupMetadata(t *model.LaunchTemplate, get groupGetter) {
	hop := 1
	if in.major <= 20 {
		hop = 2
	}
	t.HTTPTokens = source.DefaultAt("required", t.Range)
	t.HopLimit = source.DefaultAt(hop, t.Range)
	t.HTTPEndpoint = source.DefaultAt("enabled", t.Range)
	v, r, ok := get("metadata_options")
	if !ok {
		return
	}
	if !v.IsWhollyKnown() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		t.HTTPTokens = source.UnknownAt[string](r)
		t.HopLimit = source.UnknownAt[int](r)
		t.HTTPEndpoint = source.UnknownAt[string](r)
		return
	}
	// What a written map leaves out: EC2's defaults in v18–v20, the
	// module's own in v21.
	tokens, endpoint := "optional", "enabled"
	hop = 1
	if in.major >= 21 || al2023(get) {
		tokens = "required"
	}
	t.HTTPTokens = source.DefaultAt(tokens, r)
	t.HopLimit = source.DefaultAt(hop, r)
	t.HTTPEndpoint = source.DefaultAt(endpoint, r)
	// get looks a path up in the group, then in the defaults map: only a
	// key of the value chosen counts (a group's own metadata_options
	// borrows nothing from the defaults').
	sub := func(key string) (cty.Value, source.Range, bool) {
		if _, ok := lookup(v, key); !ok {
			return cty.NilVal, r, false
		}
		return get("metadata_options", key)
	}
	if s, vr, ok := sub("http_tokens"); ok {
		if s, known := strOf(s); known {
			t.HTTPTokens = source.SetAt(s, vr)
		} else {
			t.HTTPTokens = source.UnknownAt[string](vr)
		}
	}
	if s, vr, ok := sub("http_endpoint"); ok {
		if s, known := strOf(s); known {
			t.HTTPEndpoint = source.SetAt(s, vr)
		} else {
			t.HTTPEndpoint = source.UnknownAt[string](vr)
		}
	}
	if n, vr, ok := sub("http_put_response_hop_limit"); ok {
		if n, known := intOf(n); known {
			t.HopLimit = source.SetAt(n, vr)
		} else {
			t.HopLimit = source.UnknownAt[int](vr)
		}
	}
}

// al2023: does the group run EKS's AL2023 AMI (ami_type AL2023_*, no
// ami_id)? Those AMIs are registered with ImdsSupport v2.0, so EC2's
// default for an omitted http_tokens is then required.
func al2023(get groupGetter) bool {
	if v, _, ok := get("ami_id"); ok {
		if s, known := strOf(v); !known || s != "" {
			return false
		}
	}
	v, _, ok := get("ami_type")
	s, known := strOf(v)
	return ok && known && strings.HasPrefix(s, "AL2023_")
}

// groupVolumes reads block_device_mappings: a map (or list) of
// { device_name, ebs = { encrypted, … } }.
func (in eksInputs) groupVolumes(t *model.LaunchTemplate, get groupGetter) {
	t.VolumesAt, t.VolumesKnown = t.Range, true
	v, r, ok := get("block_device_mappings")
	if !ok {
		return
	}
	t.VolumesAt = r
	if !v.IsWhollyKnown() || !v.CanIterateElements() {
		t.VolumesKnown = false
		return
	}
	for it := v.ElementIterator(); it.Next(); {
		k, bd := it.Element()
		name := ""
		if k.Type() == cty.String {
			name = k.AsString()
		}
		if d, ok := lookup(bd, "device_name"); ok {
			if s, known := strOf(d); known {
				name = s
			}
		}
		ebs, ok := lookup(bd, "ebs")
		if !ok {
			continue
		}
		vr, er := r, r
		if k.Type() == cty.String {
			if _, at, ok := get("block_device_mappings", k.AsString()); ok {
				vr, er = at, at
			}
			if _, at, ok := get("block_device_mappings", k.AsString(), "ebs"); ok {
				er = at
			}
		}
		vol := model.Volume{Name: name, Range: vr, Encrypted: source.DefaultAt(false, er)}
		if _, ok := lookup(ebs, "snapshot_id"); ok {
			// A volume from a snapshot is encrypted as the snapshot is.
			vol.Encrypted = source.UnknownAt[bool](er)
		}
		if e, ok := lookup(ebs, "encrypted"); ok {
			at := er
			if k.Type() == cty.String {
				if _, a, ok := get("block_device_mappings", k.AsString(), "ebs", "encrypted"); ok {
					at = a
				}
			}
			if b, known := boolOf(e); known {
				vol.Encrypted = source.SetAt(b, at)
			} else {
				vol.Encrypted = source.UnknownAt[bool](at)
			}
		}
		t.Volumes = append(t.Volumes, vol)
	}
}

// boolOf converts a known value to a bool ("true" and "false" included).
func boolOf(v cty.Value) (bool, bool) {
	if !v.IsWhollyKnown() || v.IsNull() {
		return false, false
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil {
		return false, false
	}
	return b.True(), true
}

func strOf(v cty.Value) (string, bool) {
	if !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return "", false
	}
	return s.AsString(), true
}

func intOf(v cty.Value) (int, bool) {
	if !v.IsWhollyKnown() || v.IsNull() {
		return 0, false
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil {
		return 0, false
	}
	i, _ := n.AsBigFloat().Int64()
	return int(i), true
}
