package model

// Audit holds what records and watches the clusters: CloudWatch log
// groups, GuardDuty detectors and CloudTrail trails.
type Audit struct {
}

func (m *Audit) merge(o *Audit) {
}
