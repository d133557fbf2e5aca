package rules

import "testing"

func TestRoleHasPath(t *testing.T) {
	for arn, want := range map[string]string{
		"arn:aws:iam::111122223333:role/admin":                                                "",
		"arn:aws:iam::111122223333:role/team/admin":                                           "arn:aws:iam::111122223333:role/admin",
		"arn:aws-cn:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_A_1": "arn:aws-cn:iam::111122223333:role/AWSReservedSSO_A_1",
		"arn:aws:iam::111122223333:user/team/alice":                                           "",
		"role/team/admin": "",
	} {
		got := ""
		if roleHasPath(arn) {
			got = pathless(arn)
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", arn, got, want)
		}
	}
}
