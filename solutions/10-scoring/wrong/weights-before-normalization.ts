// Wrong: scoreNodes multiplies the raw scores by the weights and normalizes afterwards, so normalization cancels TaintToleration's and NodeAffinity's weights.
import type { NodeInfo, Pod, PluginScores, ScoreTable, ScoringConfig } from '../scoring.ts'
import { defaultScoringConfig, normalizeScores, scoreNodes as reference } from '../scoring.ts'

export * from '../scoring.ts'

const normalizes: Record<string, boolean | undefined> = { TaintToleration: true, NodeAffinity: false }

export function scoreNodes(pod: Pod, nodes: readonly NodeInfo[], config: ScoringConfig = defaultScoringConfig): ScoreTable {
  const byPlugin = reference(pod, nodes, config).byPlugin.map((p): PluginScores => {
    const weightedRaw = p.raw.map((s) => s * p.weight)
    const reverse = normalizes[p.plugin]
    return { ...p, normalized: reverse === undefined ? weightedRaw : normalizeScores(weightedRaw, reverse) }
  })
  return { byPlugin, totals: nodes.map((n, i) => ({ name: n.name, score: byPlugin.reduce((sum, p) => sum + p.normalized[i], 0) })) }
}
