// Small builders for pods and nodes in tests and graders, in the spirit of st.MakePod() and
// st.MakeNode() (pkg/scheduler/testing/wrappers.go): `makePod('web').req({ cpu: '500m' }).obj()`,
// `makeNode('n1').capacity({ cpu: '4', memory: '8Gi', pods: '110' }).obj()`.
import type { Node, NodeSelectorRequirement, Pod, PodAffinityTerm, Taint, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { CycleState } from './cycle-state.ts'
import { isPreFilterPlugin, isPreScorePlugin, type FilterPlugin, type Handle, type NodeScore, type ScorePlugin } from './framework.ts'
import type { NodeInfo } from './node-info.ts'
import type { Snapshot } from './snapshot.ts'
import { showStatus, success, unresolvable, type Status } from './status.ts'

type Quantities = Record<string, string>

export class PodBuilder {
  readonly #pod: Pod

  constructor(name: string) {
    this.#pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name }, spec: { containers: [] } }
  }

  /** The metadata with its server-set fields writable (uid, deletionTimestamp). */
  #meta(): { uid?: string; deletionTimestamp?: string } {
    return this.#pod.metadata as { uid?: string; deletionTimestamp?: string }
  }
  namespace(ns: string): this {
    this.#pod.metadata!.namespace = ns
    this.#meta().uid = `${ns}/${this.#pod.metadata!.name}`
    return this
  }
  uid(uid: string): this {
    this.#meta().uid = uid
    return this
  }
  label(key: string, value: string): this {
    this.#pod.metadata!.labels = { ...this.#pod.metadata!.labels, [key]: value }
    return this
  }
  labels(labels: Record<string, string>): this {
    this.#pod.metadata!.labels = { ...this.#pod.metadata!.labels, ...labels }
    return this
  }
  /** Adds a container with these requests (one call, one container). */
  req(requests: Quantities = {}): this {
    const i = this.#pod.spec!.containers.length
    this.#pod.spec!.containers.push({ name: `c${i}`, image: 'registry.k8s.io/pause:3.10', resources: { requests } })
    return this
  }
  /** Adds a container without any resources section. */
  container(): this {
    const i = this.#pod.spec!.containers.length
    this.#pod.spec!.containers.push({ name: `c${i}`, image: 'registry.k8s.io/pause:3.10' })
    return this
  }
  initReq(requests: Quantities = {}): this {
    const init = (this.#pod.spec!.initContainers ??= [])
    init.push({ name: `init${init.length}`, image: 'busybox:1.36', resources: { requests } })
    return this
  }
  /** A restartable init container (restartPolicy: Always): a sidecar. */
  sidecarReq(requests: Quantities = {}): this {
    const init = (this.#pod.spec!.initContainers ??= [])
    init.push({ name: `sidecar${init.length}`, image: 'envoyproxy/envoy:v1.31', restartPolicy: 'Always', resources: { requests } })
    return this
  }
  overhead(overhead: Quantities): this {
    this.#pod.spec!.overhead = overhead
    return this
  }
  node(nodeName: string): this {
    this.#pod.spec!.nodeName = nodeName
    return this
  }
  priority(priority: number): this {
    this.#pod.spec!.priority = priority
    return this
  }
  nodeSelector(selector: Record<string, string>): this {
    this.#pod.spec!.nodeSelector = selector
    return this
  }
  toleration(toleration: Toleration): this {
    ;(this.#pod.spec!.tolerations ??= []).push(toleration)
    return this
  }
  /** Adds one required nodeSelectorTerm with these expressions (and optional matchFields). */
  nodeAffinityIn(key: string, values: string[]): this {
    return this.requiredNodeTerm([{ key, operator: 'In', values }])
  }
  requiredNodeTerm(matchExpressions: NodeSelectorRequirement[], matchFields?: NodeSelectorRequirement[]): this {
    const spec = this.#pod.spec!
    const na = ((spec.affinity ??= {}).nodeAffinity ??= {})
    const required = (na.requiredDuringSchedulingIgnoredDuringExecution ??= { nodeSelectorTerms: [] })
    required.nodeSelectorTerms.push({ matchExpressions, ...(matchFields ? { matchFields } : {}) })
    return this
  }
  preferredNodeTerm(weight: number, matchExpressions: NodeSelectorRequirement[]): this {
    const spec = this.#pod.spec!
    const na = ((spec.affinity ??= {}).nodeAffinity ??= {})
    ;(na.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, preference: { matchExpressions } })
    return this
  }
  podAffinity(topologyKey: string, labelSelector: LabelSelector, extra: Partial<PodAffinityTerm> = {}): this {
    const a = ((this.#pod.spec!.affinity ??= {}).podAffinity ??= {})
    ;(a.requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector, ...extra })
    return this
  }
  podAntiAffinity(topologyKey: string, labelSelector: LabelSelector, extra: Partial<PodAffinityTerm> = {}): this {
    const a = ((this.#pod.spec!.affinity ??= {}).podAntiAffinity ??= {})
    ;(a.requiredDuringSchedulingIgnoredDuringExecution ??= []).push({ topologyKey, labelSelector, ...extra })
    return this
  }
  preferredPodAffinity(weight: number, topologyKey: string, labelSelector: LabelSelector): this {
    const a = ((this.#pod.spec!.affinity ??= {}).podAffinity ??= {})
    ;(a.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector } })
    return this
  }
  preferredPodAntiAffinity(weight: number, topologyKey: string, labelSelector: LabelSelector): this {
    const a = ((this.#pod.spec!.affinity ??= {}).podAntiAffinity ??= {})
    ;(a.preferredDuringSchedulingIgnoredDuringExecution ??= []).push({ weight, podAffinityTerm: { topologyKey, labelSelector } })
    return this
  }
  spreadConstraint(maxSkew: number, topologyKey: string, whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway', labelSelector: LabelSelector, extra: Partial<TopologySpreadConstraint> = {}): this {
    ;(this.#pod.spec!.topologySpreadConstraints ??= []).push({ maxSkew, topologyKey, whenUnsatisfiable, labelSelector, ...extra })
    return this
  }
  terminating(): this {
    this.#meta().deletionTimestamp = '2024-01-01T00:00:00Z'
    return this
  }
  obj(): Pod {
    return structuredClone(this.#pod)
  }
}

export class NodeBuilder {
  readonly #node: Node

  constructor(name: string) {
    this.#node = { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {}, status: { allocatable: {}, capacity: {} } }
  }

  /** Sets capacity and allocatable alike (like st.MakeNode().Capacity). */
  capacity(resources: Quantities): this {
    this.#node.status!.capacity = { ...resources }
    this.#node.status!.allocatable = { ...resources }
    return this
  }
  label(key: string, value: string): this {
    this.#node.metadata!.labels = { ...this.#node.metadata!.labels, [key]: value }
    return this
  }
  /** Replaces the labels (the hostname label included). */
  labels(labels: Record<string, string>): this {
    this.#node.metadata!.labels = { ...labels }
    return this
  }
  taints(taints: Taint[]): this {
    this.#node.spec!.taints = taints
    return this
  }
  unschedulable(value = true): this {
    this.#node.spec!.unschedulable = value
    return this
  }
  obj(): Node {
    return structuredClone(this.#node)
  }
}

export function makePod(name = 'pod'): PodBuilder {
  return new PodBuilder(name)
}

export function makeNode(name: string): NodeBuilder {
  return new NodeBuilder(name)
}

export function nodeWithTaints(name: string, taints: Taint[]): Node {
  return makeNode(name).taints(taints).obj()
}

export function podWithTolerations(name: string, tolerations: Toleration[]): Pod {
  const b = makePod(name)
  for (const t of tolerations) b.toleration(t)
  return b.obj()
}

/** A pod with one container per argument, each with those requests. */
export function podRequesting(...containers: Quantities[]): Pod {
  const b = makePod('pod')
  for (const c of containers) b.req(c)
  return b.obj()
}

/** A Handle over a fixed snapshot, for plugins built outside a Framework. */
export function handleFor(snapshot: Snapshot): Handle {
  return { snapshot: () => snapshot }
}

/**
 * One plugin's Filter verdict for one node, with its PreFilter run first over `nodes` (a Skip
 * from PreFilter means the plugin has nothing to check: Success).
 */
export function filterOnce(plugin: FilterPlugin, pod: Pod, nodeInfo: NodeInfo, nodes: readonly NodeInfo[] = [nodeInfo]): Status {
  const state = new CycleState()
  if (isPreFilterPlugin(plugin)) {
    const pre = plugin.preFilter(state, pod, nodes)
    if (pre.status.code === 'Skip') return success
    if (pre.status.code !== 'Success') return pre.status
    if (pre.nodeNames && !pre.nodeNames.has(nodeInfo.name)) return unresolvable(`node(s) didn't satisfy plugin(s) [${plugin.name}]`)
  }
  return plugin.filter(state, pod, nodeInfo)
}

/** One plugin's final scores (PreScore, Score, NormalizeScore) for `nodes`; a PreScore Skip scores 0. */
export function scoreOnce(plugin: ScorePlugin, pod: Pod, nodes: readonly NodeInfo[]): number[] {
  const state = new CycleState()
  if (isPreScorePlugin(plugin)) {
    const s = plugin.preScore(state, pod, nodes)
    if (s.code === 'Skip') return nodes.map(() => 0)
    if (s.code !== 'Success') throw new Error(`PreScore failed: ${showStatus(s)}`)
  }
  const scores: NodeScore[] = nodes.map((n) => {
    const r = plugin.score(state, pod, n)
    if (typeof r !== 'number') throw new Error(`Score failed: ${showStatus(r)}`)
    return { name: n.name, score: r }
  })
  plugin.normalizeScore?.(state, pod, scores)
  return scores.map((s) => s.score)
}
