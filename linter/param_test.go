package linter

import (
	"reflect"
	"testing"
)

func TestParamConvert(t *testing.T) {
	for _, c := range []struct {
		p    Param
		in   any
		want any
		err  bool
	}{
		{Param{Kind: StringList}, []any{"a", "b"}, []string{"a", "b"}, false},
		{Param{Kind: StringList}, nil, []string{}, false},
		{Param{Kind: StringList}, []any{"a", 1}, nil, true},
		{Param{Kind: StringList}, "a", nil, true},
		{Param{Kind: Int}, 90, 90, false},
		{Param{Kind: Int}, "90", nil, true},
		{Param{Kind: Bool}, true, true, false},
		{Param{Kind: Bool}, "yes", nil, true},
		{Param{Kind: String}, "x", "x", false},
		{Param{Kind: String}, 1, nil, true},
	} {
		got, err := c.p.Convert(c.in)
		if (err != nil) != c.err || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v.Convert(%#v) = %#v, %v", c.p.Kind, c.in, got, err)
		}
	}
}

func TestPassParams(t *testing.T) {
	r := &Rule{ID: "EKS-X-001", Params: []Param{
		{Name: "days", Kind: Int, Default: 90},
		{Name: "names", Kind: StringList, Default: []string{"d"}},
	}}
	p := &Pass{Rule: r, params: map[string]any{"names": []string{"x"}}}
	if p.Int("days") != 90 || !reflect.DeepEqual(p.Strings("names"), []string{"x"}) {
		t.Errorf("params: days=%d names=%v", p.Int("days"), p.Strings("names"))
	}
	defer func() {
		if recover() == nil {
			t.Error("reading an undeclared parameter did not panic")
		}
	}()
	p.Bool("undeclared")
}
