// Wrong: normalizeScores ignores `reverse`, so TaintToleration gives the node with the most intolerable PreferNoSchedule taints 100.
export * from '../scoring.ts'

export function normalizeScores(scores: readonly number[], _reverse: boolean): number[] {
  const highest = Math.max(0, ...scores)
  return scores.map((s) => (highest === 0 ? 0 : Math.trunc((s * 100) / highest)))
}
