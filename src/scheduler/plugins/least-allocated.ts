// LeastAllocated, NodeResourcesFit's default scoring strategy: the more a node would have left
// after placing the pod, the higher its score, so pods spread out. Mirrors
// pkg/scheduler/framework/plugins/noderesources/least_allocated.go:
//   per resource: (allocatable − requested) × 100 / allocatable, 0 when over capacity
//   node score:   Σ (resource score × weight) / Σ weight, integer division
import { maxNodeScore } from '../framework.ts'
import { weightedResourceScorer, type ResourceScorer, type ResourceSpec } from './resource-allocation.ts'

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * maxNodeScore) / capacity)
}

export function leastResourceScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  return weightedResourceScorer(resources, leastRequestedScore)
}
