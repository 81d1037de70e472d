// InterPodAffinity: places pods relative to other pods in the same topology domain.
// Filter (required terms), in this order:
//   1. pod affinity: for every term, the node's domain holds a pod matching ALL the terms
//      (unresolvable otherwise); the first pod of a group that matches its own terms may go
//      anywhere with the topology labels when no matching pod exists yet;
//   2. pod anti-affinity: no term's domain (on this node) holds a pod matching that term;
//   3. existing pods' anti-affinity: no pod already in the node's domains has a required
//      anti-affinity term matching the incoming pod.
// Score (preferred terms, and existing pods' terms toward the incoming pod): each matching
// (term, existing pod) adds ± weight to the existing pod's domain; a node sums the values of its
// domains; scores are then stretched to 0–100 between the lowest and highest node.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/{plugin,filtering,scoring}.go.
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import { maxNodeScore, type FilterPlugin, type Handle, type NodeScore, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin, type ScorePlugin } from '../framework.ts'
import type { Labels } from '../labels.ts'
import type { NodeInfo } from '../node-info.ts'
import { newPodInfo, termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../pod-info.ts'
import { errorStatus, skip, success, unresolvable, unschedulable, type Status } from '../status.ts'
import { names } from './names.ts'

export const errReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules"
export const errReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules"
export const errReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules"

export interface InterPodAffinityArgs {
  /** Weight of an existing pod's required affinity term that the incoming pod matches (default 1). */
  readonly hardPodAffinityWeight?: number
  readonly ignorePreferredTermsOfExistingPods?: boolean
}

/** Counts per topology pair: topology key → topology value → count (no entry for 0). */
class TopologyCounts {
  readonly #byKey = new Map<string, Map<string, number>>()
  #pairs = 0

  get size(): number {
    return this.#pairs
  }

  get(key: string, value: string): number {
    return this.#byKey.get(key)?.get(value) ?? 0
  }

  add(key: string, value: string, by: number): void {
    let byValue = this.#byKey.get(key)
    if (!byValue) this.#byKey.set(key, (byValue = new Map()))
    const before = byValue.get(value) ?? 0
    const next = before + by
    if (next === 0) byValue.delete(value)
    else byValue.set(value, next)
    this.#pairs += (next !== 0 ? 1 : 0) - (before !== 0 ? 1 : 0)
  }

  /** Some label of the node names a pair with a positive count. */
  anyPositive(labels: Labels): boolean {
    for (const [key, byValue] of this.#byKey) {
      if (Object.hasOwn(labels, key) && (byValue.get(labels[key]) ?? 0) > 0) return true
    }
    return false
  }
}

interface PreFilterState {
  readonly podInfo: PodInfo
  readonly namespaceLabels: Labels | undefined
  /** Pairs where existing pods' required anti-affinity terms match the incoming pod. */
  readonly existingAntiAffinityCounts: TopologyCounts
  /** Pairs holding pods that match all of the incoming pod's required affinity terms. */
  readonly affinityCounts: TopologyCounts
  /** Pairs holding pods that match one of the incoming pod's required anti-affinity terms. */
  readonly antiAffinityCounts: TopologyCounts
}

const preFilterKey = stateKey<PreFilterState>(`PreFilter${names.InterPodAffinity}`)
const preScoreKey = stateKey<Map<string, Map<string, number>>>(`PreScore${names.InterPodAffinity}`)
const rejectedAffinity = unresolvable(errReasonAffinityRulesNotMatch)
const rejectedAntiAffinity = unschedulable(errReasonAntiAffinityRulesNotMatch)
const rejectedExisting = unschedulable(errReasonExistingAntiAffinityRulesNotMatch)

function bump(counts: TopologyCounts, node: Node, key: string, by: number): void {
  const labels = node.metadata?.labels
  if (labels && Object.hasOwn(labels, key)) counts.add(key, labels[key], by)
}

function matchesAll(terms: readonly AffinityTerm[], pod: Pod, namespaceLabels: Labels | undefined): boolean {
  if (terms.length === 0) return false
  for (const t of terms) if (!termMatches(t, pod, namespaceLabels)) return false
  return true
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = names.InterPodAffinity
  readonly #hardPodAffinityWeight: number
  readonly #ignorePreferredTermsOfExistingPods: boolean
  readonly #handle: Handle

  constructor(args: InterPodAffinityArgs, handle: Handle) {
    this.#hardPodAffinityWeight = args.hardPodAffinityWeight ?? 1
    this.#ignorePreferredTermsOfExistingPods = args.ignorePreferredTermsOfExistingPods ?? false
    this.#handle = handle
  }

  preFilter(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterResult {
    const snapshot = this.#handle.snapshot()
    const podInfo = newPodInfo(pod)
    const namespaceLabels = snapshot.namespaceLabels(podInfo.namespace)
    const existingAntiAffinityCounts = new TopologyCounts()
    for (const nodeInfo of snapshot.havePodsWithRequiredAntiAffinity) {
      for (const existing of nodeInfo.podsWithRequiredAntiAffinity) {
        for (const term of existing.requiredAntiAffinityTerms) {
          if (termMatches(term, pod, namespaceLabels)) bump(existingAntiAffinityCounts, nodeInfo.node, term.topologyKey, 1)
        }
      }
    }
    const affinityCounts = new TopologyCounts()
    const antiAffinityCounts = new TopologyCounts()
    const affinityTerms = podInfo.requiredAffinityTerms
    const antiTerms = podInfo.requiredAntiAffinityTerms
    if (affinityTerms.length > 0 || antiTerms.length > 0) {
      for (const nodeInfo of nodes) {
        for (const existing of nodeInfo.pods) {
          const existingNsLabels = snapshot.namespaceLabels(existing.namespace)
          if (matchesAll(affinityTerms, existing.pod, existingNsLabels)) {
            for (const t of affinityTerms) bump(affinityCounts, nodeInfo.node, t.topologyKey, 1)
          }
          for (const t of antiTerms) if (termMatches(t, existing.pod, existingNsLabels)) bump(antiAffinityCounts, nodeInfo.node, t.topologyKey, 1)
        }
      }
    }
    if (existingAntiAffinityCounts.size === 0 && affinityTerms.length === 0 && antiTerms.length === 0) return { status: skip }
    state.write(preFilterKey, { podInfo, namespaceLabels, existingAntiAffinityCounts, affinityCounts, antiAffinityCounts })
    return { status: success }
  }

  filter(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): Status {
    const s = state.read(preFilterKey)
    if (!s) return errorStatus(`reading "${preFilterKey.name}" from cycleState: not found`)
    const labels = nodeInfo.node.metadata?.labels ?? {}
    if (!satisfiesPodAffinity(s, labels)) return rejectedAffinity
    for (const t of s.podInfo.requiredAntiAffinityTerms) {
      if (Object.hasOwn(labels, t.topologyKey) && s.antiAffinityCounts.get(t.topologyKey, labels[t.topologyKey]) > 0) return rejectedAntiAffinity
    }
    if (s.existingAntiAffinityCounts.size > 0 && s.existingAntiAffinityCounts.anyPositive(labels)) return rejectedExisting
    return success
  }

  preScore(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): Status {
    if (nodes.length === 0) return skip
    const snapshot = this.#handle.snapshot()
    const podInfo = newPodInfo(pod)
    const hasConstraints = podInfo.preferredAffinityTerms.length > 0 || podInfo.preferredAntiAffinityTerms.length > 0
    if (this.#ignorePreferredTermsOfExistingPods && !hasConstraints) return skip
    const namespaceLabels = snapshot.namespaceLabels(podInfo.namespace)
    const scores = new Map<string, Map<string, number>>()
    const nodesToProcess = hasConstraints ? snapshot.nodeInfos : snapshot.havePodsWithAffinity
    for (const nodeInfo of nodesToProcess) {
      const node = nodeInfo.node
      if (Object.keys(node.metadata?.labels ?? {}).length === 0) continue
      for (const existing of hasConstraints ? nodeInfo.pods : nodeInfo.podsWithAffinity) {
        const existingNsLabels = snapshot.namespaceLabels(existing.namespace)
        addTermScores(scores, podInfo.preferredAffinityTerms, undefined, existing.pod, existingNsLabels, node, 1)
        addTermScores(scores, podInfo.preferredAntiAffinityTerms, undefined, existing.pod, existingNsLabels, node, -1)
        if (this.#hardPodAffinityWeight > 0) addTermScores(scores, existing.requiredAffinityTerms, this.#hardPodAffinityWeight, pod, namespaceLabels, node, 1)
        addTermScores(scores, existing.preferredAffinityTerms, undefined, pod, namespaceLabels, node, 1)
        addTermScores(scores, existing.preferredAntiAffinityTerms, undefined, pod, namespaceLabels, node, -1)
      }
    }
    if (scores.size === 0) return skip
    state.write(preScoreKey, scores)
    return success
  }

  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number | Status {
    const scores = state.read(preScoreKey)
    if (!scores) return errorStatus(`reading "${preScoreKey.name}" from cycleState: not found`)
    const labels = nodeInfo.node.metadata?.labels ?? {}
    let score = 0
    for (const [key, byValue] of scores) if (Object.hasOwn(labels, key)) score += byValue.get(labels[key]) ?? 0
    return score
  }

  normalizeScore(state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    if (!state.read(preScoreKey)) return success
    let min = Infinity
    let max = -Infinity
    for (const s of scores) {
      if (s.score > max) max = s.score
      if (s.score < min) min = s.score
    }
    const spread = max - min
    for (const s of scores) s.score = spread > 0 ? Math.trunc(maxNodeScore * ((s.score - min) / spread)) : 0
    return success
  }
}

/**
 * Adds the weight of every term the target pod matches to the node's topology value (processTerm
 * in scoring.go); `weight` overrides the terms' own (hardPodAffinityWeight for required terms).
 */
function addTermScores(
  scores: Map<string, Map<string, number>>,
  terms: readonly (AffinityTerm | WeightedAffinityTerm)[],
  weight: number | undefined,
  target: Pod,
  targetNsLabels: Labels | undefined,
  node: Node,
  sign: number,
): void {
  for (const t of terms) {
    if (!termMatches(t, target, targetNsLabels)) continue
    const value = node.metadata?.labels?.[t.topologyKey]
    if (value === undefined) continue
    let byValue = scores.get(t.topologyKey)
    if (!byValue) scores.set(t.topologyKey, (byValue = new Map()))
    byValue.set(value, (byValue.get(value) ?? 0) + (weight ?? ('weight' in t ? t.weight : 0)) * sign)
  }
}

/** satisfyPodAffinity in filtering.go. */
function satisfiesPodAffinity(s: PreFilterState, labels: Labels): boolean {
  let podsExist = true
  for (const t of s.podInfo.requiredAffinityTerms) {
    // Every topology label the terms name must be on the node.
    if (!Object.hasOwn(labels, t.topologyKey)) return false
    if (s.affinityCounts.get(t.topologyKey, labels[t.topologyKey]) <= 0) podsExist = false
  }
  if (podsExist) return true
  // The first pod of a group with affinity to itself: allowed when no pod matches yet.
  return s.affinityCounts.size === 0 && matchesAll(s.podInfo.requiredAffinityTerms, s.podInfo.pod, s.namespaceLabels)
}

InterPodAffinity satisfies new (args: InterPodAffinityArgs, handle: Handle) => PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin
