// `explain(pod, cluster)`: why the scheduler would (not) place this pod on each node. Runs the
// default profile on a snapshot like schedule_one.go does, but evaluates every node with every
// filter (the framework stops at the first rejection; the explanation shows them all, marking the
// one the framework records), scores every feasible node per plugin, and, when nothing fits,
// builds the FailedScheduling message with the preemption part. Used by lesson texts and by
// graders to show what the reference decided.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { CycleState } from './cycle-state.ts'
import { fitErrorMessage, noNodesAvailable, type Diagnosis } from './fit-error.ts'
import { Framework, type PreFilterOutcome } from './framework-runtime.ts'
import { NodeInfo } from './node-info.ts'
import { evaluatePreemption, postFilterMessage, type PreemptionOutcome } from './preemption.ts'
import { defaultProfile, type Profile } from './profile.ts'
import { inTreeRegistry, type Registry } from './registry.ts'
import { newSnapshot, snapshotOf, type ClusterObjects, type Snapshot } from './snapshot.ts'
import { messageOf, showStatus, unresolvable, type PluginStatus, type Status } from './status.ts'

export interface PluginScore {
  readonly plugin: string
  readonly weight: number
  readonly raw: number
  readonly normalized: number
}

export interface NodeVerdict {
  readonly node: string
  /** Each filter plugin's own verdict (Skip when its PreFilter skipped it); empty when none ran. */
  readonly filters: readonly PluginStatus[]
  /** What the framework records for the node: undefined when it fits, else the first rejection. */
  readonly rejection: PluginStatus | undefined
  readonly scores: readonly PluginScore[]
  /** Σ normalized × weight; undefined for nodes that do not fit. */
  readonly total: number | undefined
}

export interface Explanation {
  readonly pod: string
  readonly preFilter: PreFilterOutcome
  readonly nodes: readonly NodeVerdict[]
  readonly feasible: readonly string[]
  /** The nodes with the highest total (the scheduler picks one of them at random). */
  readonly best: readonly string[]
  /** The FailedScheduling event message when no node fits. */
  readonly message: string | undefined
  readonly preemption: PreemptionOutcome | undefined
}

export interface ExplainOptions {
  readonly profile?: Profile
  readonly registry?: Registry
}

function toSnapshot(cluster: Snapshot | ClusterObjects | readonly NodeInfo[]): Snapshot {
  if (Array.isArray(cluster)) return snapshotOf(cluster as readonly NodeInfo[])
  if ('nodeInfos' in cluster) return cluster
  return newSnapshot(cluster as ClusterObjects)
}

export function podName(pod: Pod): string {
  return `${pod.metadata?.namespace || 'default'}/${pod.metadata?.name ?? ''}`
}

export function explain(pod: Pod, cluster: Snapshot | ClusterObjects | readonly NodeInfo[], options: ExplainOptions = {}): Explanation {
  const snapshot = toSnapshot(cluster)
  const framework = new Framework(options.profile ?? defaultProfile(), options.registry ?? inTreeRegistry())
  framework.setSnapshot(snapshot)
  const state = new CycleState()
  const allNodes = snapshot.nodeInfos
  const preFilter = framework.runPreFilterPlugins(state, pod, allNodes)
  const nodeToStatus = new Map<string, PluginStatus>()
  const verdicts: NodeVerdict[] = []
  const feasible: NodeInfo[] = []
  let absentNodesStatus: Status | undefined
  let preFilterMsg = ''

  if (preFilter.status.code !== 'Success') {
    absentNodesStatus = preFilter.status
    preFilterMsg = messageOf(preFilter.status)
    const rejection = { plugin: preFilter.plugin ?? '', status: preFilter.status }
    for (const n of allNodes) verdicts.push({ node: n.name, filters: [], rejection, scores: [], total: undefined })
  } else {
    if (preFilter.nodeNames) absentNodesStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...preFilter.pluginsWithNodes].sort().join(' ')}]`)
    for (const n of allNodes) {
      if (preFilter.nodeNames && !preFilter.nodeNames.has(n.name)) {
        verdicts.push({ node: n.name, filters: [], rejection: { plugin: preFilter.pluginsWithNodes.join(','), status: absentNodesStatus! }, scores: [], total: undefined })
        continue
      }
      const filters = framework.runAllFilterPlugins(state, pod, n)
      const rejection = framework.runFilterPlugins(state, pod, n)
      if (rejection) nodeToStatus.set(n.name, rejection)
      else feasible.push(n)
      verdicts.push({ node: n.name, filters, rejection, scores: [], total: undefined })
    }
  }

  let best: string[] = []
  if (feasible.length > 0) {
    const preScore = framework.runPreScorePlugins(state, pod, feasible)
    const scored = preScore ? undefined : framework.runScorePlugins(state, pod, feasible)
    if (scored?.ok) {
      const top = Math.max(...scored.totals.map((t) => t.score))
      best = scored.totals.filter((t) => t.score === top).map((t) => t.name)
      feasible.forEach((n, i) => {
        const v = verdicts.findIndex((x) => x.node === n.name)
        verdicts[v] = {
          ...verdicts[v],
          scores: scored.byPlugin.map((p) => ({ plugin: p.plugin, weight: p.weight, raw: p.raw[i], normalized: p.normalized[i] })),
          total: scored.totals[i].score,
        }
      })
    }
  }

  let message: string | undefined
  let preemption: PreemptionOutcome | undefined
  if (allNodes.length === 0) message = noNodesAvailable
  else if (feasible.length === 0) {
    const statusOf = (name: string): Status => nodeToStatus.get(name)?.status ?? absentNodesStatus ?? unresolvable()
    preemption = evaluatePreemption(framework, pod, snapshot, statusOf)
    const diagnosis: Diagnosis = { nodeToStatus, absentNodesStatus, unschedulablePlugins: new Set([...nodeToStatus.values()].map((s) => s.plugin)), preFilterMsg, postFilterMsg: postFilterMessage(preemption) }
    message = fitErrorMessage(allNodes.length, diagnosis)
  }
  return { pod: podName(pod), preFilter, nodes: verdicts, feasible: feasible.map((n) => n.name), best, message, preemption }
}

/** The explanation as text, one block per node; `only` limits it to some nodes. */
export function formatExplanation(e: Explanation, only?: readonly string[]): string {
  const lines = [`pod ${e.pod}`]
  if (e.preFilter.status.code !== 'Success') lines.push(`  PreFilter ${e.preFilter.plugin ?? ''}: ${showStatus(e.preFilter.status)}`)
  for (const v of e.nodes) {
    if (only && !only.includes(v.node)) continue
    const verdict = v.rejection ? `rejected by ${v.rejection.plugin}: ${showStatus(v.rejection.status)}` : `fits${v.total !== undefined ? `, score ${v.total}` : ''}`
    lines.push(`  node ${v.node}: ${verdict}`)
    for (const f of v.filters) lines.push(`    ${`filter ${f.plugin}`.padEnd(38)} ${showStatus(f.status)}`)
    for (const s of v.scores) lines.push(`    ${`score ${s.plugin}`.padEnd(38)} raw ${s.raw} → ${s.normalized} × weight ${s.weight}`)
  }
  if (e.message) lines.push(`  FailedScheduling: ${e.message}`)
  else if (e.best.length > 0) lines.push(`  best: ${e.best.join(', ')}`)
  return lines.join('\n')
}
