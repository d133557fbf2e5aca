package suppress

import (
	"reflect"
	"testing"
)

func TestFromComment(t *testing.T) {
	tests := []struct {
		text, rest string
		ok         bool
	}{
		{" ekslint:ignore EKS-CP-001 -- r", " EKS-CP-001 -- r", true},
		{"ekslint:ignore\tEKS-CP-001 -- r", "\tEKS-CP-001 -- r", true},
		{"ekslint:ignore: EKS-CP-001 -- r", " EKS-CP-001 -- r", true},
		{"# ekslint:ignore EKS-CP-001 -- r", " EKS-CP-001 -- r", true},
		{"\n * ekslint:ignore EKS-CP-001 -- r\n", " EKS-CP-001 -- r\n", true},
		{" ekslint:ignore", "", true},
		{" ekslint:ignored EKS-CP-001 -- r", "", false},
		{" ekslint:ignore-next-line EKS-CP-001", "", false},
		{" see ekslint:ignore EKS-CP-001 -- r", "", false},
		{" EKSLINT:IGNORE EKS-CP-001 -- r", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		rest, ok := fromComment(tt.text)
		if rest != tt.rest || ok != tt.ok {
			t.Errorf("fromComment(%q) = %q, %v; want %q, %v", tt.text, rest, ok, tt.rest, tt.ok)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want parsed
	}{
		{" EKS-CP-001 -- sandbox", parsed{[]string{"EKS-CP-001"}, "sandbox", true}},
		{"EKS-CP-001,EKS-CP-002--sandbox", parsed{[]string{"EKS-CP-001", "EKS-CP-002"}, "sandbox", true}},
		{" eks-cp-001 ,  EKS-CP-002 ,, -- a -- b", parsed{[]string{"EKS-CP-001", "EKS-CP-002"}, "a -- b", true}},
		{" EKS-CP-001 -- torn down\n   nightly ", parsed{[]string{"EKS-CP-001"}, "torn down nightly", true}},
		{" EKS-CP-001", parsed{[]string{"EKS-CP-001"}, "", false}},
		{" EKS-CP-001 --  ", parsed{[]string{"EKS-CP-001"}, "", false}},
		{" -- why", parsed{nil, "why", true}},
		{"", parsed{}},
	}
	for _, tt := range tests {
		if got := parse(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parse(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}
