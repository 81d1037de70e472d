// Wrong: scoreNodes adds up the normalized scores without multiplying by the plugin weights.
import type { NodeInfo, Pod, ScoreTable, ScoringConfig } from '../scoring.ts'
import { defaultScoringConfig, scoreNodes as weighted } from '../scoring.ts'

export * from '../scoring.ts'

export function scoreNodes(pod: Pod, nodes: readonly NodeInfo[], config: ScoringConfig = defaultScoringConfig): ScoreTable {
  const { byPlugin } = weighted(pod, nodes, config)
  return { byPlugin, totals: nodes.map((n, i) => ({ name: n.name, score: byPlugin.reduce((sum, p) => sum + p.normalized[i], 0) })) }
}
