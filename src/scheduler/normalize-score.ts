// Rescales raw plugin scores to [0, maxNodeScore]. Mirrors DefaultNormalizeScore in
// pkg/scheduler/framework/plugins/helper/normalize_score.go: score × max / highest, integer
// division; with `reverse`, max − that (so "fewer intolerable taints" becomes "higher score").
// When every score is 0, reverse gives everyone max and non-reverse leaves them at 0.
import type { NodeScore } from './framework.ts'

export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): void {
  let highest = 0
  for (const s of scores) if (s.score > highest) highest = s.score
  if (highest === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority
    return
  }
  for (const s of scores) {
    let score = Math.trunc((maxPriority * s.score) / highest)
    if (reverse) score = maxPriority - score
    s.score = score
  }
}
