// TaintToleration: a node's NoSchedule and NoExecute taints keep off every pod that does not
// tolerate them (Filter); PreferNoSchedule taints only make a node less attractive (Score counts
// the intolerable ones, then NormalizeScore reverses: fewest → 100). Mirrors
// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.
import type { Pod, Toleration } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import { maxNodeScore, type FilterPlugin, type NodeScore, type PreScorePlugin, type ScorePlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import { defaultNormalizeScore } from '../normalize-score.ts'
import { success, unresolvable, type Status } from '../status.ts'
import { findMatchingUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../taints.ts'
import { names } from './names.ts'

/** The Filter reason: `node(s) had untolerated taint {key: value}` (the first such taint). */
export function untoleratedTaintReason(key: string, value: string): string {
  return `node(s) had untolerated taint {${key}: ${value}}`
}

export function taintTolerationFilter(pod: Pod, nodeInfo: NodeInfo): Status {
  const taint = findMatchingUntoleratedTaint(nodeInfo.node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint)
  return taint ? unresolvable(untoleratedTaintReason(taint.key, taint.value ?? '')) : success
}

/** Tolerations that can tolerate PreferNoSchedule taints: that effect, or no effect at all. */
function preferNoScheduleTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
}

export function countIntolerableTaintsPreferNoSchedule(nodeInfo: NodeInfo, tolerations: readonly Toleration[]): number {
  let count = 0
  for (const taint of nodeInfo.node.spec?.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) count++
  }
  return count
}

const preScoreKey = stateKey<readonly Toleration[]>(`PreScore${names.TaintToleration}`)

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = names.TaintToleration

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    return taintTolerationFilter(pod, nodeInfo)
  }

  preScore(state: CycleState, pod: Pod): Status {
    state.write(preScoreKey, preferNoScheduleTolerations(pod.spec?.tolerations))
    return success
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const tolerations = state.read(preScoreKey) ?? preferNoScheduleTolerations(pod.spec?.tolerations)
    return countIntolerableTaintsPreferNoSchedule(nodeInfo, tolerations)
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    defaultNormalizeScore(maxNodeScore, true, scores)
    return success
  }
}

TaintToleration satisfies new () => FilterPlugin & PreScorePlugin & ScorePlugin
