// Lesson 10 — scoring and selection. Write the functions below; `npm run lesson -- grade 10`
// grades them. The filters have already run: every node you are handed can take the pod. Your
// job is to rank them the way kube-scheduler's default profile does, and to pick the winner.
//
// Your score functions plug into the reference scheduler: src/scheduler/score-function.ts turns
// them into ScorePlugins, and demo.ts runs a whole cluster with them.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { NodeInfo } from '../../src/scheduler/node-info.ts'
import type { NodeScore } from '../../src/scheduler/framework.ts'
import type { Random } from '../../src/sim/random.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { Pod, Node, Taint, Toleration, PreferredSchedulingTerm } from 'kubernetes-types/core/v1.js'
export type { NodeInfo } from '../../src/scheduler/node-info.ts'
export type { NodeScore } from '../../src/scheduler/framework.ts'
export type { Random } from '../../src/sim/random.ts'
/** 100: the best a plugin can give a node. */
export { maxNodeScore } from '../../src/scheduler/framework.ts'
/**
 * `podRequestsResource(pod)`: what the pod requests (cpu in milli-cpu, memory in bytes).
 * `podRequestsResource(pod, { nonMissingContainerRequests: nonZeroDefaults })`: the same, but a
 * container that does not list cpu (or memory) at all counts as 100m cpu (or 200Mi memory).
 */
export { podRequestsResource, nonZeroDefaults } from '../../src/scheduler/pod-requests.ts'
/** `tolerationsTolerateTaint(tolerations, taint)`: does one of these tolerations tolerate it? */
export { tolerationsTolerateTaint } from '../../src/scheduler/taints.ts'
/** `new NodeSelectorMatcher({ nodeSelectorTerms: [term.preference] }).matches(node)`: does the node match one term? */
export { NodeSelectorMatcher } from '../../src/scheduler/node-affinity-match.ts'

/** A resource the resource scorers look at, with its weight (scoringStrategy.resources). */
export interface ResourceSpec {
  readonly name: 'cpu' | 'memory'
  readonly weight: number
}

/** The default: cpu and memory, weight 1 each. */
export const defaultResources: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
]

/** The score plugins of the default profile and their weights (default_plugins.go). */
export const pluginWeights = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const

export type ScorePluginName = keyof typeof pluginWeights

/** NodeResourcesFit's scoringStrategy, and the resources both resource plugins look at. */
export interface ScoringConfig {
  readonly strategy: 'LeastAllocated' | 'MostAllocated'
  readonly resources: readonly ResourceSpec[]
}

export const defaultScoringConfig: ScoringConfig = { strategy: 'LeastAllocated', resources: defaultResources }

/** One plugin's scores for the nodes, in node order. */
export interface PluginScores {
  readonly plugin: ScorePluginName
  readonly weight: number
  /** What Score returned for each node. */
  readonly raw: readonly number[]
  /** After NormalizeScore (the same as raw for a plugin without one). */
  readonly normalized: readonly number[]
}

export interface ScoreTable {
  /** The four plugins, in the order of pluginWeights. */
  readonly byPlugin: readonly PluginScores[]
  /** For each node, in node order: Σ normalized × weight. */
  readonly totals: readonly NodeScore[]
}

/**
 * NodeResourcesFit, LeastAllocated strategy: the emptier the node would be with the pod on it,
 * the higher. For each resource, with the non-zero defaults on both sides (the pod's request via
 * `nonZeroDefaults`, and `nodeInfo.nonZeroRequested` for the pods already there):
 *   requested = nonZeroRequested + the pod's request;  capacity = nodeInfo.allocatable
 *   score     = (capacity − requested) × 100 / capacity, integer division; 0 when requested > capacity
 * The node's score: Σ score × weight / Σ weight, integer division, over the resources the node
 * has (a resource with capacity 0 is left out; none left → 0).
 */
export function leastAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  throw new NotImplemented('leastAllocated')
}

/**
 * NodeResourcesFit, MostAllocated strategy: the fuller the node would be, the higher (bin
 * packing). The same inputs as leastAllocated, and per resource
 *   score = min(requested, capacity) × 100 / capacity, integer division
 * combined with the same weighted integer average.
 */
export function mostAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  throw new NotImplemented('mostAllocated')
}

/**
 * NodeResourcesBalancedAllocation: how evenly the node's resources would be used. REAL requests
 * here, no defaults: `podRequestsResource(pod)` and `nodeInfo.requested`. A pod that requests
 * none of the resources scores 0 everywhere (kube-scheduler skips the plugin for it). For each
 * resource the node has (capacity > 0): fraction = min(requested / capacity, 1), a float. Then
 *   std   = |fraction₁ − fraction₂| / 2 with two fractions, 0 with fewer
 *   score = Math.trunc((1 − std) × 100)
 * (With more than two resources Kubernetes uses the population standard deviation; the lesson
 * only has cpu and memory.) Weights do not matter here, only which resources are listed.
 */
export function balancedAllocation(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  throw new NotImplemented('balancedAllocation')
}

/**
 * TaintToleration's raw score: how many of the node's `PreferNoSchedule` taints the pod does not
 * tolerate. (NoSchedule and NoExecute taints do not count: the filter dealt with them.)
 */
export function taintToleration(pod: Pod, nodeInfo: NodeInfo): number {
  throw new NotImplemented('taintToleration')
}

/**
 * NodeAffinity's raw score: the sum of the weights of the pod's
 * `affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution` terms that the node
 * matches (0 when the pod has none).
 */
export function nodeAffinity(pod: Pod, nodeInfo: NodeInfo): number {
  throw new NotImplemented('nodeAffinity')
}

/**
 * DefaultNormalizeScore: rescale so the highest raw score becomes 100:
 *   score × 100 / highest, integer division.
 * With `reverse`, each becomes 100 − that (the lowest raw score wins). When every score is 0:
 * all stay 0, or, with `reverse`, all become 100. Return a new array; do not change `scores`.
 */
export function normalizeScores(scores: readonly number[], reverse: boolean): number[] {
  throw new NotImplemented('normalizeScores')
}

/**
 * The score phase for the nodes that passed the filters: run the four plugins on every node,
 * normalize TaintToleration (reversed) and NodeAffinity, and add up normalized × weight (from
 * pluginWeights) per node. NodeResourcesFit uses `config.strategy`; both resource plugins look at
 * `config.resources`.
 */
export function scoreNodes(pod: Pod, nodes: readonly NodeInfo[], config: ScoringConfig = defaultScoringConfig): ScoreTable {
  throw new NotImplemented('scoreNodes')
}

/**
 * How many feasible nodes to find before scoring stops the search. Below 100 nodes: all of them.
 * Otherwise the percentage is `percentageOfNodesToScore`, or, when that is 0 or undefined, the
 * adaptive default 50 − numAllNodes / 125 (integer division) but at least 5; the result is
 * numAllNodes × percentage / 100 (integer division), but at least 100.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  throw new NotImplemented('numFeasibleNodesToFind')
}

/**
 * The filter loop's search: look at the nodes starting at `startIndex` and wrapping around, keep
 * the ones `fits` accepts, and stop as soon as numFeasibleNodesToFind of them are found (or every
 * node was looked at). `nextStartIndex` is where the next pod's search starts: just after the last
 * node looked at, (startIndex + nodes looked at) % nodes.length, or 0 when there are no nodes.
 */
export function findFeasibleNodes<T>(
  nodes: readonly T[],
  startIndex: number,
  percentageOfNodesToScore: number | undefined,
  fits: (node: T) => boolean,
): { feasible: T[]; nextStartIndex: number } {
  throw new NotImplemented('findFeasibleNodes')
}

/**
 * The node with the highest total. When several share it, choose one of them uniformly at random,
 * drawing only from `random` (`random.int(min, max)` includes both ends), so a seed replays it.
 */
export function selectHost(scores: readonly NodeScore[], random: Random): string {
  throw new NotImplemented('selectHost')
}
