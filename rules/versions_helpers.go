package rules

import (
	"fmt"
	"strings"

	"github.com/ekslint/ekslint/linter"
	"github.com/ekslint/ekslint/linter/eksdata"
	"github.com/ekslint/ekslint/linter/model"
	"github.com/ekslint/ekslint/linter/source"
)

// versionFormats are the formats that declare a cluster version.
var versionFormats = []model.Format{model.Terraform, model.Module, model.Eksctl}

// support is what the EKS version table says of a cluster's version.
type support struct {
	minor  int
	row    *eksdata.Version // nil for a version older than the table
	status eksdata.Status
	data   *eksdata.Data
}

// clusterSupport judges a cluster's written version at the run's date; ok
// is false when the version is omitted, unknown or not a Kubernetes
// version, or when the table cannot say (a version newer than it knows).
func clusterSupport(p *linter.Pass, c *model.Cluster) (support, bool) {
	if !c.Version.IsSet() {
		return support{}, false
	}
	m, ok := eksdata.Minor(c.Version.Val)
	if !ok {
		return support{}, false
	}
	d := p.EKSData()
	row, status := d.Lookup(m, p.AsOf)
	return support{minor: m, row: row, status: status, data: d}, status != eksdata.Unknown
}

// versionField names the cluster's version setting in its own format.
func versionField(c *model.Cluster) string {
	return field(&c.Object, "version", "metadata.version")
}

// upgradeTarget says what to upgrade to: the oldest version in standard
// support at the run's date.
func (s support) upgradeTarget(p *linter.Pass) string {
	if v := s.data.OldestStandard(p.AsOf); v != nil {
		return fmt.Sprintf("%s or newer", v.Version)
	}
	return "a version in standard support"
}

// upgradeTargets holds upgradeTarget for one run of a rule, which depends
// only on the run's date and EKS table: worked out (and boxed for Report)
// once, not again for every cluster reported.
type upgradeTargets struct{ v any }

func (t *upgradeTargets) of(s support, p *linter.Pass) any {
	if t.v == nil {
		t.v = s.upgradeTarget(p)
	}
	return t.v
}

// standardDaysLeft is how many whole days are left, at the run's date,
// until the end of standard support of a version in the table (zero or
// less once it has ended, or is about to).
func (s support) standardDaysLeft(p *linter.Pass) int {
	return int(s.row.Standard.Sub(p.AsOf).Hours() / 24)
}

// isExtendedPolicy reports whether a known support type is EXTENDED
// (EKS's values are upper case; the comparison forgives case).
func isExtendedPolicy(c *model.Cluster) bool {
	return c.UpgradeSupportType.Known() && strings.EqualFold(strings.TrimSpace(c.UpgradeSupportType.Val), "EXTENDED")
}

// isStandardPolicy reports whether the support type is known to be STANDARD.
func isStandardPolicy(c *model.Cluster) bool {
	return c.UpgradeSupportType.Known() && strings.EqualFold(strings.TrimSpace(c.UpgradeSupportType.Val), "STANDARD")
}

// supportTypeField names upgrade_policy.support_type in the cluster's format.
func supportTypeField(c *model.Cluster) string {
	return field(&c.Object, "upgrade_policy.support_type", "upgradePolicy.supportType")
}

// explicitAddonVersion returns an add-on's version when one is written
// (not omitted, not most_recent/latest) and parses as vX.Y.
func explicitAddonVersion(a *model.Addon) (major, minor int, ok bool) {
	if !a.Version.IsSet() || a.Version.Val == "" || source.IsTrue(a.MostRecent) {
		return 0, 0, false
	}
	return eksdata.Line(a.Version.Val)
}

// addonVersionField names an add-on's version setting in its format.
func addonVersionField(a *model.Addon) string {
	return field(&a.Object, "addon_version", "version")
}

// pinnedAddons calls f for each add-on called name whose version is
// written out (see explicitAddonVersion), of each cluster whose version is
// a known 1.x: minor is the cluster's minor version, major.line the
// add-on's.
func pinnedAddons(p *linter.Pass, name string, f func(c *model.Cluster, a *model.Addon, minor, major, line int)) {
	for _, c := range p.Model.Clusters {
		if !c.Version.IsSet() {
			continue
		}
		minor, ok := eksdata.Minor(c.Version.Val)
		if !ok {
			continue
		}
		for _, a := range c.Addons {
			if a.Name != name {
				continue
			}
			if major, line, ok := explicitAddonVersion(a); ok {
				f(c, a, minor, major, line)
			}
		}
	}
}
