package eksctl

// schemaTable lists every key eksctl's ClusterConfig accepts, with the type
// eksctl's decoder expects there. It is this project's own table of
// eksctl's API (field names and types as in pkg/apis/eksctl.io/v1alpha5,
// eksctl v0.230.0, 2026-08-21; cross-checked with that release's
// assets/schema.json). eksctl decodes a config with sigs.k8s.io/yaml's
// UnmarshalStrict, so an unknown key makes it refuse the whole file.
//
// The format, one struct per block:
//
//	Name {            a mapping with exactly these keys
//	Name lenient {    eksctl ignores unknown keys here, and reads known
//	                  ones in any case (identityProviders and vpc.subnets
//	                  are decoded by an UnmarshalJSON of eksctl's own, with
//	                  the plain, case-insensitive json.Unmarshal)
//		key type
//	}
//
// Types: string, bool, int, number, any (not checked), map (a mapping of
// strings), map[T] (a mapping of T), []T (a list of T), a struct's Name,
// and enums: `string = a|b` (exact), `string ~ a|b` (any case, as eksctl
// compares with strings.EqualFold), `int = 1|3`.
//
// Enums beyond the schema's come from eksctl's validation: access scope
// types and authentication modes (access_entry.go, validation.go), taint
// effects (pkg/utils/taints), log retention days (cloudwatch.go).
const schemaTable = `
AZSubnetSpec lenient {
	az string
	cidr string
	id string
}
AccessConfig {
	accessEntries []AccessEntry
	authenticationMode string = API|API_AND_CONFIG_MAP|CONFIG_MAP
	bootstrapClusterCreatorAdminPermissions bool
}
AccessEntry {
	accessPolicies []AccessPolicy
	kubernetesGroups []string
	kubernetesUsername string
	principalARN string
	type string
}
AccessPolicy {
	accessScope AccessScope
	policyARN string
}
AccessScope {
	namespaces []string
	type string = cluster|namespace
}
Addon {
	attachPolicy any
	attachPolicyARNs []string
	configurationValues string
	name string
	namespaceConfig AddonNamespaceConfig
	owners []string
	permissionsBoundary string
	podIdentityAssociations []PodIdentityAssociation
	publishers []string
	resolveConflicts string
	serviceAccountRoleARN string
	tags map
	types []string
	useDefaultPodIdentityAssociations bool
	version string
	wellKnownPolicies WellKnownPolicies
}
AddonNamespaceConfig {
	namespace string
}
AddonsConfig {
	autoApplyPodIdentityAssociations bool
	disableDefaultAddons bool
}
ArgoCDAWSIDC {
	idcInstanceArn string
	idcRegion string
}
ArgoCDConfiguration {
	awsIdc ArgoCDAWSIDC
	namespace string
	networkAccess ArgoCDNetworkAccess
	rbacRoleMappings []ArgoCDRoleMapping
}
ArgoCDNetworkAccess {
	vpceIds []string
}
ArgoCDRoleMapping {
	identities []SSOIdentity
	role string
}
AutoModeConfig {
	enabled bool
	nodePools []string
	nodeRoleARN string
	permissionsBoundaryARN string
}
Capability {
	accessPolicies []AccessPolicy
	attachPolicy any
	attachPolicyARNs []string
	configuration CapabilityConfiguration
	deletePropagationPolicy string
	name string
	permissionsBoundary string
	roleArn string
	tags map
	type string
}
CapabilityConfiguration {
	argocd ArgoCDConfiguration
}
CapacityReservation {
	capacityReservationPreference string
	capacityReservationTarget CapacityReservationTarget
}
CapacityReservationTarget {
	capacityReservationID string
	capacityReservationResourceGroupARN string
}
ClusterCloudWatch {
	clusterLogging ClusterCloudWatchLogging
}
ClusterCloudWatchLogging {
	enableTypes []string = api|audit|authenticator|controllerManager|scheduler|all|*
	logRetentionInDays int = 1|3|5|7|14|30|60|90|120|150|180|365|400|545|731|1827|3653
}
ClusterConfig {
	accessConfig AccessConfig
	addons []Addon
	addonsConfig AddonsConfig
	apiVersion string = eksctl.io/v1alpha5
	autoModeConfig AutoModeConfig
	availabilityZones []string
	capabilities []Capability
	cloudWatch ClusterCloudWatch
	controlPlaneScalingConfig ControlPlaneScalingConfig
	fargateProfiles []FargateProfile
	gitops GitOps
	iam ClusterIAM
	iamIdentityMappings []IAMIdentityMapping
	identityProviders []IdentityProvider
	karpenter Karpenter
	kind string = ClusterConfig
	kubeAPIServerConfig KubeAPIServerConfig
	kubeControllerManagerConfig KubeControllerManagerConfig
	kubeSchedulerConfig KubeSchedulerConfig
	kubernetesNetworkConfig KubernetesNetworkConfig
	localZones []string
	managedNodeGroups []ManagedNodeGroup
	metadata ClusterMeta
	nodeGroups []NodeGroup
	outpost Outpost
	privateCluster PrivateCluster
	remoteNetworkConfig RemoteNetworkConfig
	secretsEncryption SecretsEncryption
	upgradePolicy UpgradePolicy
	vpc ClusterVPC
	zonalShiftConfig ZonalShiftConfig
}
ClusterEndpoints {
	privateAccess bool
	publicAccess bool
}
ClusterIAM {
	fargatePodExecutionRoleARN string
	fargatePodExecutionRolePermissionsBoundary string
	podIdentityAssociations []PodIdentityAssociation
	serviceAccounts []ClusterIAMServiceAccount
	serviceRoleARN string
	serviceRolePermissionsBoundary string
	vpcResourceControllerPolicy bool
	withOIDC bool
}
ClusterIAMMeta {
	annotations map
	labels map
	name string
	namespace string
}
ClusterIAMServiceAccount {
	attachPolicy any
	attachPolicyARNs []string
	attachRoleARN string
	metadata ClusterIAMMeta
	permissionsBoundary string
	roleName string
	roleOnly bool
	status ClusterIAMServiceAccountStatus
	subjectPattern string
	tags map
	wellKnownPolicies WellKnownPolicies
}
ClusterIAMServiceAccountStatus {
	capabilities []string
	roleARN string
	stackName string
	tags map
}
ClusterMeta {
	annotations map
	forceUpdateVersion bool
	name string
	region string
	rollbackConfig RollbackConfig
	tags map
	version string
}
ClusterNAT {
	gateway string = HighlyAvailable|Single|Disable
}
ClusterSubnets {
	private map[AZSubnetSpec]
	public map[AZSubnetSpec]
}
ClusterVPC {
	autoAllocateIPv6 bool
	cidr string
	clusterEndpoints ClusterEndpoints
	controlPlaneEgressMode string
	controlPlaneOnPrivateSubnets bool
	controlPlaneSecurityGroupIDs []string
	controlPlaneSubnetIDs []string
	extraCIDRs []string
	extraIPv6CIDRs []string
	hostnameType string
	id string
	ipv6Cidr string
	ipv6Pool string
	manageSharedNodeSecurityGroupRules bool
	nat ClusterNAT
	publicAccessCIDRs []string
	securityGroup string
	sharedNodeSecurityGroup string
	subnets ClusterSubnets
}
ControlPlaneScalingConfig {
	tier string
}
FargateProfile {
	name string
	podExecutionRoleARN string
	selectors []FargateProfileSelector
	status string
	subnets []string
	tags map
}
FargateProfileSelector {
	labels map
	namespace string
}
Flux {
	flags map
	gitProvider string
}
GitOps {
	flux Flux
}
HorizontalPodAutoscalerControllerConfig {
	horizontalPodAutoscalerSyncPeriod string
}
IAMIdentityMapping {
	account string
	arn string
	groups []string
	namespace string
	noDuplicateARNs bool
	serviceName string
	username string
}
IdentityProvider lenient {
	clientID string
	groupsClaim string
	groupsPrefix string
	issuerURL string
	name string
	requiredClaims map
	tags map
	type string = oidc
	usernameClaim string
	usernamePrefix string
}
InstanceMarketOptions {
	marketType string
}
InstanceSelector {
	allow string
	cpuArchitecture string = x86_64|amd64|arm64
	deny string
	gpus int
	memory string
	neuron_devices int
	vCPUs int
}
Karpenter {
	createServiceAccount bool
	defaultInstanceProfile string
	version string
	withSpotInterruptionQueue bool
}
KubeAPIServerConfig {
	eventTTL string
	serviceNodePortRange ServiceNodePortRange
}
KubeControllerManagerConfig {
	horizontalPodAutoscalerControllerConfig HorizontalPodAutoscalerControllerConfig
}
KubeSchedulerConfig {
	nodeResourcesFit NodeResourcesFitConfig
}
KubernetesNetworkConfig {
	ipFamily string ~ IPv4|IPv6
	serviceIPv4CIDR string
	serviceIPv6CIDR string
}
LaunchTemplate {
	id string
	version string
}
ManagedNodeGroup {
	additionalVolumes []VolumeMapping
	ami string
	amiFamily string ~ AmazonLinux2023|AmazonLinux2|UbuntuPro2604|Ubuntu2604|UbuntuPro2404|Ubuntu2404|UbuntuPro2204|Ubuntu2204|UbuntuPro2004|Ubuntu2004|Bottlerocket|BottlerocketFips|WindowsServer2019CoreContainer|WindowsServer2019FullContainer|WindowsServer2022CoreContainer|WindowsServer2022FullContainer|WindowsServer2025CoreContainer|WindowsServer2025FullContainer
	asgSuspendProcesses []string
	availabilityZones []string
	bottlerocket NodeGroupBottlerocket
	capacityReservation CapacityReservation
	desiredCapacity int
	disableIMDSv1 bool
	disablePodIMDS bool
	ebsOptimized bool
	efaEnabled bool
	enableDetailedMonitoring bool
	iam NodeGroupIAM
	instanceMarketOptions InstanceMarketOptions
	instanceName string
	instancePrefix string
	instanceSelector InstanceSelector
	instanceType string
	instanceTypes []string
	labels map
	launchTemplate LaunchTemplate
	maxPodsPerNode int
	maxSize int
	minSize int
	name string
	nodeRepairConfig NodeGroupNodeRepairConfig
	outpostARN string
	overrideBootstrapCommand string
	placement Placement
	preBootstrapCommands []string
	privateNetworking bool
	propagateASGTags bool
	releaseVersion string
	securityGroups NodeGroupSGs
	spot bool
	ssh NodeGroupSSH
	subnets []string
	tags map
	taints []NodeGroupTaint
	updateConfig NodeGroupUpdateConfig
	volumeEncrypted bool
	volumeIOPS int
	volumeKmsKeyID string
	volumeName string
	volumeSize int
	volumeThroughput int
	volumeType string = gp2|gp3|io1|io2|sc1|st1
}
MetricsCollection {
	granularity string
	metrics []string
}
NodeGroup {
	additionalVolumes []VolumeMapping
	ami string
	amiFamily string ~ AmazonLinux2023|AmazonLinux2|UbuntuPro2604|Ubuntu2604|UbuntuPro2404|Ubuntu2404|UbuntuPro2204|Ubuntu2204|UbuntuPro2004|Ubuntu2004|Bottlerocket|BottlerocketFips|WindowsServer2019CoreContainer|WindowsServer2019FullContainer|WindowsServer2022CoreContainer|WindowsServer2022FullContainer|WindowsServer2025CoreContainer|WindowsServer2025FullContainer
	asgMetricsCollection []MetricsCollection
	asgSuspendProcesses []string
	availabilityZones []string
	bottlerocket NodeGroupBottlerocket
	capacityReservation CapacityReservation
	classicLoadBalancerNames []string
	clusterDNS string
	containerRuntime string
	cpuCredits string
	desiredCapacity int
	disableIMDSv1 bool
	disablePodIMDS bool
	ebsOptimized bool
	efaEnabled bool
	enableDetailedMonitoring bool
	enclaveEnabled bool
	iam NodeGroupIAM
	instanceMarketOptions InstanceMarketOptions
	instanceName string
	instancePrefix string
	instanceSelector InstanceSelector
	instanceType string
	instancesDistribution NodeGroupInstancesDistribution
	kubeletExtraConfig any
	labels map
	localZones []string
	maxInstanceLifetime int
	maxPodsPerNode int
	maxSize int
	minSize int
	name string
	outpostARN string
	overrideBootstrapCommand string
	placement Placement
	preBootstrapCommands []string
	privateNetworking bool
	propagateASGTags bool
	securityGroups NodeGroupSGs
	ssh NodeGroupSSH
	subnets []string
	tags map
	taints any
	targetGroupARNs []string
	updateConfig NodeGroupUpdateConfig
	volumeEncrypted bool
	volumeIOPS int
	volumeKmsKeyID string
	volumeName string
	volumeSize int
	volumeThroughput int
	volumeType string = gp2|gp3|io1|io2|sc1|st1
}
NodeGroupBottlerocket {
	enableAdminContainer bool
	settings any
}
NodeGroupIAM {
	attachPolicy any
	attachPolicyARNs []string
	instanceProfileARN string
	instanceRoleARN string
	instanceRoleName string
	instanceRolePermissionsBoundary string
	withAddonPolicies NodeGroupIAMAddonPolicies
}
NodeGroupIAMAddonPolicies {
	albIngress bool
	appMesh bool
	appMeshPreview bool
	autoScaler bool
	awsLoadBalancerController bool
	certManager bool
	cloudWatch bool
	ebs bool
	efs bool
	externalDNS bool
	fsx bool
	imageBuilder bool
	xRay bool
}
NodeGroupInstancesDistribution {
	capacityRebalance bool
	instanceTypes []string
	maxPrice number
	onDemandBaseCapacity int
	onDemandPercentageAboveBaseCapacity int
	spotAllocationStrategy string
	spotInstancePools int
}
NodeGroupNodeRepairConfig {
	enabled bool
	maxParallelNodesRepairedCount int
	maxParallelNodesRepairedPercentage int
	maxUnhealthyNodeThresholdCount int
	maxUnhealthyNodeThresholdPercentage int
	nodeRepairConfigOverrides []NodeRepairConfigOverride
}
NodeGroupSGs {
	attachIDs []string
	withLocal bool
	withShared bool
}
NodeGroupSSH {
	allow bool
	enableSsm bool
	publicKey string
	publicKeyName string
	publicKeyPath string
	sourceSecurityGroupIds []string
}
NodeGroupTaint {
	effect string = NoSchedule|PreferNoSchedule|NoExecute
	key string
	value string
}
NodeGroupUpdateConfig {
	maxUnavailable int
	maxUnavailablePercentage int
}
NodeRepairConfigOverride {
	minRepairWaitTimeMins int
	nodeMonitoringCondition string
	nodeUnhealthyReason string
	repairAction string
}
NodeResourcesFitConfig {
	scoringStrategy ScoringStrategy
}
Outpost {
	controlPlaneInstanceType string
	controlPlaneOutpostARN string
	controlPlanePlacement Placement
	etcdInstanceType string
	etcdPlacement Placement
}
Placement {
	groupName string
	spreadLevel string
}
PodIdentityAssociation {
	createServiceAccount bool
	disableSessionTags bool
	namespace string
	permissionPolicy any
	permissionPolicyARNs []string
	permissionPolicyName string
	permissionsBoundaryARN string
	policy string
	roleARN string
	roleName string
	serviceAccountName string
	tags map
	targetRoleARN string
	wellKnownPolicies WellKnownPolicies
}
PrivateCluster {
	additionalEndpointServices []string
	enabled bool
	skipEndpointCreation bool
}
RemoteNetwork {
	cidrs []string
}
RemoteNetworkConfig {
	iam RemoteNodesIAM
	remoteNodeNetworks []RemoteNetwork
	remotePodNetworks []RemoteNetwork
	vpcGatewayID string
}
RemoteNodesIAM {
	caBundleCert string
	provider string
	roleARN string
}
ResourceWeight {
	name string
	weight int
}
RollbackConfig {
	timeoutMinutes int
}
SSOIdentity {
	id string
	type string
}
ScoringStrategy {
	resources []ResourceWeight
	type string
}
SecretsEncryption {
	keyARN string
}
ServiceNodePortRange {
	maxPort int
	minPort int
}
UpgradePolicy {
	supportType string = STANDARD|EXTENDED
}
VolumeMapping {
	snapshotID string
	volumeEncrypted bool
	volumeIOPS int
	volumeKmsKeyID string
	volumeName string
	volumeSize int
	volumeThroughput int
	volumeType string = gp2|gp3|io1|io2|sc1|st1
}
WellKnownPolicies {
	autoScaler bool
	awsLoadBalancerController bool
	certManager bool
	ebsCSIController bool
	efsCSIController bool
	externalDNS bool
	imageBuilder bool
}
ZonalShiftConfig {
	enabled bool
}
`
