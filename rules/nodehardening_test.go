package rules

import (
	"testing"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/lintest"
)

// TestEBSEncryptionByDefault: aws_ebs_encryption_by_default anywhere in the
// run silences EKS-NG-010 for every format, unless it is known to be turned off. Kept
// out of fixtures/EKS-NG-010, whose bad files it would silence.
func TestEBSEncryptionByDefault(t *testing.T) {
	for _, dir := range []string{"testdata/ebs-default-on", "testdata/ebs-default-off", "testdata/ebs-default-unknown"} {
		t.Run(dir, func(t *testing.T) { lintest.Run(t, dir, []*linter.Rule{NG010}) })
	}
}
