// NodeAffinity: pod.spec.nodeSelector and required node affinity decide which nodes fit (Filter);
// preferred node affinity adds the weights of the terms a node matches (Score, then normalized so
// the best node gets 100). Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go,
// with the matching itself in ../node-affinity-match.ts. The plugin's addedAffinity argument
// applies scheduler-wide affinity on top of every pod's own.
import type { NodeAffinity as V1NodeAffinity, Pod } from 'kubernetes-types/core/v1.js'
import { stateKey, type CycleState } from '../cycle-state.ts'
import { maxNodeScore, type FilterPlugin, type NodeScore, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin, type ScorePlugin } from '../framework.ts'
import type { NodeInfo } from '../node-info.ts'
import { NodeSelectorMatcher, PreferredSchedulingTerms, RequiredNodeAffinity } from '../node-affinity-match.ts'
import { defaultNormalizeScore } from '../normalize-score.ts'
import { skip, success, unresolvable, type Status } from '../status.ts'
import { names } from './names.ts'

export const errReasonPod = "node(s) didn't match Pod's node affinity/selector"
export const errReasonEnforced = "node(s) didn't match scheduler-enforced node affinity"
export const errReasonConflict = 'pod affinity terms conflict'

export interface NodeAffinityArgs {
  readonly addedAffinity?: V1NodeAffinity
}

const preFilterKey = stateKey<RequiredNodeAffinity>(`PreFilter${names.NodeAffinity}`)
const preScoreKey = stateKey<PreferredSchedulingTerms>(`PreScore${names.NodeAffinity}`)
const rejectedPod = unresolvable(errReasonPod)
const rejectedEnforced = unresolvable(errReasonEnforced)

/** The node names a pod's required terms pin it to through matchFields metadata.name In, if every term does. */
function pinnedNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  if (terms.length === 0) return undefined
  let union: Set<string> | undefined
  for (const term of terms) {
    let names: Set<string> | undefined
    for (const r of term.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue
      const values = new Set(r.values ?? [])
      names = names ? new Set([...names].filter((n) => values.has(n))) : values
    }
    // A term without a name pin lets every node through (terms are ORed).
    if (!names) return undefined
    union = new Set([...(union ?? []), ...names])
  }
  return union
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = names.NodeAffinity
  readonly #addedNodeSelector: NodeSelectorMatcher | undefined
  readonly #addedPreferred: PreferredSchedulingTerms | undefined

  constructor(args: NodeAffinityArgs = {}) {
    const required = args.addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    this.#addedNodeSelector = required ? new NodeSelectorMatcher(required) : undefined
    const preferred = args.addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    this.#addedPreferred = preferred.length > 0 ? new PreferredSchedulingTerms(preferred) : undefined
  }

  preFilter(state: CycleState, pod: Pod): PreFilterResult {
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    if (!required && !this.#addedNodeSelector && pod.spec?.nodeSelector === undefined) return { status: skip }
    state.write(preFilterKey, new RequiredNodeAffinity(pod))
    const pinned = pinnedNodeNames(pod)
    if (pinned && pinned.size === 0) return { status: unresolvable(errReasonConflict) }
    return pinned ? { status: success, nodeNames: pinned } : { status: success }
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status {
    if (this.#addedNodeSelector && !this.#addedNodeSelector.matches(nodeInfo.node)) return rejectedEnforced
    const required = state.read(preFilterKey) ?? new RequiredNodeAffinity(pod)
    return required.matches(nodeInfo.node) ? success : rejectedPod
  }

  preScore(state: CycleState, pod: Pod): Status {
    const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution
    if (!preferred && !this.#addedPreferred) return skip
    state.write(preScoreKey, new PreferredSchedulingTerms(preferred ?? []))
    return success
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    let count = this.#addedPreferred?.score(nodeInfo.node) ?? 0
    const preferred = state.read(preScoreKey) ?? new PreferredSchedulingTerms(pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
    count += preferred.score(nodeInfo.node)
    return count
  }

  normalizeScore(_state: CycleState, _pod: Pod, scores: NodeScore[]): Status {
    defaultNormalizeScore(maxNodeScore, false, scores)
    return success
  }
}

NodeAffinity satisfies new (args?: NodeAffinityArgs) => PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin
