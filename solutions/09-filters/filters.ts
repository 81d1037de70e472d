// Lesson 09 solution: the four filters as plain functions of (pod, node). Compare with the
// plugins in pkg/scheduler/framework/plugins/ (nodeunschedulable, nodeaffinity, tainttoleration,
// noderesources/fit.go) and with the reference in src/scheduler/plugins/.
//
// For the wrong answers in wrong/: the helpers exported below and the optional last argument of
// three filters (the rule they apply to one toleration or one expression) let each wrong answer
// reuse this file and change one step. The scheduler always calls a filter with (pod, nodeInfo).
import type { Container, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import type { NodeInfo } from '../../src/scheduler/node-info.ts'
import { resourceFromList } from '../../src/scheduler/pod-requests.ts'
import { emptyResource, type Resource } from '../../src/scheduler/resource.ts'
import { success, unresolvable, unschedulable, type Status } from '../../src/scheduler/status.ts'

export type { Pod, Container, Node, Taint, Toleration, NodeSelectorRequirement } from 'kubernetes-types/core/v1.js'
export type { NodeInfo } from '../../src/scheduler/node-info.ts'
export type { Resource, ResourceView } from '../../src/scheduler/resource.ts'
export type { Status } from '../../src/scheduler/status.ts'
export { success, unschedulable, unresolvable } from '../../src/scheduler/status.ts'
export { resourceFromList } from '../../src/scheduler/pod-requests.ts'
export { emptyResource } from '../../src/scheduler/resource.ts'

export const reasons = {
  unschedulable: 'node(s) were unschedulable',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  untoleratedTaint: (key: string, value: string) => `node(s) had untolerated taint {${key}: ${value}}`,
  tooManyPods: 'Too many pods',
  insufficient: (resourceName: string) => `Insufficient ${resourceName}`,
} as const

// ─── NodeUnschedulable and TaintToleration ──────────────────────────────────────────────────────

/** Does one toleration tolerate one taint? (Toleration.ToleratesTaint in staging/src/k8s.io/api/core/v1/toleration.go) */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key && toleration.key !== taint.key) return false
  if (toleration.operator === 'Exists') return true
  return (!toleration.operator || toleration.operator === 'Equal') && (toleration.value ?? '') === (taint.value ?? '')
}

/** Does any of the pod's tolerations tolerate the taint? */
function tolerated(pod: Pod, taint: Taint, rule = tolerates): boolean {
  return (pod.spec?.tolerations ?? []).some((t) => rule(t, taint))
}

const cordonTaint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }

export function nodeUnschedulable(pod: Pod, nodeInfo: NodeInfo, rule = tolerates): Status {
  if (!nodeInfo.node.spec?.unschedulable) return success
  return tolerated(pod, cordonTaint, rule) ? success : unresolvable(reasons.unschedulable)
}

export function taintToleration(pod: Pod, nodeInfo: NodeInfo, rule = tolerates): Status {
  for (const taint of nodeInfo.node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!tolerated(pod, taint, rule)) return unresolvable(reasons.untoleratedTaint(taint.key, taint.value ?? ''))
  }
  return success
}

// ─── NodeAffinity ────────────────────────────────────────────────────────────────────────────────

/** Does the node's label set satisfy one matchExpression? (staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go) */
export function requirementHolds(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key)
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
      return has && values.includes(labels[r.key])
    case 'NotIn':
      return !has || !values.includes(labels[r.key])
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    default:
      return false
  }
}

/** A term holds when it has expressions and all of them hold (an empty term matches nothing). */
function termMatches(term: NodeSelectorTerm, labels: Record<string, string>, holds: typeof requirementHolds): boolean {
  const expressions = term.matchExpressions ?? []
  return expressions.length > 0 && expressions.every((r) => holds(r, labels))
}

export function nodeAffinity(pod: Pod, nodeInfo: NodeInfo, holds = requirementHolds): Status {
  const labels = nodeInfo.node.metadata?.labels ?? {}
  const selector = pod.spec?.nodeSelector ?? {}
  const selectorOk = Object.entries(selector).every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v)
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  const affinityOk = !required || required.nodeSelectorTerms.some((t) => termMatches(t, labels, holds))
  return selectorOk && affinityOk ? success : unresolvable(reasons.nodeAffinity)
}

// ─── NodeResourcesFit ────────────────────────────────────────────────────────────────────────────
// Three steps, as in pkg/scheduler/framework/plugins/noderesources/fit.go: what the pod asks for
// (podRequest), what the node lacks for it (insufficientResources), and the Status (fitStatus).

export function add(into: Resource, r: Resource): void {
  into.milliCPU += r.milliCPU
  into.memory += r.memory
  into.ephemeralStorage += r.ephemeralStorage
  for (const [name, n] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + n)
}

export function takeMax(into: Resource, r: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU)
  into.memory = Math.max(into.memory, r.memory)
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage)
  for (const [name, n] of r.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, n))
}

const requestsOf = (c: Container) => resourceFromList(c.resources?.requests)

/**
 * The containers' part of the pod's request: max(Σ containers + Σ sidecars, max_i(init_i + sidecars
 * started before i)) (AggregateContainerRequests in staging/src/k8s.io/component-helpers/resource/helpers.go).
 */
export function containersRequest(pod: Pod): Resource {
  const total = emptyResource()
  for (const c of pod.spec?.containers ?? []) add(total, requestsOf(c))
  const sidecars = emptyResource()
  const initPeak = emptyResource()
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      add(total, requestsOf(c))
      add(sidecars, requestsOf(c))
      takeMax(initPeak, sidecars)
    } else {
      const running = requestsOf(c)
      add(running, sidecars)
      takeMax(initPeak, running)
    }
  }
  takeMax(total, initPeak)
  return total
}

/** What the pod asks of a node: its containers' request plus spec.overhead (PodRequests in the same file). */
export function podRequest(pod: Pod): Resource {
  const request = containersRequest(pod)
  add(request, resourceFromList(pod.spec?.overhead))
  return request
}

/** One thing the node lacks; unresolvable when the pod wants more than the node's whole allocatable, which preemption cannot fix. */
export interface InsufficientResource {
  readonly reason: string
  readonly unresolvable: boolean
}

/** Everything the node lacks for a pod with this request, in the order of the reasons (fitsRequest in fit.go). */
export function insufficientResources(request: Resource, nodeInfo: NodeInfo): InsufficientResource[] {
  const found: InsufficientResource[] = []
  const { allocatable, requested } = nodeInfo
  if (nodeInfo.pods.length + 1 > allocatable.allowedPodNumber) found.push({ reason: reasons.tooManyPods, unresolvable: false })
  const check = (name: string, amount: number, used: number, capacity: number) => {
    if (amount > 0 && amount > capacity - used) found.push({ reason: reasons.insufficient(name), unresolvable: amount > capacity })
  }
  check('cpu', request.milliCPU, requested.milliCPU, allocatable.milliCPU)
  check('memory', request.memory, requested.memory, allocatable.memory)
  check('ephemeral-storage', request.ephemeralStorage, requested.ephemeralStorage, allocatable.ephemeralStorage)
  for (const [name, amount] of request.scalar) check(name, amount, requested.scalar.get(name) ?? 0, allocatable.scalar.get(name) ?? 0)
  return found
}

/** Success when nothing is lacking; else every reason, UnschedulableAndUnresolvable if any of them is. */
export function fitStatus(insufficient: readonly InsufficientResource[]): Status {
  if (insufficient.length === 0) return success
  const why = insufficient.map((r) => r.reason)
  return insufficient.some((r) => r.unresolvable) ? unresolvable(...why) : unschedulable(...why)
}

export function nodeResourcesFit(pod: Pod, nodeInfo: NodeInfo): Status {
  return fitStatus(insufficientResources(podRequest(pod), nodeInfo))
}
