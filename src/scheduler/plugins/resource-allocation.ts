// The machinery shared by the resource scorers (NodeResourcesFit's scoring strategies and
// NodeResourcesBalancedAllocation): for each configured resource, what the node would have
// requested with this pod on it and what it can allocate, handed to a scoring function. Mirrors
// pkg/scheduler/framework/plugins/noderesources/resource_allocation.go:
//   - cpu and memory use the node's non-zero totals (useRequested false, the Fit strategies) or
//     its real totals (useRequested true, BalancedAllocation); the pod's side matches: missing
//     container requests count as 100m / 200Mi only when non-zero totals are used;
//   - an extended resource the pod does not request is left out (allocatable 0 → skipped);
//   - a resource the node does not have is left out.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { NodeInfo } from '../node-info.ts'
import { milliToValue } from '../quantity.ts'
import { memoizedPerPod } from '../pod-memo.ts'
import { nonZeroDefaults, podRequests } from '../pod-requests.ts'
import { isScalarResourceName, type ResourceView } from '../resource.ts'
import { errorStatus, type Status } from '../status.ts'

export interface ResourceSpec {
  readonly name: string
  readonly weight: number
}

/** cpu and memory, weight 1 each: the default for every resource scorer. */
export const defaultResources: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
]

/**
 * The same score for resources exactly [cpu, memory] (the default), read straight from the node's
 * totals and the pod's [cpu, memory] request: what the node has requested is `requested` plus the
 * pod's, and a resource with nothing allocatable is left out. It runs for every feasible node of
 * every pod; skipping the scratch arrays takes a third off each call, and taking the objects
 * rather than the sums keeps V8 from boxing a fresh number per call.
 */
export type CpuMemoryScorer = (requested: ResourceView, allocatable: ResourceView, pod: readonly number[]) => number

/** Maps requested/allocatable per resource (same order as the specs) to a node score; see CpuMemoryScorer. */
export type ResourceScorer = ((requested: readonly number[], allocatable: readonly number[]) => number) & { readonly cpuMemory?: CpuMemoryScorer }

/**
 * The node score LeastAllocated and MostAllocated share: Σ resourceScore × weight ÷ Σ weight over
 * the resources the node has, integer division (resourceAllocationScorer's shape in
 * least_allocated.go and most_allocated.go). With every weight 1 (the default) it has a
 * cpu+memory form.
 */
export function weightedResourceScorer(resources: readonly ResourceSpec[], resourceScore: (requested: number, capacity: number) => number): ResourceScorer {
  const weights = resources.map((r) => r.weight)
  const scorer = (requested: readonly number[], allocatable: readonly number[]): number => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      nodeScore += resourceScore(requested[i], allocatable[i]) * weights[i]
      weightSum += weights[i]
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
  }
  if (!weights.every((w) => w === 1)) return scorer
  const cpuMemory: CpuMemoryScorer = (requested, allocatable, pod) => {
    const cpu = allocatable.milliCPU
    const memory = allocatable.memory
    const present = (cpu === 0 ? 0 : 1) + (memory === 0 ? 0 : 1)
    if (present === 0) return 0
    const cpuScore = cpu === 0 ? 0 : resourceScore(requested.milliCPU + pod[0], cpu)
    const memoryScore = memory === 0 ? 0 : resourceScore(requested.memory + pod[1], memory)
    return Math.trunc((cpuScore + memoryScore) / present)
  }
  return Object.assign(scorer, { cpuMemory })
}

/** How #fill finds a resource on the node: a field, or the scalar map by name. */
const Kind = { Cpu: 0, Memory: 1, EphemeralStorage: 2, Scalar: 3 } as const
type Kind = (typeof Kind)[keyof typeof Kind]

function kindOf(name: string): Kind {
  switch (name) {
    case 'cpu':
      return Kind.Cpu
    case 'memory':
      return Kind.Memory
    case 'ephemeral-storage':
      return Kind.EphemeralStorage
    default:
      return Kind.Scalar
  }
}

export class ResourceAllocationScorer {
  readonly #requested: number[]
  readonly #allocatable: number[]
  // Worked out once from the resource names, so scoring a node compares no strings.
  readonly #kinds: readonly Kind[]
  readonly #scalar: readonly boolean[]
  /**
   * The scorer's cpu+memory form when the resources are exactly [cpu, memory], else undefined;
   * plugins try it before score(). They call it from their own score method: a call site shared
   * by every resource scorer would see several functions, and V8 inlines none of them there.
   */
  readonly cpuMemory: ResourceScorer['cpuMemory']

  constructor(
    readonly resources: readonly ResourceSpec[],
    readonly scorer: ResourceScorer,
    readonly useRequested: boolean,
  ) {
    // Scratch space reused by every score() call: no allocation per node. Memory in bytes is
    // past the small-integer range, so the arrays start as doubles and stay that way.
    this.#requested = resources.map(() => 0.5).fill(0)
    this.#allocatable = resources.map(() => 0.5).fill(0)
    this.#kinds = resources.map((r) => kindOf(r.name))
    this.#scalar = resources.map((r) => isScalarResourceName(r.name))
    const isCpuMemory = resources.length === 2 && resources[0].name === 'cpu' && resources[1].name === 'memory'
    this.cpuMemory = isCpuMemory ? scorer.cpuMemory : undefined
  }

  /** The pod's request for each configured resource (milli-cpu for cpu, whole units otherwise). */
  readonly podRequestList: (pod: Pod) => readonly number[] = memoizedPerPod((pod) => this.#computePodRequestList(pod))

  #computePodRequestList(pod: Pod): number[] {
    const requests = podRequests(pod, this.useRequested ? {} : { nonMissingContainerRequests: nonZeroDefaults })
    return this.resources.map(({ name }) => {
      const milli = requests.get(name) ?? 0
      return name === 'cpu' ? milli : milliToValue(milli)
    })
  }

  /** The node's score over every configured resource, the general way (when cpuMemory is undefined). */
  score(nodeInfo: NodeInfo, podRequests: readonly number[]): number | Status {
    const n = this.resources.length
    if (n === 0) return errorStatus('resources not found')
    for (let i = 0; i < n; i++) this.#fill(i, nodeInfo, podRequests[i])
    return this.scorer(this.#requested, this.#allocatable)
  }

  /** calculateResourceAllocatableRequest into slot i; (0, 0) leaves the resource out. */
  #fill(i: number, nodeInfo: NodeInfo, podRequest: number): void {
    const requested = this.useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested
    let alloc = 0
    let req = 0
    if (!(podRequest === 0 && this.#scalar[i])) {
      switch (this.#kinds[i]) {
        case Kind.Cpu:
          alloc = nodeInfo.allocatable.milliCPU
          req = requested.milliCPU + podRequest
          break
        case Kind.Memory:
          alloc = nodeInfo.allocatable.memory
          req = requested.memory + podRequest
          break
        case Kind.EphemeralStorage:
          alloc = nodeInfo.allocatable.ephemeralStorage
          req = nodeInfo.requested.ephemeralStorage + podRequest
          break
        default: {
          const name = this.resources[i].name
          alloc = nodeInfo.allocatable.scalar.get(name) ?? 0
          req = (nodeInfo.requested.scalar.get(name) ?? 0) + podRequest
        }
      }
    }
    this.#allocatable[i] = alloc
    this.#requested[i] = alloc === 0 ? 0 : req
  }
}
