// Scores written as plain functions of (pod, node) plug into the framework as a ScorePlugin. This
// is how a lesson's scoring replaces the in-tree scoring: the plugin keeps its in-tree PreFilter
// and Filter (a TaintToleration still keeps pods off NoSchedule nodes) and scores with the
// functions instead of its own PreScore, Score and NormalizeScore. The counterpart of
// filter-function.ts; in Kubernetes terms, an out-of-tree plugin registered under an in-tree
// name (app.WithPlugin in cmd/kube-scheduler/app/server.go).
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from './cycle-state.ts'
import { isFilterPlugin, isPreFilterPlugin, type NodeScore, type Plugin, type ScorePlugin } from './framework.ts'
import type { NodeInfo } from './node-info.ts'
import type { PluginFactory } from './registry.ts'
import { success, type Status } from './status.ts'

export type ScoreFunction = (pod: Pod, nodeInfo: NodeInfo) => number

/** Rescales one plugin's raw scores (in node order) to [0, 100]; returns the new scores. */
export type NormalizeFunction = (scores: readonly number[]) => number[]

export interface ScoreFunctions {
  readonly score: ScoreFunction
  readonly normalize?: NormalizeFunction
}

/** `base` with its scoring replaced: PreFilter and Filter delegate to it, PreScore is dropped. */
export function withScoreFunctions(base: Plugin, fns: ScoreFunctions): ScorePlugin {
  const plugin: ScorePlugin & Record<string, unknown> = {
    name: base.name,
    score: (_state: CycleState, pod: Pod, nodeInfo: NodeInfo) => fns.score(pod, nodeInfo),
  }
  if (isPreFilterPlugin(base)) plugin.preFilter = base.preFilter.bind(base)
  if (isFilterPlugin(base)) plugin.filter = base.filter.bind(base)
  const normalize = fns.normalize
  if (normalize) {
    plugin.normalizeScore = (_state: CycleState, _pod: Pod, scores: NodeScore[]): Status => {
      const normalized = normalize(scores.map((s) => s.score))
      scores.forEach((s, i) => (s.score = normalized[i]))
      return success
    }
  }
  return plugin
}

/** A registry entry: the in-tree factory's plugin, scored by the functions. */
export function scoreFactory(base: PluginFactory, fns: ScoreFunctions): PluginFactory {
  return (args, handle) => withScoreFunctions(base(args, handle), fns)
}
