package model

import "github.com/ekslint/ekslint/linter/source"

// ContainerKind distinguishes the three container lists of a pod spec.
type ContainerKind uint8

const (
	// App is an entry of containers[].
	App ContainerKind = iota
	// Init is an entry of initContainers[].
	Init
	// Ephemeral is an entry of ephemeralContainers[].
	Ephemeral
)

func (k ContainerKind) String() string {
	switch k {
	case Init:
		return "initContainer"
	case Ephemeral:
		return "ephemeralContainer"
	}
	return "container"
}

// Workload is a Kubernetes object that holds a pod spec.
type Workload struct {
	Object
	Name      string
	Namespace string // "default" when omitted
	// PodSpec is the range of the pod spec mapping's key (e.g. "spec" of a
	// Pod, the "spec" under template), for findings about the pod as a whole.
	PodSpec source.Range
	// LongRunning is false for kinds whose pods are meant to finish: Job,
	// CronJob, and a Pod whose restartPolicy is Never or OnFailure. Probe
	// rules skip them.
	LongRunning bool
	Containers  []*Container

	// Pod security (host namespaces, volumes, security contexts).

	// HostNetwork, HostPID, HostIPC: Set at the key through its value;
	// Default false at PodSpec when omitted.
	HostNetwork source.Value[bool]
	HostPID     source.Value[bool]
	HostIPC     source.Value[bool]
	// HostPaths are the volumes[] entries with a hostPath source.
	HostPaths []HostPathVolume
	// PodSecurity is the pod-level securityContext. Its Default values
	// point at the securityContext key, or at PodSpec when it is absent.
	PodSecurity SecurityContext
	// AppArmorAnnotations are the legacy per-container annotations
	// container.apparmor.security.beta.kubernetes.io/<container> of the pod
	// template's metadata, by container name (Set at the annotation).
	AppArmorAnnotations map[string]source.Value[string]
	// Windows is true when spec.os.name is windows: Linux security modules
	// (seccomp, AppArmor, SELinux) do not apply to the pod.
	Windows bool

	// Cross-object facts (labels, replicas, service account).

	// TemplateLabels are the pod template's metadata.labels (a Pod's own):
	// Default empty at the object's header when absent; Unknown when they
	// cannot be read (a template placeholder, a wrong shape).
	TemplateLabels source.Value[map[string]string]
	// Replicas is spec.replicas for Deployment, StatefulSet, ReplicaSet,
	// ReplicationController (Default 1 at spec when omitted) and custom
	// resources that write it; Unknown for the other kinds.
	Replicas source.Value[int]
	// ServiceAccountName is spec.serviceAccountName (or the deprecated
	// serviceAccount): Default "default" at PodSpec when omitted.
	ServiceAccountName source.Value[string]
	// AutomountToken is the pod's automountServiceAccountToken: Set when
	// written; Default true at PodSpec when omitted (the ServiceAccount's
	// setting then decides).
	AutomountToken source.Value[bool]
	// AntiAffinity are the affinity.podAntiAffinity terms (required and
	// preferred): Default empty at PodSpec when absent; Unknown when of the
	// wrong shape.
	AntiAffinity source.Value[[]AffinityTerm]
	// SpreadConstraints are spec.topologySpreadConstraints, likewise.
	SpreadConstraints source.Value[[]SpreadConstraint]
}

// AffinityTerm is a podAntiAffinity term (a preferred one's
// podAffinityTerm).
type AffinityTerm struct {
	Range    source.Range // the list item
	Required bool
	// TopologyKey is "" when absent.
	TopologyKey string
	// Selector is labelSelector (Default: absent, which selects no pod).
	Selector source.Value[LabelSelector]
	// Namespaces and NamespaceSelector say which namespaces the term looks
	// in: the pod's own when neither is written.
	Namespaces           []string
	NamespaceSelectorSet bool
	// MatchLabelKeys are label keys whose values the pod's own labels
	// supply to the selector.
	MatchLabelKeys []string
}

// SpreadConstraint is a topologySpreadConstraints entry.
type SpreadConstraint struct {
	Range       source.Range
	TopologyKey string
	// Selector is labelSelector (Default: absent, which counts no pod).
	Selector       source.Value[LabelSelector]
	MatchLabelKeys []string
}

// Container is one entry of a pod spec's container lists.
type Container struct {
	Name string
	Kind ContainerKind
	// Range is the list item (its first key), where findings about
	// something missing point.
	Range source.Range
	// Sidecar is true for an init container with restartPolicy: Always
	// (a native sidecar, which runs for the pod's life).
	Sidecar bool

	Image source.Value[string]

	// Probes: present (true) or absent (Default false, at the item).
	LivenessProbe  source.Value[bool]
	ReadinessProbe source.Value[bool]

	// Resources: the quantity as written; Default "" when absent (Range:
	// the nearest existing of resources.requests/limits, resources, or the
	// item). A limit does not fill in a missing request here: rules apply
	// Kubernetes' defaulting themselves.
	CPURequest    source.Value[string]
	MemoryRequest source.Value[string]
	CPULimit      source.Value[string]
	MemoryLimit   source.Value[string]

	// Security context.

	// Privileged is securityContext.privileged (Default false at the
	// securityContext key, or the item).
	Privileged source.Value[bool]
	// Security is the container's own securityContext (not merged with the
	// pod's: rules apply Kubernetes' precedence themselves).
	Security SecurityContext
}

// HostPathVolume is a volumes[] entry with a hostPath source.
type HostPathVolume struct {
	Name string
	// Range is the hostPath key.
	Range source.Range
	// Path is hostPath.path as written (Unknown when not a string).
	Path source.Value[string]
}

// SecurityContext holds the Linux security module settings that a pod's or
// a container's securityContext shares. Omitted strings are Default "".
type SecurityContext struct {
	// Seccomp is seccompProfile.type (RuntimeDefault, Localhost, Unconfined).
	Seccomp source.Value[string]
	// AppArmor is appArmorProfile.type (RuntimeDefault, Localhost, Unconfined).
	AppArmor source.Value[string]
	// SELinux is seLinuxOptions; Present is Set true when the mapping is written.
	SELinux SELinuxOptions
}

// SELinuxOptions is securityContext.seLinuxOptions.
type SELinuxOptions struct {
	Present                 source.Value[bool]
	User, Role, Type, Level source.Value[string]
}
