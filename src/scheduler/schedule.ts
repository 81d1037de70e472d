// One pod's scheduling algorithm over a snapshot, as a pure function: PreFilter, Filter over the
// nodes (stopping once enough feasible nodes are found), PreScore, Score, and a host chosen among
// the best-scoring nodes. Mirrors schedulePod, findNodesThatFitPod, findNodesThatPassFilters,
// numFeasibleNodesToFind, prioritizeNodes and selectHost in pkg/scheduler/schedule_one.go.
// The scheduling loop (queue, cache, assume, bind, events) is built on top of this.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { Random } from '../sim/random.ts'
import type { CycleState } from './cycle-state.ts'
import type { Diagnosis } from './fit-error.ts'
import type { NodeScore } from './framework.ts'
import { runFilters, type Framework, type PluginScores } from './framework-runtime.ts'
import type { NodeInfo } from './node-info.ts'
import type { Snapshot } from './snapshot.ts'
import { messageOf, unresolvable, type PluginStatus, type Status } from './status.ts'

export const minFeasibleNodesToFind = 100
export const minFeasibleNodesPercentageToFind = 5

/** How many feasible nodes to find before scoring: all below 100 nodes, then an adaptive share. */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes
  let percentage = percentageOfNodesToScore ?? 0
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125)
    if (percentage < minFeasibleNodesPercentageToFind) percentage = minFeasibleNodesPercentageToFind
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100)
  return numNodes < minFeasibleNodesToFind ? minFeasibleNodesToFind : numNodes
}

export interface FitError {
  readonly pod: Pod
  readonly numAllNodes: number
  readonly diagnosis: Diagnosis
}

export type ScheduleResult =
  | {
      readonly kind: 'Scheduled'
      readonly nodeName: string
      readonly evaluatedNodes: number
      readonly feasibleNodes: number
      /** Where the next cycle starts looking, so nodes are evaluated round-robin. */
      readonly nextStartIndex: number
      readonly scores?: readonly NodeScore[]
      readonly byPlugin?: readonly PluginScores[]
    }
  | { readonly kind: 'Unschedulable'; readonly fitError: FitError; readonly nextStartIndex: number }
  | { readonly kind: 'Error'; readonly status: Status; readonly plugin?: string; readonly nextStartIndex: number }

export interface ScheduleOptions {
  /** Breaks ties between the best nodes: each is chosen with equal chance, as selectHost does. */
  readonly random: Random
  /** nextStartNodeIndex from the previous cycle. */
  readonly startIndex?: number
  /**
   * Keep the scores in the result (scores, byPlugin); default true. The scheduling loop turns it
   * off and gets only the chosen node, scored without a NodeScore per node.
   */
  readonly recordScores?: boolean
}

/** A node chosen uniformly among those with the highest total (selectHost). */
export function selectHost(scores: readonly NodeScore[], random: Random): string | undefined {
  const i = selectHostIndex(scores.map((s) => s.score), random)
  return i < 0 ? undefined : scores[i].name
}

/**
 * selectHost over bare totals (what the loop has): the index chosen, -1 when there are none.
 * selectHost draws once per tied node (reservoir sampling: the k-th tie replaces the pick with
 * chance 1/k); every tied node ends up chosen with the same chance 1/count. Counting the ties
 * first and drawing once gives that same distribution with one draw: a cluster of identical
 * nodes ties hundreds of them each cycle, and the draws had been 8% of the cycle.
 */
export function selectHostIndex(totals: readonly number[], random: Random): number {
  let best = -Infinity
  let count = 0
  for (let i = 0; i < totals.length; i++) {
    const score = totals[i]
    if (score > best) {
      best = score
      count = 1
    } else if (score === best) count++
  }
  if (count === 0) return -1
  let pick = count === 1 ? 0 : random.int(0, count - 1)
  for (let i = 0; ; i++) if (totals[i] === best && pick-- === 0) return i
}

export function schedulePod(framework: Framework, state: CycleState, pod: Pod, snapshot: Snapshot, options: ScheduleOptions): ScheduleResult {
  framework.setSnapshot(snapshot)
  const allNodes = snapshot.nodeInfos
  const startIndex = options.startIndex ?? 0
  if (allNodes.length === 0) return { kind: 'Error', status: { code: 'Error', message: 'no nodes available to schedule pods' }, nextStartIndex: 0 }

  const nodeToStatus = new Map<string, PluginStatus>()
  const unschedulablePlugins = new Set<string>()
  const pre = framework.runPreFilterPlugins(state, pod, allNodes)
  if (pre.status.code === 'Error') return { kind: 'Error', status: pre.status, plugin: pre.plugin, nextStartIndex: startIndex }
  if (pre.status.code !== 'Success') {
    if (pre.plugin) unschedulablePlugins.add(pre.plugin)
    const diagnosis: Diagnosis = { nodeToStatus, absentNodesStatus: pre.status, unschedulablePlugins, preFilterMsg: messageOf(pre.status), postFilterMsg: '' }
    return { kind: 'Unschedulable', fitError: { pod, numAllNodes: allNodes.length, diagnosis }, nextStartIndex: startIndex }
  }

  let nodes: readonly NodeInfo[] = allNodes
  let absentNodesStatus: Status | undefined
  if (pre.nodeNames) {
    nodes = [...pre.nodeNames].map((n) => snapshot.get(n)).filter((n): n is NodeInfo => n !== undefined)
    absentNodesStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`)
  }

  const toFind = numFeasibleNodesToFind(framework.profile.percentageOfNodesToScore, nodes.length)
  // Sized once: growing it by push reallocated it eight times a cycle at 5,000 nodes.
  const feasible: NodeInfo[] = new Array<NodeInfo>(Math.min(toFind, nodes.length))
  let found = 0
  let processed = 0
  const filters = framework.activeFilterPlugins(state)
  // Round-robin from startIndex, wrapping by a compare rather than a division per node.
  for (let i = 0, at = startIndex % Math.max(nodes.length, 1); i < nodes.length && found < toFind; i++, at = at + 1 === nodes.length ? 0 : at + 1) {
    const nodeInfo = nodes[at]
    processed++
    const verdict = runFilters(filters, state, pod, nodeInfo)
    if (!verdict) feasible[found++] = nodeInfo
    else if (verdict.status.code === 'Error') return { kind: 'Error', status: verdict.status, plugin: verdict.plugin, nextStartIndex: startIndex }
    else {
      nodeToStatus.set(nodeInfo.name, verdict)
      unschedulablePlugins.add(verdict.plugin)
    }
  }
  const nextStartIndex = nodes.length === 0 ? 0 : (startIndex + processed) % nodes.length
  feasible.length = found

  if (feasible.length === 0) {
    const diagnosis: Diagnosis = { nodeToStatus, absentNodesStatus, unschedulablePlugins, preFilterMsg: '', postFilterMsg: '' }
    return { kind: 'Unschedulable', fitError: { pod, numAllNodes: allNodes.length, diagnosis }, nextStartIndex }
  }
  if (feasible.length === 1) return { kind: 'Scheduled', nodeName: feasible[0].name, evaluatedNodes: 1 + nodeToStatus.size, feasibleNodes: 1, nextStartIndex }

  const preScore = framework.runPreScorePlugins(state, pod, feasible)
  if (preScore) return { kind: 'Error', status: preScore.status, plugin: preScore.plugin, nextStartIndex }
  const evaluatedNodes = feasible.length + nodeToStatus.size
  if (options.recordScores === false) {
    const totals = new Array<number>(feasible.length).fill(0)
    const failed = framework.runScorePluginsInto(state, pod, feasible, totals)
    if (failed) return { kind: 'Error', status: failed.status, plugin: failed.plugin, nextStartIndex }
    const nodeName = feasible[selectHostIndex(totals, options.random)].name
    return { kind: 'Scheduled', nodeName, evaluatedNodes, feasibleNodes: feasible.length, nextStartIndex }
  }
  const scored = framework.runScorePlugins(state, pod, feasible)
  if (!scored.ok) return { kind: 'Error', status: scored.status, plugin: scored.plugin, nextStartIndex }
  const nodeName = selectHost(scored.totals, options.random)!
  return { kind: 'Scheduled', nodeName, evaluatedNodes, feasibleNodes: feasible.length, nextStartIndex, scores: scored.totals, byPlugin: scored.byPlugin }
}
