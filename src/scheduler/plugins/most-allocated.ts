// MostAllocated: the fuller a node would be after placing the pod, the higher its score, so pods
// pack tightly (bin packing). Mirrors
// pkg/scheduler/framework/plugins/noderesources/most_allocated.go:
//   per resource: requested × 100 / allocatable, with requested capped at allocatable
//   node score:   Σ (resource score × weight) / Σ weight, integer division
import { maxNodeScore } from '../framework.ts'
import { weightedResourceScorer, type ResourceScorer, type ResourceSpec } from './resource-allocation.ts'

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0
  // Non-zero defaults can push requested past capacity; a full node simply scores 100.
  const r = Math.min(requested, capacity)
  return Math.trunc((r * maxNodeScore) / capacity)
}

export function mostResourceScorer(resources: readonly ResourceSpec[]): ResourceScorer {
  return weightedResourceScorer(resources, mostRequestedScore)
}
