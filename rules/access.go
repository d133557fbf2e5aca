package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/model"
)

// accessRules lists the aws-auth rules (EKS-RBAC-010 to 012).
var accessRules = []*linter.Rule{RBAC010, RBAC011, RBAC012}

// authApplies reports whether an aws-auth map takes effect: one known to
// live outside kube-system is not read by EKS (EKS-RBAC-012 says so), so
// what it maps grants nothing.
func authApplies(am *model.AuthMap) bool {
	return !am.Namespace.Known() || am.Namespace.Val == "kube-system"
}

// authPath names an entry for Finding.Path and messages: mapRoles[2],
// aws_auth_users[0], iamIdentityMappings[1].
func authPath(e *model.AuthEntry) string {
	return fmt.Sprintf("%s[%d]", e.List, e.Index)
}

// authWho describes an entry's principal for messages.
func authWho(e *model.AuthEntry) string {
	switch {
	case e.Account.Known():
		return fmt.Sprintf("%s (account %s)", authPath(e), e.Account.Val)
	case e.ARN.Known():
		return fmt.Sprintf("%s (%s)", authPath(e), e.ARN.Val)
	}
	return authPath(e)
}

// roleHasPath reports whether arn is an IAM role ARN with a path
// (arn:aws:iam::111122223333:role/team/admin).
func roleHasPath(arn string) bool {
	if !strings.HasPrefix(arn, "arn:") {
		return false
	}
	_, res, ok := strings.Cut(arn, ":role/")
	return ok && strings.Contains(res, "/")
}

// pathless is arn without the role's path.
func pathless(arn string) string {
	head, res, _ := strings.Cut(arn, ":role/")
	return head + ":role/" + res[strings.LastIndex(res, "/")+1:]
}
