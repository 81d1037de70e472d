// What a pod asks of a node. Mirrors PodRequests and AggregateContainerRequests in
// staging/src/k8s.io/component-helpers/resource/helpers.go (pkg/api/v1/resource/helpers.go in
// older trees), and the non-zero defaults of pkg/scheduler/util/pod_resources.go:
//
//   requests = max( Σ containers + Σ sidecars,
//                   max over init containers i of (init_i + Σ sidecars started before i) )
//              + overhead
//
// Regular containers run together, so they add up. Init containers run one at a time, so only the
// largest counts. A restartable init container (restartPolicy: Always, a "sidecar") keeps running
// after it starts: it adds to the pod's total and to every init container that starts after it.
// `overhead` (set from the RuntimeClass) is added last.
import type { Container, Pod } from 'kubernetes-types/core/v1.js'
import { quantityToMilli } from './quantity.ts'
import { addMilliList, emptyResource, type MilliList, type Resource } from './resource.ts'

/** DefaultMilliCPURequest: what a container without a cpu request counts as when scoring. */
export const defaultMilliCPURequest = 100
/** DefaultMemoryRequest: what a container without a memory request counts as when scoring (200Mi). */
export const defaultMemoryRequest = 200 * 1024 * 1024

/** The scheduler's "non-zero" defaults, in milli-units, for NonMissingContainerRequests. */
export const nonZeroDefaults: ReadonlyMap<string, number> = new Map([
  ['cpu', defaultMilliCPURequest],
  ['memory', defaultMemoryRequest * 1000],
])

export interface PodRequestOptions {
  /**
   * Amounts (milli-units) that replace a container's request for a resource the container does
   * not list at all. A request written explicitly, even "0", is kept.
   */
  readonly nonMissingContainerRequests?: ReadonlyMap<string, number>
  /** Leave pod.spec.overhead out. */
  readonly excludeOverhead?: boolean
}

function add(into: MilliList, list: ReadonlyMap<string, number>): void {
  for (const [name, amount] of list) into.set(name, (into.get(name) ?? 0) + amount)
}

function takeMax(into: MilliList, list: ReadonlyMap<string, number>): void {
  for (const [name, amount] of list) {
    const current = into.get(name)
    if (current === undefined || amount > current) into.set(name, amount)
  }
}

/** A resources.requests (or overhead) map parsed into milli-units. */
export function parseResourceList(list: Readonly<Record<string, string | number>> | undefined): MilliList {
  const out: MilliList = new Map()
  if (list) for (const name of Object.keys(list)) out.set(name, quantityToMilli(list[name]))
  return out
}

function containerRequests(container: Container, nonMissing: ReadonlyMap<string, number> | undefined): MilliList {
  const requests = container.resources?.requests as Record<string, string | number> | undefined
  const out = parseResourceList(requests)
  if (nonMissing) for (const [name, amount] of nonMissing) if (!out.has(name)) out.set(name, amount)
  return out
}

export function isRestartableInitContainer(container: Container): boolean {
  return container.restartPolicy === 'Always'
}

/** PodRequests: the pod's effective requests by resource name, in milli-units. */
export function podRequests(pod: Pod, options: PodRequestOptions = {}): MilliList {
  const nonMissing = options.nonMissingContainerRequests
  const requests: MilliList = new Map()
  for (const c of pod.spec?.containers ?? []) add(requests, containerRequests(c, nonMissing))

  const sidecars: MilliList = new Map()
  const initMax: MilliList = new Map()
  for (const c of pod.spec?.initContainers ?? []) {
    const own = containerRequests(c, nonMissing)
    if (isRestartableInitContainer(c)) {
      add(requests, own)
      add(sidecars, own)
      takeMax(initMax, sidecars)
    } else {
      const whileRunning = new Map(own)
      add(whileRunning, sidecars)
      takeMax(initMax, whileRunning)
    }
  }
  takeMax(requests, initMax)

  const overhead = pod.spec?.overhead as Record<string, string | number> | undefined
  if (!options.excludeOverhead && overhead) add(requests, parseResourceList(overhead))
  return requests
}

/** PodRequests as a Resource (cpu in milli, the rest in whole units). */
export function podRequestsResource(pod: Pod, options: PodRequestOptions = {}): Resource {
  const r = emptyResource()
  addMilliList(r, podRequests(pod, options))
  return r
}

/** What a pod adds to a node's books (PodInfo.CalculateResource in framework/types.go). */
export interface PodResource {
  readonly requested: Resource
  /** cpu with the 100m default for containers that do not ask, in milli-cpu. */
  readonly nonZeroMilliCPU: number
  /** memory with the 200Mi default for containers that do not ask, in bytes. */
  readonly nonZeroMemory: number
}

export function podResource(pod: Pod): PodResource {
  const requested = podRequestsResource(pod)
  const nonZero = podRequests(pod, { nonMissingContainerRequests: nonZeroDefaults })
  return {
    requested,
    nonZeroMilliCPU: nonZero.get('cpu') ?? 0,
    nonZeroMemory: Math.ceil((nonZero.get('memory') ?? 0) / 1000),
  }
}

/**
 * NewResource: a resources map (a container's requests, a pod's overhead, a node's allocatable)
 * as a Resource: cpu in milli-cpu, memory and ephemeral-storage in bytes, pods as a count, and
 * extended resources (example.com/gpu) by name.
 */
export function resourceFromList(list: Readonly<Record<string, string | number>> | undefined): Resource {
  const r = emptyResource()
  addMilliList(r, parseResourceList(list))
  return r
}
