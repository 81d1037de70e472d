// PodTopologySpread: keeps matching pods spread across topology domains (nodes, zones, ...).
// Filter enforces whenUnsatisfiable: DoNotSchedule constraints:
//   skew = (matching pods in the node's domain) + (1 if the pod itself matches) − (global minimum)
//   the node fails when skew > maxSkew; the global minimum is 0 while fewer than minDomains
//   domains exist; a node without the topology label fails as unresolvable.
// Score prefers nodes in emptier domains for ScheduleAnyway constraints (and, for pods without
// constraints, the system defaults: hostname maxSkew 3, zone maxSkew 5):
//   raw      = Σ over constraints of  count × log(domains + 2) + (maxSkew − 1), rounded
//   normal   = 100 × (max + min − raw) / max
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/{plugin,filtering,scoring}.go.
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import { maxNodeScore, type FilterPlugin, type Handle, type NodeScore, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin, type ScorePlugin } from '../framework.ts'
import { RequiredNodeAffinity } from '../node-affinity-match.ts'
import type { NodeInfo } from '../node-info.ts'
import { namespaceOf } from '../pod-info.ts'
import { errorStatus, skip, success, unresolvable, unschedulable, type Status } from '../status.ts'
import { names } from './names.ts'
import {
  constraintsFor,
  countPodsMatchSelector,
  labelHostname,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  systemDefaultConstraints,
  type Constraint,
} from './pod-topology-spread-constraints.ts'

export const errReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints"
export const errReasonNodeLabelNotMatch = `${errReasonConstraintsNotMatch} (missing required label)`

export interface PodTopologySpreadArgs {
  readonly defaultConstraints?: readonly TopologySpreadConstraint[]
  /** System (default): the built-in constraints; List: defaultConstraints as given. */
  readonly defaultingType?: 'System' | 'List'
}

interface PreFilterState {
  readonly constraints: readonly Constraint[]
  /** Per constraint: matching pods per topology value. */
  readonly tpValueToMatchNum: readonly Map<string, number>[]
  /** Per constraint: the smallest count over its domains (Infinity when there are none). */
  readonly minMatchNum: readonly number[]
}

interface PreScoreState {
  readonly constraints: readonly Constraint[]
  /** Nodes missing some topology key; they score 0. */
  readonly ignoredNodes: ReadonlySet<string>
  /** Per constraint (not hostname): matching pods per topology value, over every node. */
  readonly topologyValueToPodCounts: readonly Map<string, number>[]
  readonly topologyNormalizingWeight: readonly number[]
}

const preFilterKey = stateKey<PreFilterState>(`PreFilter${names.PodTopologySpread}`)
const preScoreKey = stateKey<PreScoreState>(`PreScore${names.PodTopologySpread}`)
const rejectedLabel = unresolvable(errReasonNodeLabelNotMatch)
const rejectedSkew = unschedulable(errReasonConstraintsNotMatch)

/** log(size + 2): smaller topologies weigh less, so a zone count is not watered down by hosts. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2)
}

export function scoreForCount(count: number, maxSkew: number, weight: number): number {
  return count * weight + (maxSkew - 1)
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = names.PodTopologySpread
  readonly #defaults: readonly TopologySpreadConstraint[]
  readonly #systemDefaulted: boolean
  readonly #handle: Handle

  constructor(args: PodTopologySpreadArgs, handle: Handle) {
    this.#systemDefaulted = (args.defaultingType ?? 'System') === 'System'
    this.#defaults = this.#systemDefaulted ? systemDefaultConstraints : (args.defaultConstraints ?? [])
    this.#handle = handle
  }

  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterResult {
    const constraints = constraintsFor(pod, this.#defaults, this.#handle.snapshot(), 'DoNotSchedule')
    if (constraints.length === 0) return { status: skip }
    const required = new RequiredNodeAffinity(pod)
    const namespace = namespaceOf(pod)
    const counts = constraints.map(() => new Map<string, number>())
    for (const nodeInfo of nodes) {
      const node = nodeInfo.node
      if (!nodeLabelsMatchSpreadConstraints(node.metadata?.labels, constraints)) continue
      constraints.forEach((c, i) => {
        if (!matchNodeInclusionPolicies(c, pod, node, required)) return
        const value = node.metadata!.labels![c.topologyKey]
        counts[i].set(value, (counts[i].get(value) ?? 0) + countPodsMatchSelector(nodeInfo.pods, c.selector, namespace))
      })
    }
    const minMatchNum = counts.map((m) => Math.min(...m.values()))
    state.write(preFilterKey, { constraints, tpValueToMatchNum: counts, minMatchNum })
    return { status: success }
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    const s = state.read(preFilterKey)
    if (!s) return errorStatus(`reading "${preFilterKey.name}" from cycleState: not found`)
    const labels = nodeInfo.node.metadata?.labels
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]
      if (!labels || !Object.hasOwn(labels, c.topologyKey)) return rejectedLabel
      const domains = s.tpValueToMatchNum[i]
      // Fewer eligible domains than minDomains: the global minimum counts as 0.
      const minMatch = domains.size < c.minDomains ? 0 : s.minMatchNum[i]
      const selfMatch = c.selector.matches(pod.metadata?.labels) ? 1 : 0
      const skew = (domains.get(labels[c.topologyKey]) ?? 0) + selfMatch - minMatch
      if (skew > c.maxSkew) return rejectedSkew
    }
    return success
  }

  preScore(state: CycleState, pod: Pod, filteredNodes: readonly NodeInfo[]): Status {
    const snapshot = this.#handle.snapshot()
    const allNodes = snapshot.nodeInfos
    if (allNodes.length === 0) return skip
    const constraints = constraintsFor(pod, this.#defaults, snapshot, 'ScheduleAnyway')
    if (constraints.length === 0) return skip
    // Only the system defaults tolerate nodes without a zone label (they still spread by host).
    const requireAllTopologies = (pod.spec?.topologySpreadConstraints ?? []).length > 0 || !this.#systemDefaulted
    const ignoredNodes = new Set<string>()
    const counts = constraints.map(() => new Map<string, number>())
    const topoSize = constraints.map(() => 0)
    for (const nodeInfo of filteredNodes) {
      const labels = nodeInfo.node.metadata?.labels
      if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
        ignoredNodes.add(nodeInfo.name)
        continue
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === labelHostname) return
        const value = labels?.[c.topologyKey] ?? ''
        if (!counts[i].has(value)) {
          counts[i].set(value, 0)
          topoSize[i]++
        }
      })
    }
    const weights = constraints.map((c, i) => topologyNormalizingWeight(c.topologyKey === labelHostname ? filteredNodes.length - ignoredNodes.size : topoSize[i]))

    const required = new RequiredNodeAffinity(pod)
    const namespace = namespaceOf(pod)
    for (const nodeInfo of allNodes) {
      const node = nodeInfo.node
      if (requireAllTopologies && !nodeLabelsMatchSpreadConstraints(node.metadata?.labels, constraints)) continue
      constraints.forEach((c, i) => {
        if (!matchNodeInclusionPolicies(c, pod, node, required)) return
        const value = node.metadata?.labels?.[c.topologyKey] ?? ''
        const current = counts[i].get(value)
        // Domains without a candidate node, and per-host counts, are skipped here.
        if (current === undefined) return
        counts[i].set(value, current + countPodsMatchSelector(nodeInfo.pods, c.selector, namespace))
      })
    }
    state.write(preScoreKey, { constraints, ignoredNodes, topologyValueToPodCounts: counts, topologyNormalizingWeight: weights })
    return success
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number | Status {
    const s = state.read(preScoreKey)
    if (!s) return errorStatus(`reading "${preScoreKey.name}" from cycleState: not found`)
    if (s.ignoredNodes.has(nodeInfo.name)) return 0
    const labels = nodeInfo.node.metadata?.labels
    const namespace = namespaceOf(pod)
    let score = 0
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]
      if (!labels || !Object.hasOwn(labels, c.topologyKey)) continue
      const count = c.topologyKey === labelHostname ? countPodsMatchSelector(nodeInfo.pods, c.selector, namespace) : (s.topologyValueToPodCounts[i].get(labels[c.topologyKey]) ?? 0)
      score += scoreForCount(count, c.maxSkew, s.topologyNormalizingWeight[i])
    }
    return Math.round(score)
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    const s = state.read(preScoreKey)
    if (!s) return success
    let min = Number.MAX_SAFE_INTEGER
    let max = 0
    for (const ns of scores) {
      if (s.ignoredNodes.has(ns.name)) continue
      if (ns.score < min) min = ns.score
      if (ns.score > max) max = ns.score
    }
    for (const ns of scores) {
      if (s.ignoredNodes.has(ns.name)) ns.score = 0
      else if (max === 0) ns.score = maxNodeScore
      else ns.score = Math.trunc((maxNodeScore * (max + min - ns.score)) / max)
    }
    return success
  }
}

PodTopologySpread satisfies new (args: PodTopologySpreadArgs, handle: Handle) => PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin
