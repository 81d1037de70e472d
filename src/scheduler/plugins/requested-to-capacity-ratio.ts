// RequestedToCapacityRatio: a score read off a piecewise-linear curve of utilization (0–100%)
// that the operator configures. Mirrors
// pkg/scheduler/framework/plugins/noderesources/requested_to_capacity_ratio.go and
// helper.BuildBrokenLinearFunction (plugins/helper/shape_score.go). Shape scores are given on a
// 0–10 scale (MaxCustomPriorityScore) and multiplied by 10; resources whose score is 0 are left
// out of the weighted average, which is rounded to the nearest integer.
import { maxNodeScore } from '../framework.ts'
import type { ResourceScorer, ResourceSpec } from './resource-allocation.ts'

export interface UtilizationShapePoint {
  readonly utilization: number
  readonly score: number
}

export const maxCustomPriorityScore = 10
const maxUtilization = 100

/** The default shape: 10 at 0% utilization falling to 0 at 100% (like LeastAllocated). */
export const defaultShape: readonly UtilizationShapePoint[] = [
  { utilization: 0, score: 10 },
  { utilization: 100, score: 0 },
]

/** Linear between consecutive points, flat before the first and after the last. */
export function brokenLinearFunction(shape: readonly UtilizationShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score
        const a = shape[i - 1]
        const b = shape[i]
        return a.score + Math.trunc(((b.score - a.score) * (p - a.utilization)) / (b.utilization - a.utilization))
      }
    }
    return shape[shape.length - 1].score
  }
}

export function requestedToCapacityRatioScorer(resources: readonly ResourceSpec[], shape: readonly UtilizationShapePoint[]): ResourceScorer {
  const scaled = shape.map((p) => ({ utilization: p.utilization, score: p.score * (maxNodeScore / maxCustomPriorityScore) }))
  const raw = brokenLinearFunction(scaled)
  const resourceScore = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity ? raw(maxUtilization) : raw(Math.trunc((requested * maxUtilization) / capacity))
  return (requested, allocatable) => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      const weight = resources[i].weight
      const score = resourceScore(requested[i], allocatable[i])
      if (score > 0) {
        nodeScore += score * weight
        weightSum += weight
      }
    }
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum)
  }
}
