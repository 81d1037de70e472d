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
import { nonZeroDefaults, podRequests } from '../pod-requests.ts'
import { isScalarResourceName } from '../resource.ts'
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

/** Maps requested/allocatable per resource (same order as the specs) to a node score. */
export type ResourceScorer = (requested: readonly number[], allocatable: readonly number[]) => number

export class ResourceAllocationScorer {
  readonly #requested: number[]
  readonly #allocatable: number[]

  constructor(
    readonly resources: readonly ResourceSpec[],
    readonly scorer: ResourceScorer,
    readonly useRequested: boolean,
  ) {
    // Scratch space reused by every score() call: no allocation per node.
    this.#requested = new Array<number>(resources.length).fill(0)
    this.#allocatable = new Array<number>(resources.length).fill(0)
  }

  /** The pod's request for each configured resource (milli-cpu for cpu, whole units otherwise). */
  podRequestList(pod: Pod): number[] {
    const requests = podRequests(pod, this.useRequested ? {} : { nonMissingContainerRequests: nonZeroDefaults })
    return this.resources.map(({ name }) => {
      const milli = requests.get(name) ?? 0
      return name === 'cpu' ? milli : milliToValue(milli)
    })
  }

  score(nodeInfo: NodeInfo, podRequests: readonly number[]): number | Status {
    if (this.resources.length === 0) return errorStatus('resources not found')
    for (let i = 0; i < this.resources.length; i++) this.#fill(i, nodeInfo, this.resources[i].name, podRequests[i])
    return this.scorer(this.#requested, this.#allocatable)
  }

  /** calculateResourceAllocatableRequest into slot i; (0, 0) leaves the resource out. */
  #fill(i: number, nodeInfo: NodeInfo, name: string, podRequest: number): void {
    const requested = this.useRequested ? nodeInfo.requested : nodeInfo.nonZeroRequested
    let alloc = 0
    let req = 0
    if (!(podRequest === 0 && isScalarResourceName(name))) {
      switch (name) {
        case 'cpu':
          alloc = nodeInfo.allocatable.milliCPU
          req = requested.milliCPU + podRequest
          break
        case 'memory':
          alloc = nodeInfo.allocatable.memory
          req = requested.memory + podRequest
          break
        case 'ephemeral-storage':
          alloc = nodeInfo.allocatable.ephemeralStorage
          req = nodeInfo.requested.ephemeralStorage + podRequest
          break
        default:
          alloc = nodeInfo.allocatable.scalar.get(name) ?? 0
          req = (nodeInfo.requested.scalar.get(name) ?? 0) + podRequest
      }
    }
    this.#allocatable[i] = alloc
    this.#requested[i] = alloc === 0 ? 0 : req
  }
}
