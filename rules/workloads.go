package rules

import "github.com/ekslint/ekslint/linter"

// workloads lists the Kubernetes workload rules in catalog order.
var workloads = []*linter.Rule{K8S010, K8S011, K8S020, K8S021, K8S022, K8S023}
