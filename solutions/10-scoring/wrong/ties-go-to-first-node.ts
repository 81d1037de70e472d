// Wrong: selectHost always keeps the first node with the top total, so tied nodes after it are never chosen.
import type { NodeScore, Random } from '../scoring.ts'

export * from '../scoring.ts'

export function selectHost(scores: readonly NodeScore[], _random: Random): string {
  let best = scores[0]
  for (const s of scores) if (s.score > best.score) best = s
  return best.name
}
