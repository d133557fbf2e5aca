package terraform

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestElementAt checks that appendElements and elements yield what
// ElementIterator yields, in its order, for every kind of value they take.
func TestElementAt(t *testing.T) {
	long := make([]cty.Value, 70) // past the shared keys
	for i := range long {
		long[i] = cty.NumberIntVal(int64(i))
	}
	values := []cty.Value{
		cty.ListValEmpty(cty.String),
		cty.EmptyTupleVal,
		cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")}),
		cty.ListVal([]cty.Value{cty.StringVal("a").Mark("m"), cty.UnknownVal(cty.String), cty.NullVal(cty.String)}),
		cty.TupleVal([]cty.Value{cty.StringVal("a"), cty.True, cty.NumberIntVal(3), cty.DynamicVal}),
		cty.TupleVal([]cty.Value{cty.ListVal([]cty.Value{cty.True}).Mark("m"), cty.EmptyObjectVal}),
		cty.TupleVal(long),
		cty.ListVal(long),
		cty.SetVal([]cty.Value{cty.StringVal("b"), cty.StringVal("a")}),
		cty.MapVal(map[string]cty.Value{"b": cty.True, "a": cty.False}),
		cty.MapValEmpty(cty.Bool),
		cty.ObjectVal(map[string]cty.Value{"z": cty.True, "a": cty.StringVal("x")}),
		cty.EmptyObjectVal,
	}
	for _, v := range values {
		var want []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			want = append(want, e)
		}
		got := appendElements(nil, v)
		var ranged []cty.Value
		for i, e := range elements(v) {
			if i != len(ranged) {
				t.Errorf("%#v: position %d, want %d", v, i, len(ranged))
			}
			ranged = append(ranged, e)
		}
		for _, g := range [][]cty.Value{got, ranged} {
			if len(g) != len(want) {
				t.Fatalf("%#v: %d elements, want %d", v, len(g), len(want))
			}
			for i := range g {
				if !g[i].Type().Equals(want[i].Type()) || !g[i].RawEquals(want[i]) {
					t.Errorf("%#v: element %d is %#v, want %#v", v, i, g[i], want[i])
				}
			}
		}
	}
}
