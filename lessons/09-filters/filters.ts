// Lesson 09 — scheduler filters. Write the four functions below; `npm run lesson -- grade 09`
// grades them. Each decides, for one pod and one node, whether the node can take the pod, and
// returns a Status: `success`, or a rejection with Kubernetes' exact reason text.
//
// Your filters plug into the reference scheduler: src/scheduler/filter-function.ts turns each
// into a FilterPlugin, and the grader runs a whole scheduling cycle with them.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { NodeInfo } from '../../src/scheduler/node-info.ts'
import type { Status } from '../../src/scheduler/status.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { Pod, Container, Node, Taint, Toleration, NodeSelectorRequirement } from 'kubernetes-types/core/v1.js'
export type { NodeInfo } from '../../src/scheduler/node-info.ts'
export type { Resource, ResourceView } from '../../src/scheduler/resource.ts'
export type { Status } from '../../src/scheduler/status.ts'
/** Status values: `success`, `unschedulable(...reasons)`, `unresolvable(...reasons)` (UnschedulableAndUnresolvable). */
export { success, unschedulable, unresolvable } from '../../src/scheduler/status.ts'
/** `resourceFromList(container.resources?.requests)`: cpu in milli-cpu, memory in bytes, extended resources by name. */
export { resourceFromList } from '../../src/scheduler/pod-requests.ts'
export { emptyResource } from '../../src/scheduler/resource.ts'

/** The reasons, word for word as kube-scheduler writes them. */
export const reasons = {
  unschedulable: 'node(s) were unschedulable',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  /** `node(s) had untolerated taint {<key>: <value>}` for the first such taint in node.spec.taints. */
  untoleratedTaint: (key: string, value: string) => `node(s) had untolerated taint {${key}: ${value}}`,
  tooManyPods: 'Too many pods',
  /** `Insufficient cpu`, `Insufficient memory`, `Insufficient ephemeral-storage`, `Insufficient example.com/gpu`. */
  insufficient: (resourceName: string) => `Insufficient ${resourceName}`,
} as const

/**
 * NodeUnschedulable. A node with `spec.unschedulable: true` (cordoned) takes no new pods,
 * except pods that tolerate the taint `node.kubernetes.io/unschedulable` with effect
 * `NoSchedule` (DaemonSet pods carry that toleration). Reject with
 * `unresolvable(reasons.unschedulable)`.
 */
export function nodeUnschedulable(pod: Pod, nodeInfo: NodeInfo): Status {
  throw new NotImplemented('nodeUnschedulable')
}

/**
 * NodeAffinity. The node must match `pod.spec.nodeSelector` (every key present with exactly
 * that value) AND `pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`:
 * its nodeSelectorTerms are ORed, the matchExpressions inside one term are ANDed, and the
 * operators are In, NotIn, Exists, DoesNotExist (NotIn and DoesNotExist hold for a node that
 * lacks the label). Reject with `unresolvable(reasons.nodeAffinity)`.
 */
export function nodeAffinity(pod: Pod, nodeInfo: NodeInfo): Status {
  throw new NotImplemented('nodeAffinity')
}

/**
 * TaintToleration. Every taint on the node with effect NoSchedule or NoExecute must be tolerated
 * by at least one of the pod's tolerations; PreferNoSchedule taints never reject. Reject with
 * `unresolvable(reasons.untoleratedTaint(key, value))` naming the first untolerated taint.
 */
export function taintToleration(pod: Pod, nodeInfo: NodeInfo): Status {
  throw new NotImplemented('taintToleration')
}

/**
 * NodeResourcesFit. The node needs room for one more pod (`nodeInfo.pods.length + 1` within
 * `nodeInfo.allocatable.allowedPodNumber`), and for every resource the pod requests (> 0):
 * request + `nodeInfo.requested` ≤ `nodeInfo.allocatable`. The pod's request is the max of
 * (the sum of its containers plus its sidecars) and each init container (plus the sidecars
 * started before it), plus `spec.overhead`. Reject with every reason that applies, in this order:
 * Too many pods, cpu, memory, ephemeral-storage, extended resources; the code is
 * `unresolvable` when the pod asks for more of some resource than the node's whole allocatable,
 * else `unschedulable`.
 */
export function nodeResourcesFit(pod: Pod, nodeInfo: NodeInfo): Status {
  throw new NotImplemented('nodeResourcesFit')
}
