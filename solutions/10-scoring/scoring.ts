// Lesson 10 solution: the default profile's scoring, its normalization and weighting, how many
// nodes are searched, and the random choice among the best.
import type { Pod, Toleration } from 'kubernetes-types/core/v1.js'
import type { NodeScore } from '../../src/scheduler/framework.ts'
import { maxNodeScore } from '../../src/scheduler/framework.ts'
import { NodeSelectorMatcher } from '../../src/scheduler/node-affinity-match.ts'
import type { NodeInfo } from '../../src/scheduler/node-info.ts'
import { nonZeroDefaults, podRequestsResource } from '../../src/scheduler/pod-requests.ts'
import type { ResourceView } from '../../src/scheduler/resource.ts'
import { tolerationsTolerateTaint } from '../../src/scheduler/taints.ts'
import type { Random } from '../../src/sim/random.ts'

export type { Pod, Node, Taint, Toleration, PreferredSchedulingTerm } from 'kubernetes-types/core/v1.js'
export type { NodeInfo } from '../../src/scheduler/node-info.ts'
export type { NodeScore } from '../../src/scheduler/framework.ts'
export type { Random } from '../../src/sim/random.ts'
export { maxNodeScore } from '../../src/scheduler/framework.ts'
export { podRequestsResource, nonZeroDefaults } from '../../src/scheduler/pod-requests.ts'
export { tolerationsTolerateTaint } from '../../src/scheduler/taints.ts'
export { NodeSelectorMatcher } from '../../src/scheduler/node-affinity-match.ts'

export interface ResourceSpec {
  readonly name: 'cpu' | 'memory'
  readonly weight: number
}

export const defaultResources: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
]

export const pluginWeights = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const

export type ScorePluginName = keyof typeof pluginWeights

export interface ScoringConfig {
  readonly strategy: 'LeastAllocated' | 'MostAllocated'
  readonly resources: readonly ResourceSpec[]
}

export const defaultScoringConfig: ScoringConfig = { strategy: 'LeastAllocated', resources: defaultResources }

export interface PluginScores {
  readonly plugin: ScorePluginName
  readonly weight: number
  readonly raw: readonly number[]
  readonly normalized: readonly number[]
}

export interface ScoreTable {
  readonly byPlugin: readonly PluginScores[]
  readonly totals: readonly NodeScore[]
}

// ---------------------------------------------------------------- resource scoring

/** One resource as the node would look with the pod on it. */
interface Usage {
  readonly requested: number
  readonly capacity: number
  readonly weight: number
}

const amount = (r: ResourceView, name: ResourceSpec['name']) => (name === 'cpu' ? r.milliCPU : r.memory)

/**
 * calculateResourceAllocatableRequest for each resource the node has. The Fit strategies count
 * the 100m / 200Mi defaults on both sides (nonZero); BalancedAllocation uses the real requests.
 */
function usage(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[], nonZero: boolean): Usage[] {
  const podRequest = nonZero ? podRequestsResource(pod, { nonMissingContainerRequests: nonZeroDefaults }) : podRequestsResource(pod)
  const onNode = nonZero ? nodeInfo.nonZeroRequested : nodeInfo.requested
  return resources
    .map(({ name, weight }) => ({ requested: amount(onNode, name) + amount(podRequest, name), capacity: amount(nodeInfo.allocatable, name), weight }))
    .filter((u) => u.capacity > 0)
}

/** Σ score × weight / Σ weight, integer division; 0 when the node has none of the resources. */
function weightedAverage(usages: readonly Usage[], perResource: (u: Usage) => number): number {
  let sum = 0
  let weights = 0
  for (const u of usages) {
    sum += perResource(u) * u.weight
    weights += u.weight
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights)
}

export function leastAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  return weightedAverage(usage(pod, nodeInfo, resources, true), ({ requested, capacity }) =>
    requested > capacity ? 0 : Math.trunc(((capacity - requested) * maxNodeScore) / capacity),
  )
}

export function mostAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  return weightedAverage(usage(pod, nodeInfo, resources, true), ({ requested, capacity }) => Math.trunc((Math.min(requested, capacity) * maxNodeScore) / capacity))
}

export function balancedAllocation(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  const podRequest = podRequestsResource(pod)
  if (resources.every(({ name }) => amount(podRequest, name) === 0)) return 0
  const fractions = usage(pod, nodeInfo, resources, false).map(({ requested, capacity }) => Math.min(requested / capacity, 1))
  const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0
  return Math.trunc((1 - std) * maxNodeScore)
}

// ---------------------------------------------------------------- taints and affinity

export function taintToleration(pod: Pod, nodeInfo: NodeInfo): number {
  const tolerations: Toleration[] = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
  return (nodeInfo.node.spec?.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)).length
}

export function nodeAffinity(pod: Pod, nodeInfo: NodeInfo): number {
  let score = 0
  for (const term of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (new NodeSelectorMatcher({ nodeSelectorTerms: [term.preference] }).matches(nodeInfo.node)) score += term.weight
  }
  return score
}

// ---------------------------------------------------------------- normalizing and weighting

export function normalizeScores(scores: readonly number[], reverse: boolean): number[] {
  const highest = Math.max(0, ...scores)
  if (highest === 0) return scores.map(() => (reverse ? maxNodeScore : 0))
  return scores.map((s) => {
    const scaled = Math.trunc((s * maxNodeScore) / highest)
    return reverse ? maxNodeScore - scaled : scaled
  })
}

export function scoreNodes(pod: Pod, nodes: readonly NodeInfo[], config: ScoringConfig = defaultScoringConfig): ScoreTable {
  const fit = config.strategy === 'MostAllocated' ? mostAllocated : leastAllocated
  const plugins: Record<ScorePluginName, { score: (n: NodeInfo) => number; normalize?: (raw: readonly number[]) => number[] }> = {
    TaintToleration: { score: (n) => taintToleration(pod, n), normalize: (raw) => normalizeScores(raw, true) },
    NodeAffinity: { score: (n) => nodeAffinity(pod, n), normalize: (raw) => normalizeScores(raw, false) },
    NodeResourcesFit: { score: (n) => fit(pod, n, config.resources) },
    NodeResourcesBalancedAllocation: { score: (n) => balancedAllocation(pod, n, config.resources) },
  }
  const byPlugin = (Object.keys(pluginWeights) as ScorePluginName[]).map((plugin): PluginScores => {
    const raw = nodes.map(plugins[plugin].score)
    return { plugin, weight: pluginWeights[plugin], raw, normalized: plugins[plugin].normalize?.(raw) ?? raw }
  })
  const totals = nodes.map((n, i) => ({ name: n.name, score: byPlugin.reduce((sum, p) => sum + p.normalized[i] * p.weight, 0) }))
  return { byPlugin, totals }
}

// ---------------------------------------------------------------- how many nodes, and which one

export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes
  let percentage = percentageOfNodesToScore ?? 0
  if (percentage === 0) percentage = Math.max(5, 50 - Math.trunc(numAllNodes / 125))
  return Math.max(100, Math.trunc((numAllNodes * percentage) / 100))
}

export function findFeasibleNodes<T>(
  nodes: readonly T[],
  startIndex: number,
  percentageOfNodesToScore: number | undefined,
  fits: (node: T) => boolean,
): { feasible: T[]; nextStartIndex: number } {
  if (nodes.length === 0) return { feasible: [], nextStartIndex: 0 }
  const toFind = numFeasibleNodesToFind(percentageOfNodesToScore, nodes.length)
  const feasible: T[] = []
  let looked = 0
  while (looked < nodes.length && feasible.length < toFind) {
    const node = nodes[(startIndex + looked) % nodes.length]
    looked++
    if (fits(node)) feasible.push(node)
  }
  return { feasible, nextStartIndex: (startIndex + looked) % nodes.length }
}

/** Reservoir sampling: the k-th node tied for the best replaces the choice with chance 1/k. */
export function selectHost(scores: readonly NodeScore[], random: Random): string {
  let selected = ''
  let best = -Infinity
  let ties = 0
  for (const { name, score } of scores) {
    if (score > best) {
      best = score
      selected = name
      ties = 1
    } else if (score === best) {
      ties++
      if (random.int(1, ties) === 1) selected = name
    }
  }
  return selected
}
