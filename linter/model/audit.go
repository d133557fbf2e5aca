package model

import "github.com/ekslint/ekslint/linter/source"

// Audit holds what records and watches the clusters: CloudWatch log
// groups, GuardDuty detectors and CloudTrail trails.
type Audit struct {
	LogGroups []*LogGroup
	// Detectors are the GuardDuty detectors (aws_guardduty_detector).
	Detectors []*Detector
	// Features are GuardDuty protection plans: aws_guardduty_detector_feature,
	// aws_guardduty_member_detector_feature (a member account's) and, at
	// organization level, aws_guardduty_organization_configuration_feature.
	Features []*DetectorFeature
	Trails   []*Trail
}

func (m *Audit) merge(o *Audit) {
	m.LogGroups = append(m.LogGroups, o.LogGroups...)
	m.Detectors = append(m.Detectors, o.Detectors...)
	m.Features = append(m.Features, o.Features...)
	m.Trails = append(m.Trails, o.Trails...)
}

// LogGroup is a CloudWatch log group (aws_cloudwatch_log_group).
type LogGroup struct {
	Object
	// Name is the group's name when it can be resolved; Default "" when
	// it is omitted (Terraform generates one, from name_prefix or at
	// random); Unknown otherwise.
	Name source.Value[string]
	// Cluster is the cluster whose control-plane log group this is, when
	// its name refers to that cluster's name but the name itself is not
	// known ("/aws/eks/${var.cluster_name}/cluster", written as the
	// cluster's own name is).
	Cluster *Cluster
	// RetentionDays is retention_in_days; Default 0 (never expire) when
	// omitted.
	RetentionDays source.Value[int]
}

// Detector is a GuardDuty detector (aws_guardduty_detector).
type Detector struct {
	Object
	// Enable is enable; Default true when omitted.
	Enable source.Value[bool]
	// AuditLogs is the deprecated datasources.kubernetes.audit_logs.enable:
	// Set when written, Unknown when the block is not declared (the
	// account's state then decides, which is not knowable offline).
	AuditLogs source.Value[bool]
	// AuditLogsDeclared: datasources.kubernetes.audit_logs is written,
	// whether or not its value can be known.
	AuditLogsDeclared bool
}

// DetectorFeature is one GuardDuty protection plan of a detector
// (aws_guardduty_detector_feature or aws_guardduty_member_detector_feature,
// Status "ENABLED" or "DISABLED") or of an
// organization's auto-enable configuration
// (aws_guardduty_organization_configuration_feature, Org true, Status the
// auto_enable value "ALL", "NEW" or "NONE").
type DetectorFeature struct {
	Object
	Org bool
	// Name is the feature name (EKS_AUDIT_LOGS, EKS_RUNTIME_MONITORING,
	// RUNTIME_MONITORING, …).
	Name   source.Value[string]
	Status source.Value[string]
	// Detector is the detector the feature belongs to, when detector_id
	// refers to one of the input.
	Detector *Detector
	// Additional are the additional_configuration blocks.
	Additional []FeatureConfig
}

// FeatureConfig is an additional_configuration block of a feature
// (EKS_ADDON_MANAGEMENT, …); Status is status, or auto_enable for an
// organization feature.
type FeatureConfig struct {
	Range  source.Range
	Name   source.Value[string]
	Status source.Value[string]
}

// Trail is a CloudTrail trail (aws_cloudtrail).
type Trail struct {
	Object
	// MultiRegion is is_multi_region_trail; Default false.
	MultiRegion source.Value[bool]
	// LogFileValidation is enable_log_file_validation; Default false.
	LogFileValidation source.Value[bool]
	// Logging is enable_logging; Default true.
	Logging source.Value[bool]
}
