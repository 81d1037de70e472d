// NodeResourcesBalancedAllocation: prefers nodes whose resources would be used evenly after
// placing the pod (a node at 50% cpu and 50% memory beats one at 90% cpu and 10% memory). Mirrors
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go:
//   fraction_i = min(requested_i / allocatable_i, 1) for each resource the node has
//   std        = |f1 − f2| / 2 for two resources, √(Σ (f_i − mean)² / n) for more, 0 for fewer
//   score      = trunc((1 − std) × 100)
// Real requests are used (no 100m / 200Mi defaults), and a pod that requests nothing (best
// effort) is not scored by this plugin at all (PreScore returns Skip).
import type { Pod } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import { maxNodeScore, type PreScorePlugin, type ScorePlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import type { ResourceView } from '../resource.ts'
import { skip, success, type Status } from '../status.ts'
import { names } from './names.ts'
import { defaultResources, ResourceAllocationScorer, type ResourceScorer, type ResourceSpec } from './resource-allocation.ts'

export interface NodeResourcesBalancedAllocationArgs {
  readonly resources?: readonly ResourceSpec[]
}

export function balancedResourceScorer(requested: readonly number[], allocatable: readonly number[]): number {
  let total = 0
  let count = 0
  let f0 = 0
  let f1 = 0
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue
    const fraction = Math.min(requested[i] / allocatable[i], 1)
    total += fraction
    if (count === 0) f0 = fraction
    else if (count === 1) f1 = fraction
    count++
  }
  let std = 0
  if (count === 2) {
    std = Math.abs((f0 - f1) / 2)
  } else if (count > 2) {
    const mean = total / count
    let sum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      const fraction = Math.min(requested[i] / allocatable[i], 1)
      sum += (fraction - mean) * (fraction - mean)
    }
    std = Math.sqrt(sum / count)
  }
  return Math.trunc((1 - std) * maxNodeScore)
}

/** balancedResourceScorer for resources exactly [cpu, memory], on the four numbers (resource-allocation.ts). */
export function balancedCpuMemory(requested: ResourceView, allocatable: ResourceView, pod: readonly number[]): number {
  const a0 = allocatable.milliCPU
  const a1 = allocatable.memory
  // With fewer than two resources present the deviation is 0, as in the general form.
  if (a0 === 0 || a1 === 0) return maxNodeScore
  const f0 = Math.min((requested.milliCPU + pod[0]) / a0, 1)
  const f1 = Math.min((requested.memory + pod[1]) / a1, 1)
  return Math.trunc((1 - Math.abs((f0 - f1) / 2)) * maxNodeScore)
}

const balancedScorer: ResourceScorer = Object.assign((requested: readonly number[], allocatable: readonly number[]) => balancedResourceScorer(requested, allocatable), { cpuMemory: balancedCpuMemory })

const preScoreKey = stateKey<readonly number[]>(`PreScore${names.NodeResourcesBalancedAllocation}`)

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = names.NodeResourcesBalancedAllocation
  readonly #scorer: ResourceAllocationScorer

  constructor(args: NodeResourcesBalancedAllocationArgs = {}) {
    const resources = args.resources && args.resources.length > 0 ? args.resources : defaultResources
    this.#scorer = new ResourceAllocationScorer(resources, balancedScorer, true)
  }

  preScore(state: CycleState, pod: Pod): Status {
    const requests = this.#scorer.podRequestList(pod)
    if (requests.every((r) => r === 0)) return skip
    state.write(preScoreKey, requests)
    return success
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number | Status {
    let requests = state.read(preScoreKey)
    if (!requests) {
      requests = this.#scorer.podRequestList(pod)
      if (requests.every((r) => r === 0)) return 0
    }
    // Called here, not inside the scorer, so this call site sees one function (see cpuMemory).
    const cpuMemory = this.#scorer.cpuMemory
    if (cpuMemory !== undefined) return cpuMemory(nodeInfo.requested, nodeInfo.allocatable, requests)
    return this.#scorer.score(nodeInfo, requests)
  }
}

NodeResourcesBalancedAllocation satisfies new (args?: NodeResourcesBalancedAllocationArgs) => PreScorePlugin & ScorePlugin
