// Runs a profile's plugins at each extension point. Mirrors frameworkImpl in
// pkg/scheduler/framework/runtime/framework.go (RunPreFilterPlugins, RunFilterPlugins,
// RunPreScorePlugins, RunScorePlugins, RunReservePluginsReserve, RunBindPlugins):
//   - a PreFilter or PreScore Skip switches that plugin's Filter / Score off for the cycle;
//   - PreFilter stops at the first UnschedulableAndUnresolvable or Error, keeps going after an
//     Unschedulable, and intersects the node names plugins pin the pod to;
//   - Filter stops at the first plugin that rejects the node, and that plugin's status is the
//     node's status;
//   - scores are normalized per plugin, must then lie in [0, 100], and are summed × weight.
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from './cycle-state.ts'
import {
  isBindPlugin,
  isFilterPlugin,
  isPreFilterPlugin,
  isPreScorePlugin,
  isReservePlugin,
  isScorePlugin,
  maxNodeScore,
  minNodeScore,
  type BindPlugin,
  type FilterPlugin,
  type Handle,
  type NodeScore,
  type Plugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ReservePlugin,
  type ScorePlugin,
} from './framework.ts'
import type { NodeInfo } from './node-info.ts'
import type { Profile } from './profile.ts'
import type { Registry } from './registry.ts'
import type { Snapshot } from './snapshot.ts'
import { errorStatus, isRejected, messageOf, success, unresolvable, type PluginStatus, type Status } from './status.ts'

export interface PreFilterOutcome {
  /** Success, or the status that rejects the pod before any node is tried (with its plugin). */
  readonly status: Status
  readonly plugin?: string
  /** When set, only these nodes are evaluated; the rest are rejected for `pluginsWithNodes`. */
  readonly nodeNames?: ReadonlySet<string>
  readonly pluginsWithNodes: readonly string[]
}

export interface PluginScores {
  readonly plugin: string
  readonly weight: number
  /** Per node, in the order of the nodes given: the raw score, then after NormalizeScore. */
  readonly raw: readonly number[]
  readonly normalized: readonly number[]
}

export type ScoreOutcome =
  | { readonly ok: true; readonly totals: readonly NodeScore[]; readonly byPlugin: readonly PluginScores[] }
  | { readonly ok: false; readonly status: Status; readonly plugin: string }

/** Runs the filters in order and stops at the first that does not pass (RunFilterPlugins). */
export function runFilters(plugins: readonly FilterPlugin[], state: CycleState, pod: Pod, nodeInfo: NodeInfo): PluginStatus | undefined {
  for (let i = 0; i < plugins.length; i++) {
    const pl = plugins[i]
    const s = pl.filter(state, pod, nodeInfo)
    if (s.code === 'Success') continue
    if (isRejected(s)) return { plugin: pl.name, status: s }
    return { plugin: pl.name, status: errorStatus(`running "${pl.name}" filter plugin: ${messageOf(s)}`) }
  }
  return undefined
}

function scoreError(plugin: string, status: Status): PluginStatus {
  return { plugin, status: errorStatus(`running Score plugin "${plugin}": ${messageOf(status)}`) }
}

function normalizeError(plugin: string, status: Status): PluginStatus {
  return { plugin, status: errorStatus(`running Normalize on Score plugin "${plugin}": ${messageOf(status)}`) }
}

function rangeError(plugin: string, score: number): PluginStatus {
  return { plugin, status: errorStatus(`plugin "${plugin}" returns an invalid score ${score}, it should in the range of [${minNodeScore}, ${maxNodeScore}] after normalizing`) }
}

export class Framework implements Handle {
  readonly profile: Profile
  readonly plugins: readonly Plugin[]
  readonly preFilterPlugins: readonly PreFilterPlugin[]
  readonly filterPlugins: readonly FilterPlugin[]
  readonly preScorePlugins: readonly PreScorePlugin[]
  readonly scorePlugins: readonly { readonly plugin: ScorePlugin; readonly weight: number }[]
  readonly reservePlugins: readonly ReservePlugin[]
  readonly bindPlugins: readonly BindPlugin[]
  #snapshot: Snapshot | undefined
  /** The filters not skipped in the cycle whose state this is, worked out once per cycle. */
  #activeFilters: { readonly state: CycleState; readonly plugins: readonly FilterPlugin[] } | undefined
  readonly #scratch: { name: string; score: number }[] = []

  constructor(profile: Profile, registry: Registry) {
    this.profile = profile
    const plugins: Plugin[] = []
    const weights = new Map<string, number>()
    for (const entry of profile.plugins) {
      const factory = registry[entry.name]
      if (!factory) throw new Error(`plugin "${entry.name}" does not exist in the registry`)
      plugins.push(factory(profile.pluginConfig?.[entry.name], this))
      weights.set(entry.name, entry.weight ?? 1)
    }
    this.plugins = plugins
    this.preFilterPlugins = plugins.filter(isPreFilterPlugin)
    this.filterPlugins = plugins.filter(isFilterPlugin)
    this.preScorePlugins = plugins.filter(isPreScorePlugin)
    this.scorePlugins = plugins.filter(isScorePlugin).map((plugin) => ({ plugin, weight: weights.get(plugin.name) ?? 1 }))
    this.reservePlugins = plugins.filter(isReservePlugin)
    this.bindPlugins = plugins.filter(isBindPlugin)
  }

  /** The scheduling loop points the framework at the cycle's snapshot before running plugins. */
  setSnapshot(snapshot: Snapshot): void {
    this.#snapshot = snapshot
  }

  snapshot(): Snapshot {
    if (!this.#snapshot) throw new Error('the framework has no snapshot: call setSnapshot first')
    return this.#snapshot
  }

  runPreFilterPlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PreFilterOutcome {
    this.#activeFilters = undefined
    let nodeNames: Set<string> | undefined
    const pluginsWithNodes: string[] = []
    let rejection: { status: Status; plugin: string } | undefined
    for (const pl of this.preFilterPlugins) {
      const result = pl.preFilter(state, pod, nodes)
      const s = result.status
      if (s.code === 'Skip') {
        state.skipFilterPlugins.add(pl.name)
        continue
      }
      if (s.code === 'UnschedulableAndUnresolvable') return { status: s, plugin: pl.name, pluginsWithNodes }
      if (s.code === 'Unschedulable') {
        rejection = { status: s, plugin: pl.name }
        continue
      }
      if (s.code !== 'Success') return { status: errorStatus(`running PreFilter plugin "${pl.name}": ${messageOf(s)}`), plugin: pl.name, pluginsWithNodes }
      if (result.nodeNames) {
        pluginsWithNodes.push(pl.name)
        nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => result.nodeNames!.has(n))) : new Set(result.nodeNames)
        if (nodeNames.size === 0) {
          const message = pluginsWithNodes.length === 1 ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}` : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`
          return { status: unresolvable(message), nodeNames, pluginsWithNodes }
        }
      }
    }
    if (rejection) return { ...rejection, nodeNames, pluginsWithNodes }
    return { status: success, nodeNames, pluginsWithNodes }
  }

  /** The node's verdict: undefined when every filter passes, else the first plugin's rejection. */
  runFilterPlugins(state: CycleState, pod: Pod, nodeInfo: NodeInfo): PluginStatus | undefined {
    return runFilters(this.activeFilterPlugins(state), state, pod, nodeInfo)
  }

  /** The filters not skipped by PreFilter in this state's cycle, worked out once per cycle. */
  activeFilterPlugins(state: CycleState): readonly FilterPlugin[] {
    let active = this.#activeFilters
    if (active?.state !== state) {
      active = { state, plugins: this.filterPlugins.filter((pl) => !state.skipFilterPlugins.has(pl.name)) }
      this.#activeFilters = active
    }
    return active.plugins
  }

  /** Every filter's verdict on the node, for explanations (the framework itself stops at the first). */
  runAllFilterPlugins(state: CycleState, pod: Pod, nodeInfo: NodeInfo): PluginStatus[] {
    return this.filterPlugins.map((pl) => ({ plugin: pl.name, status: state.skipFilterPlugins.has(pl.name) ? ({ code: 'Skip' } as const) : pl.filter(state, pod, nodeInfo) }))
  }

  runPreScorePlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): PluginStatus | undefined {
    for (const pl of this.preScorePlugins) {
      const s = pl.preScore(state, pod, nodes)
      if (s.code === 'Skip') {
        state.skipScorePlugins.add(pl.name)
        continue
      }
      if (s.code !== 'Success') return { plugin: pl.name, status: errorStatus(`running PreScore plugin "${pl.name}": ${messageOf(s)}`) }
    }
    return undefined
  }

  /** Every score plugin's raw and normalized scores and the weighted totals (explanations, lesson 10). */
  runScorePlugins(state: CycleState, pod: Pod, nodes: readonly NodeInfo[]): ScoreOutcome {
    const totals: NodeScore[] = nodes.map((n) => ({ name: n.name, score: 0 }))
    const byPlugin: PluginScores[] = []
    for (const { plugin, weight } of this.scorePlugins) {
      if (state.skipScorePlugins.has(plugin.name)) continue
      const list = nodes.map((n) => ({ name: n.name, score: 0 }))
      for (let i = 0; i < nodes.length; i++) {
        const r = plugin.score(state, pod, nodes[i])
        if (typeof r !== 'number') return { ok: false, ...scoreError(plugin.name, r) }
        list[i].score = r
      }
      const raw = list.map((s) => s.score)
      if (plugin.normalizeScore) {
        const s = plugin.normalizeScore(state, pod, list)
        if (s.code !== 'Success') return { ok: false, ...normalizeError(plugin.name, s) }
      }
      for (let i = 0; i < list.length; i++) {
        const score = list[i].score
        if (score > maxNodeScore || score < minNodeScore) return { ok: false, ...rangeError(plugin.name, score) }
        totals[i].score += score * weight
      }
      byPlugin.push({ plugin: plugin.name, weight, raw, normalized: list.map((s) => s.score) })
    }
    return { ok: true, totals, byPlugin }
  }

  /**
   * The same totals as runScorePlugins, written into `totals` (one per node, zeroed by the caller),
   * keeping nothing else: what the scheduling loop runs for every pod. It runs plugins × nodes
   * times, so it allocates nothing per node: a plugin without NormalizeScore adds its score
   * straight to the total, and the others share one NodeScore list across plugins and cycles.
   * When two plugins fail, the one reported may differ from runScorePlugins' (Go's parallel
   * workers report whichever fails first, too).
   */
  runScorePluginsInto(state: CycleState, pod: Pod, nodes: readonly NodeInfo[], totals: number[]): PluginStatus | undefined {
    const n = nodes.length
    const plain: { readonly plugin: ScorePlugin; readonly weight: number }[] = []
    const normalizing: { readonly plugin: ScorePlugin; readonly weight: number }[] = []
    for (const entry of this.scorePlugins) {
      if (state.skipScorePlugins.has(entry.plugin.name)) continue
      ;(entry.plugin.normalizeScore ? normalizing : plain).push(entry)
    }
    // Plugins without NormalizeScore run node by node, as RunScorePlugins' workers do, so each
    // node's objects are read once for all of them rather than once per plugin.
    for (let i = 0; i < n; i++) {
      const nodeInfo = nodes[i]
      let total = totals[i]
      for (let p = 0; p < plain.length; p++) {
        const { plugin, weight } = plain[p]
        const r = plugin.score(state, pod, nodeInfo)
        if (typeof r !== 'number') return scoreError(plugin.name, r)
        if (r > maxNodeScore || r < minNodeScore) return rangeError(plugin.name, r)
        total += r * weight
      }
      totals[i] = total
    }
    for (const { plugin, weight } of normalizing) {
      const list = this.#scratchScores(nodes)
      for (let i = 0; i < n; i++) {
        const r = plugin.score(state, pod, nodes[i])
        if (typeof r !== 'number') return scoreError(plugin.name, r)
        list[i].score = r
      }
      const s = plugin.normalizeScore!(state, pod, list)
      if (s.code !== 'Success') return normalizeError(plugin.name, s)
      for (let i = 0; i < n; i++) {
        const score = list[i].score
        if (score > maxNodeScore || score < minNodeScore) return rangeError(plugin.name, score)
        totals[i] += score * weight
      }
    }
    return undefined
  }

  /** One NodeScore per node, reused: each plugin overwrites every score before reading any. */
  #scratchScores(nodes: readonly NodeInfo[]): { name: string; score: number }[] {
    const scratch = this.#scratch
    if (scratch.length > nodes.length) scratch.length = nodes.length
    for (let i = 0; i < nodes.length; i++) {
      if (i < scratch.length) scratch[i].name = nodes[i].name
      else scratch.push({ name: nodes[i].name, score: 0 })
    }
    return scratch
  }

  runReservePlugins(state: CycleState, pod: Pod, nodeName: string): PluginStatus | undefined {
    for (const pl of this.reservePlugins) {
      const s = pl.reserve(state, pod, nodeName)
      if (s.code !== 'Success') return { plugin: pl.name, status: s }
    }
    return undefined
  }

  runUnreservePlugins(state: CycleState, pod: Pod, nodeName: string): void {
    for (const pl of [...this.reservePlugins].reverse()) pl.unreserve(state, pod, nodeName)
  }

  async runBindPlugins(state: CycleState, pod: Pod, nodeName: string): Promise<PluginStatus> {
    for (const pl of this.bindPlugins) {
      const s = await pl.bind(state, pod, nodeName)
      if (s.code === 'Skip') continue
      return { plugin: pl.name, status: s }
    }
    return { plugin: '', status: errorStatus('no bind plugin handled the pod') }
  }
}
