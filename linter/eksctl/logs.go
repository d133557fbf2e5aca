package eksctl

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/ekslint/ekslint/linter/source"
	"github.com/ekslint/ekslint/linter/yamldoc"
)

// allLogTypes are eksctl's SupportedCloudWatchClusterLogTypes: what "*"
// and "all" in cloudWatch.clusterLogging.enableTypes stand for.
var allLogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// isWildcardLogType matches eksctl's ContainsWildcardCloudWatchLogging.
func isWildcardLogType(s string) bool { return s == "*" || s == "all" }

// expandLogTypes replaces each wildcard entry by the log types it enables,
// each located at the wildcard. eksctl then enables exactly the five types,
// so a type is not repeated: one the list names itself keeps its own entry,
// and a second wildcard adds nothing. Every other entry is kept as written
// (names are case-sensitive; a rule judges invalid ones).
func expandLogTypes(types source.Strings) source.Strings {
	if !types.Known() {
		return types
	}
	// Only the five types a wildcard adds are ever asked about, so which
	// of them are listed fits in a bit set: no map per cluster.
	var listed logTypeSet
	wildcards := 0
	for _, t := range types.Val {
		if t.Known() {
			listed.add(t.Val)
			if isWildcardLogType(t.Val) {
				wildcards++
			}
		}
	}
	if wildcards == 0 {
		return types
	}
	// Each wildcard goes, and the types not listed come, once.
	n := len(types.Val) - wildcards + len(allLogTypes) - bits.OnesCount8(uint8(listed))
	out := make([]source.Value[string], 0, n)
	for _, t := range types.Val {
		if !t.Known() || !isWildcardLogType(t.Val) {
			out = append(out, t)
			continue
		}
		for i, lt := range allLogTypes {
			if !listed.has(i) {
				listed |= 1 << i
				out = append(out, source.SetAt(lt, t.Range))
			}
		}
	}
	types.Val = out
	return types
}

// logTypeSet holds which of allLogTypes are listed, bit i for allLogTypes[i].
type logTypeSet uint8

// add records t when it is one of allLogTypes.
func (s *logTypeSet) add(t string) {
	if i := slices.Index(allLogTypes, t); i >= 0 {
		*s |= 1 << i
	}
}

func (s logTypeSet) has(i int) bool { return s&(1<<i) != 0 }

// logRetention reads cloudWatch.clusterLogging.logRetentionInDays: omitted
// or 0, eksctl sets no retention on the log group EKS creates, which then
// never expires (eksctl's ClusterCloudWatchLogging; the value is only
// applied when enableTypes is not empty). A value that is not a whole
// number is Unknown; EKS-META-001 reports it.
func logRetention(logging *scope) source.Value[int] {
	p, ok, bad := logging.field("logRetentionInDays")
	switch {
	case bad:
		return source.UnknownAt[int](logging.badAt)
	case !ok:
		return source.DefaultAt(0, logging.missing(p))
	}
	r := logging.a.keyValue(p)
	if kindOf(p.Raw) != numberScalar {
		return source.UnknownAt[int](r)
	}
	n, err := strconv.Atoi(strings.ReplaceAll(yamldoc.Deref(p.Raw).Value, "_", ""))
	if err != nil {
		return source.UnknownAt[int](r)
	}
	return source.SetAt(n, r)
}
