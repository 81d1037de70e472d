// The scheduling framework's extension points: one small interface each, over a base that only
// has a name. A plugin implements the ones it needs and says so with `satisfies`. Mirrors
// staging/src/k8s.io/kube-scheduler/framework/interface.go (pkg/scheduler/framework/interface.go
// in older trees). One scheduling cycle for a pod runs:
//
//   PreFilter (once) → Filter (each node) → PreScore (once) → Score (each feasible node)
//     → NormalizeScore (each plugin, once) → Reserve → Bind
//
// Expected outcomes are Status values; a plugin throws only for bugs.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from './cycle-state.ts'
import type { NodeInfo } from './node-info.ts'
import type { Snapshot } from './snapshot.ts'
import type { Status } from './status.ts'

/** Scores are integers in [minNodeScore, maxNodeScore] after normalization. */
export const maxNodeScore = 100
export const minNodeScore = 0

export interface Plugin {
  readonly name: string
}

export interface PreFilterResult {
  readonly status: Status
  /**
   * When set, only these nodes can pass Filter; the others are not even evaluated
   * (NodeAffinity returns the names from a metadata.name matchFields term).
   */
  readonly nodeNames?: ReadonlySet<string>
}

/** Runs once per pod before Filter; computes what Filter needs, or rejects the pod outright. */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterResult
}

/** Decides whether the pod can run on one node. */
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status
}

/** Runs once per pod with the nodes that passed Filter; computes what Score needs. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status
}

export interface NodeScore {
  readonly name: string
  score: number
}

/**
 * Ranks one feasible node: returns an integer, or a Status (an Error) when it cannot.
 * NormalizeScore, when present, rescales all of this plugin's scores in place to [0, 100].
 */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number | Status
  normalizeScore?(state: CycleState, pod: Pod, scores: NodeScore[]): Status
}

/** Claims node resources for the pod before binding; unreserve undoes it when a later step fails. */
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: Pod, nodeName: string): Status
  unreserve(state: CycleState, pod: Pod, nodeName: string): void
}

/** Makes the placement real (DefaultBinder creates a Binding through the API server). */
export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: Pod, nodeName: string): Promise<Status>
}

/** What the framework hands to plugins: the cluster snapshot of the current cycle. */
export interface Handle {
  snapshot(): Snapshot
}

export function isPreFilterPlugin(p: Plugin): p is PreFilterPlugin {
  return typeof (p as Partial<PreFilterPlugin>).preFilter === 'function'
}
export function isFilterPlugin(p: Plugin): p is FilterPlugin {
  return typeof (p as Partial<FilterPlugin>).filter === 'function'
}
export function isPreScorePlugin(p: Plugin): p is PreScorePlugin {
  return typeof (p as Partial<PreScorePlugin>).preScore === 'function'
}
export function isScorePlugin(p: Plugin): p is ScorePlugin {
  return typeof (p as Partial<ScorePlugin>).score === 'function'
}
export function isReservePlugin(p: Plugin): p is ReservePlugin {
  return typeof (p as Partial<ReservePlugin>).reserve === 'function'
}
export function isBindPlugin(p: Plugin): p is BindPlugin {
  return typeof (p as Partial<BindPlugin>).bind === 'function'
}
