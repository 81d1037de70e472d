// NodeResourcesFit: a node fits a pod when, for cpu, memory, ephemeral-storage and every extended
// resource the pod requests, what the pod asks plus what the node's pods already requested stays
// within allocatable; and the node has room for one more pod. Scoring ranks the nodes that fit by
// a strategy (LeastAllocated by default). Mirrors
// pkg/scheduler/framework/plugins/noderesources/fit.go:
//   - the pod's request is PodRequests (init containers: max, not sum; sidecars; overhead);
//   - a resource the pod requests 0 of is never checked; a pod requesting nothing at all only
//     needs a free pod slot;
//   - reasons: "Too many pods", "Insufficient cpu", "Insufficient memory",
//     "Insufficient ephemeral-storage", "Insufficient <extended resource name>";
//   - the status is UnschedulableAndUnresolvable when the pod asks for more of some resource than
//     the node can allocate at all (no preemption frees that much), Unschedulable otherwise.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import type { FilterPlugin, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import { newPodInfo } from '../pod-info.ts'
import { podRequestsResource } from '../pod-requests.ts'
import type { ResourceView } from '../resource.ts'
import { success, unresolvable, unschedulable, type Status } from '../status.ts'
import { leastResourceScorer } from './least-allocated.ts'
import { mostResourceScorer } from './most-allocated.ts'
import { names } from './names.ts'
import { defaultShape, requestedToCapacityRatioScorer, type UtilizationShapePoint } from './requested-to-capacity-ratio.ts'
import { defaultResources, ResourceAllocationScorer, type ResourceScorer, type ResourceSpec } from './resource-allocation.ts'

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio'

export interface ScoringStrategy {
  readonly type: ScoringStrategyType
  readonly resources?: readonly ResourceSpec[]
  readonly requestedToCapacityRatio?: { readonly shape: readonly UtilizationShapePoint[] }
}

export interface NodeResourcesFitArgs {
  /** Extended resources the filter ignores (for example ones a device plugin handles elsewhere). */
  readonly ignoredResources?: readonly string[]
  /** Extended-resource groups (the part before "/") the filter ignores. */
  readonly ignoredResourceGroups?: readonly string[]
  readonly scoringStrategy?: ScoringStrategy
}

export interface InsufficientResource {
  readonly resourceName: string
  readonly reason: string
  readonly requested: number
  readonly used: number
  readonly capacity: number
  /** The pod asks for more than the node can allocate in total: preemption cannot help. */
  readonly unresolvable: boolean
}

/** A resource name outside kubernetes.io with a domain prefix, like example.com/gpu. */
export function isExtendedResourceName(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.')
}

const noNames: ReadonlySet<string> = new Set()

function ignored(name: string, ignoredResources: ReadonlySet<string>, ignoredResourceGroups: ReadonlySet<string>): boolean {
  if (!isExtendedResourceName(name)) return false
  return ignoredResources.has(name) || (ignoredResourceGroups.size > 0 && ignoredResourceGroups.has(name.split('/')[0]))
}

/** True when nothing is short: the common case, checked without allocating. */
function fitsQuickly(podRequest: ResourceView, nodeInfo: NodeInfo, ignoredResources: ReadonlySet<string>, ignoredResourceGroups: ReadonlySet<string>): boolean {
  const allocatable = nodeInfo.allocatable
  const requested = nodeInfo.requested
  if (nodeInfo.pods.length + 1 > allocatable.allowedPodNumber) return false
  if (podRequest.milliCPU > 0 && podRequest.milliCPU > allocatable.milliCPU - requested.milliCPU) return false
  if (podRequest.memory > 0 && podRequest.memory > allocatable.memory - requested.memory) return false
  if (podRequest.ephemeralStorage > 0 && podRequest.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage) return false
  if (podRequest.scalar.size === 0) return true // most pods: no iterator to allocate per node
  for (const [name, want] of podRequest.scalar) {
    if (want === 0 || ignored(name, ignoredResources, ignoredResourceGroups)) continue
    if (want > (allocatable.scalar.get(name) ?? 0) - (requested.scalar.get(name) ?? 0)) return false
  }
  return true
}

/** fitsRequest: what is short on the node for this request, in check order. */
export function fitsRequest(
  podRequest: ResourceView,
  nodeInfo: NodeInfo,
  ignoredResources: ReadonlySet<string> = noNames,
  ignoredResourceGroups: ReadonlySet<string> = noNames,
): InsufficientResource[] {
  const out: InsufficientResource[] = []
  const allocatable = nodeInfo.allocatable
  const requested = nodeInfo.requested
  const podCount = nodeInfo.pods.length
  if (podCount + 1 > allocatable.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: podCount, capacity: allocatable.allowedPodNumber, unresolvable: false })
  }
  if (podRequest.milliCPU === 0 && podRequest.memory === 0 && podRequest.ephemeralStorage === 0 && podRequest.scalar.size === 0) return out

  const check = (name: string, want: number, used: number, capacity: number) => {
    if (want > 0 && want > capacity - used) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: want, used, capacity, unresolvable: want > capacity })
  }
  check('cpu', podRequest.milliCPU, requested.milliCPU, allocatable.milliCPU)
  check('memory', podRequest.memory, requested.memory, allocatable.memory)
  check('ephemeral-storage', podRequest.ephemeralStorage, requested.ephemeralStorage, allocatable.ephemeralStorage)
  for (const [name, want] of podRequest.scalar) {
    if (want === 0 || ignored(name, ignoredResources, ignoredResourceGroups)) continue
    check(name, want, requested.scalar.get(name) ?? 0, allocatable.scalar.get(name) ?? 0)
  }
  return out
}

/** The filter's verdict from the insufficient resources. */
export function fitStatus(insufficient: readonly InsufficientResource[]): Status {
  if (insufficient.length === 0) return success
  const reasons = insufficient.map((r) => r.reason)
  return insufficient.some((r) => r.unresolvable) ? unresolvable(...reasons) : unschedulable(...reasons)
}

/** Fits, for one pod and one node, without a cycle (used by queueing hints and explanations). */
export function insufficientResources(pod: Pod, nodeInfo: NodeInfo): InsufficientResource[] {
  return fitsRequest(podRequestsResource(pod), nodeInfo)
}

function scorerFor(strategy: ScoringStrategy): ResourceScorer {
  const resources = strategy.resources ?? defaultResources
  switch (strategy.type) {
    case 'LeastAllocated':
      return leastResourceScorer(resources)
    case 'MostAllocated':
      return mostResourceScorer(resources)
    case 'RequestedToCapacityRatio':
      return requestedToCapacityRatioScorer(resources, strategy.requestedToCapacityRatio?.shape ?? defaultShape)
  }
}

const preFilterKey = stateKey<ResourceView>(`PreFilter${names.NodeResourcesFit}`)
const preScoreKey = stateKey<readonly number[]>(`PreScore${names.NodeResourcesFit}`)

export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = names.NodeResourcesFit
  readonly #ignoredResources: ReadonlySet<string>
  readonly #ignoredResourceGroups: ReadonlySet<string>
  readonly #scorer: ResourceAllocationScorer

  constructor(args: NodeResourcesFitArgs = {}) {
    this.#ignoredResources = new Set(args.ignoredResources ?? [])
    this.#ignoredResourceGroups = new Set(args.ignoredResourceGroups ?? [])
    const strategy = args.scoringStrategy ?? { type: 'LeastAllocated' }
    const resources = strategy.resources && strategy.resources.length > 0 ? strategy.resources : defaultResources
    this.#scorer = new ResourceAllocationScorer(resources, scorerFor({ ...strategy, resources }), false)
  }

  preFilter(state: CycleState, pod: Pod): PreFilterResult {
    state.write(preFilterKey, newPodInfo(pod).resource.requested)
    return { status: success }
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const podRequest = state.read(preFilterKey) ?? podRequestsResource(pod)
    if (fitsQuickly(podRequest, nodeInfo, this.#ignoredResources, this.#ignoredResourceGroups)) return success
    return fitStatus(fitsRequest(podRequest, nodeInfo, this.#ignoredResources, this.#ignoredResourceGroups))
  }

  preScore(state: CycleState, pod: Pod): Status {
    state.write(preScoreKey, this.#scorer.podRequestList(pod))
    return success
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number | Status {
    const requests = state.read(preScoreKey) ?? this.#scorer.podRequestList(pod)
    // Called here, not inside the scorer, so this call site sees one function (see cpuMemory).
    const cpuMemory = this.#scorer.cpuMemory
    if (cpuMemory !== undefined) return cpuMemory(nodeInfo.nonZeroRequested, nodeInfo.allocatable, requests)
    return this.#scorer.score(nodeInfo, requests)
  }
}

NodeResourcesFit satisfies new (args?: NodeResourcesFitArgs) => PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin
