// Wrong: answers Unschedulable even when the pod asks for more than the whole node has, where preemption cannot help (UnschedulableAndUnresolvable).
import type { Container, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import type { NodeInfo } from '../../../src/scheduler/node-info.ts'
import { resourceFromList } from '../../../src/scheduler/pod-requests.ts'
import { emptyResource, type Resource } from '../../../src/scheduler/resource.ts'
import { success, unresolvable, unschedulable, type Status } from '../../../src/scheduler/status.ts'

export type { Pod, Container, Node, Taint, Toleration, NodeSelectorRequirement } from 'kubernetes-types/core/v1.js'
export type { NodeInfo } from '../../../src/scheduler/node-info.ts'
export type { Resource, ResourceView } from '../../../src/scheduler/resource.ts'
export type { Status } from '../../../src/scheduler/status.ts'
export { success, unschedulable, unresolvable } from '../../../src/scheduler/status.ts'
export { resourceFromList } from '../../../src/scheduler/pod-requests.ts'
export { emptyResource } from '../../../src/scheduler/resource.ts'

export const reasons = {
  unschedulable: 'node(s) were unschedulable',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  untoleratedTaint: (key: string, value: string) => `node(s) had untolerated taint {${key}: ${value}}`,
  tooManyPods: 'Too many pods',
  insufficient: (resourceName: string) => `Insufficient ${resourceName}`,
} as const

function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false
  if (toleration.key && toleration.key !== taint.key) return false
  if (toleration.operator === 'Exists') return true
  return (!toleration.operator || toleration.operator === 'Equal') && (toleration.value ?? '') === (taint.value ?? '')
}

function tolerated(pod: Pod, taint: Taint): boolean {
  return (pod.spec?.tolerations ?? []).some((t) => tolerates(t, taint))
}

export function nodeUnschedulable(pod: Pod, nodeInfo: NodeInfo): Status {
  if (!nodeInfo.node.spec?.unschedulable) return success
  return tolerated(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }) ? success : unresolvable(reasons.unschedulable)
}

function requirementHolds(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
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

function termMatches(term: NodeSelectorTerm, labels: Record<string, string>): boolean {
  const expressions = term.matchExpressions ?? []
  return expressions.length > 0 && expressions.every((r) => requirementHolds(r, labels))
}

export function nodeAffinity(pod: Pod, nodeInfo: NodeInfo): Status {
  const labels = nodeInfo.node.metadata?.labels ?? {}
  const selector = pod.spec?.nodeSelector ?? {}
  const selectorOk = Object.entries(selector).every(([k, v]) => Object.hasOwn(labels, k) && labels[k] === v)
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  const affinityOk = !required || required.nodeSelectorTerms.some((t) => termMatches(t, labels))
  return selectorOk && affinityOk ? success : unresolvable(reasons.nodeAffinity)
}

export function taintToleration(pod: Pod, nodeInfo: NodeInfo): Status {
  for (const taint of nodeInfo.node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!tolerated(pod, taint)) return unresolvable(reasons.untoleratedTaint(taint.key, taint.value ?? ''))
  }
  return success
}

function add(into: Resource, r: Resource): void {
  into.milliCPU += r.milliCPU
  into.memory += r.memory
  into.ephemeralStorage += r.ephemeralStorage
  for (const [name, n] of r.scalar) into.scalar.set(name, (into.scalar.get(name) ?? 0) + n)
}

function takeMax(into: Resource, r: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU)
  into.memory = Math.max(into.memory, r.memory)
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage)
  for (const [name, n] of r.scalar) into.scalar.set(name, Math.max(into.scalar.get(name) ?? 0, n))
}

const requestsOf = (c: Container) => resourceFromList(c.resources?.requests)

/** max(Σ containers + Σ sidecars, max_i(init_i + sidecars started before i)) + overhead. */
function podRequest(pod: Pod): Resource {
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
  add(total, resourceFromList(pod.spec?.overhead))
  return total
}

export function nodeResourcesFit(pod: Pod, nodeInfo: NodeInfo): Status {
  const found: string[] = []
  const { allocatable, requested } = nodeInfo
  if (nodeInfo.pods.length + 1 > allocatable.allowedPodNumber) found.push(reasons.tooManyPods)
  const want = podRequest(pod)
  const check = (name: string, amount: number, used: number, capacity: number) => {
    if (amount > 0 && amount > capacity - used) {
      found.push(reasons.insufficient(name))
    }
  }
  check('cpu', want.milliCPU, requested.milliCPU, allocatable.milliCPU)
  check('memory', want.memory, requested.memory, allocatable.memory)
  check('ephemeral-storage', want.ephemeralStorage, requested.ephemeralStorage, allocatable.ephemeralStorage)
  for (const [name, amount] of want.scalar) check(name, amount, requested.scalar.get(name) ?? 0, allocatable.scalar.get(name) ?? 0)
  if (found.length === 0) return success
  return unschedulable(...found)
}
