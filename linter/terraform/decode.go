package terraform

import (
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// decodeFuncs turn a text into a value, and nothing but the text decides
// which: the same text always decodes to the same value.
var decodeFuncs = map[string]bool{"jsondecode": true, "yamldecode": true, "csvdecode": true}

// decodeKey is one call of a decode function.
type decodeKey struct{ name, text string }

// decoded is what a decode function gave for one text: the type that go-cty
// asks for before each call, and the value.
type decoded struct {
	ty     cty.Type
	tyErr  error
	val    cty.Value
	valErr error
}

// decode returns what decode function name (f, unguarded) gives for args,
// decoded once for the root module and every module it calls. A module
// called a thousand times decodes the same file in each instance, and
// go-cty decodes each text three times a call (the type twice, the value
// once): 600 KB of JSON takes it 0.3 s, and 1,000 instances took 325 s.
// ok is false when the argument is not a known, unmarked string: such calls
// are made as they come.
func (m *module) decode(name string, f function.Function, args []cty.Value) (decoded, bool) {
	if !decodeFuncs[name] || len(args) != 1 {
		return decoded{}, false
	}
	a := args[0]
	if !a.IsKnown() || a.IsNull() || a.IsMarked() || a.Type() != cty.String {
		return decoded{}, false
	}
	k := decodeKey{name, a.AsString()}
	if d, ok := m.calls.decoded[k]; ok {
		return d, true
	}
	var d decoded
	d.ty, d.tyErr = f.ReturnTypeForValues(args)
	if d.tyErr == nil {
		d.val, d.valErr = f.Call(args)
	}
	if m.calls.decoded == nil {
		m.calls.decoded = map[decodeKey]decoded{}
	}
	m.calls.decoded[k] = d
	return d, true
}
