// MostAllocated: the fuller a node would be after placing the pod, the higher its score, so pods
// pack tightly (bin packing). Mirrors
// pkg/scheduler/framework/plugins/noderesources/most_allocated.go:
//   per resource: requested × 100 / allocatable, with requested capped at allocatable
//   node score:   Σ (resource score × weight) / Σ weight, integer division
import { maxNodeScore } from '../framework.ts'
import type { ResourceView } from '../resource.ts'
import type { ResourceScorer, ResourceSpec } from './resource-allocation.ts'

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0
  // Non-zero defaults can push requested past capacity; a full node simply scores 100.
  const r = Math.min(requested, capacity)
  return Math.trunc((r * maxNodeScore) / capacity)
}

export function mostResourceScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  const weights = resources.map((r) => r.weight)
  const scorer = (requested: readonly number[], allocatable: readonly number[]): number => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      const capacity = allocatable[i]
      if (capacity === 0) continue
      const weight = weights[i]
      nodeScore += Math.trunc((Math.min(requested[i], capacity) * maxNodeScore) / capacity) * weight
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
        nodeScore += Math.trunc((Math.min(r0, a0) * maxNodeScore) / a0) * w0
        weightSum += w0
      }
      if (a1 !== 0) {
        nodeScore += Math.trunc((Math.min(r1, a1) * maxNodeScore) / a1) * w1
        weightSum += w1
      }
      return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum)
    },
  })
}
