// LeastAllocated, NodeResourcesFit's default scoring strategy: the more a node would have left
// after placing the pod, the higher its score, so pods spread out. Mirrors
// pkg/scheduler/framework/plugins/noderesources/least_allocated.go:
//   per resource: (allocatable − requested) × 100 / allocatable, 0 when over capacity
//   node score:   Σ (resource score × weight) / Σ weight, integer division
import { maxNodeScore } from '../framework.ts'
import type { ResourceView } from '../resource.ts'
import type { ResourceScorer, ResourceSpec } from './resource-allocation.ts'

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * maxNodeScore) / capacity)
}

export function leastResourceScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  // Runs once per feasible node: the weights are read from a flat array and the per-resource
  // score is written out here rather than called (the call was a third of the scorer's time).
  const weights = resources.map((r) => r.weight)
  const scorer = (requested: readonly number[], allocatable: readonly number[]): number => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i]
      if (capacity === 0) continue
      const r = requested[i]
      const weight = weights[i]
      if (r <= capacity) nodeScore += Math.trunc(((capacity - r) * maxNodeScore) / capacity) * weight
      weightSum += weight
    }
    return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
  }
  const [w0 = 1, w1 = 1] = weights
  return Object.assign(scorer, {
    cpuMemory(requested: ResourceView, allocatable: ResourceView, pod: readonly number[]): number {
      const a0 = allocatable.milliCPU
      const a1 = allocatable.memory
      const r0 = requested.milliCPU + pod[0]
      const r1 = requested.memory + pod[1]
      let nodeScore = 0
      let weightSum = 0
      if (a0 !== 0) {
        if (r0 <= a0) nodeScore += Math.trunc(((a0 - r0) * maxNodeScore) / a0) * w0
        weightSum += w0
      }
      if (a1 !== 0) {
        if (r1 <= a1) nodeScore += Math.trunc(((a1 - r1) * maxNodeScore) / a1) * w1
        weightSum += w1
      }
      return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
    },
  })
}
