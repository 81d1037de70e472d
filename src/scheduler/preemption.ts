// What default preemption would say about a pod that fits nowhere. Mirrors the outcome side of
// Evaluator.Preempt in pkg/scheduler/framework/preemption/preemption.go and SelectVictimsOnNode
// in plugins/defaultpreemption/default_preemption.go:
//   - preemptionPolicy: Never → "not eligible due to preemptionPolicy=Never.";
//   - nodes rejected as UnschedulableAndUnresolvable cannot be helped: "Preemption is not
//     helpful for scheduling";
//   - on the other nodes, every pod with a lower priority is a possible victim; with none,
//     "No preemption victims found for incoming pod"; otherwise the pod is tried on the node with
//     all of them gone, and the node is a candidate if it fits, else its new reasons count.
// PodDisruptionBudgets, nominated pods and victim reprieval are the scheduling loop's business
// and are not modelled here.
import type { Pod } from 'kubernetes-types/core/v1.js'
import { CycleState } from './cycle-state.ts'
import type { Framework } from './framework-runtime.ts'
import { fitErrorMessage } from './fit-error.ts'
import type { NodeInfo } from './node-info.ts'
import { podKey } from './pod-info.ts'
import { withNodeInfo, type Snapshot } from './snapshot.ts'
import { unresolvable, type PluginStatus, type Status } from './status.ts'

export type PreemptionOutcome =
  | { readonly kind: 'not-eligible'; readonly message: string }
  | { readonly kind: 'no-candidates'; readonly message: string }
  | { readonly kind: 'candidates'; readonly nodes: readonly string[] }

export const notHelpful = 'Preemption is not helpful for scheduling'
export const noVictims = 'No preemption victims found for incoming pod'

export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0
}

/** The pod's verdict on `nodeInfo` once every lower-priority pod there is gone; undefined = fits. */
function fitsWithoutVictims(framework: Framework, pod: Pod, snapshot: Snapshot, nodeInfo: NodeInfo): PluginStatus | undefined {
  const priority = podPriority(pod)
  const trimmed = nodeInfo.clone()
  for (const p of nodeInfo.pods) if (podPriority(p.pod) < priority) trimmed.removePod(podKey(p.pod))
  const trial = withNodeInfo(snapshot, trimmed)
  const previous = framework.snapshot()
  framework.setSnapshot(trial)
  try {
    const state = new CycleState()
    const pre = framework.runPreFilterPlugins(state, pod, trial.nodeInfos)
    if (pre.status.code !== 'Success') return { plugin: pre.plugin ?? '', status: pre.status }
    return framework.runFilterPlugins(state, pod, trimmed)
  } finally {
    framework.setSnapshot(previous)
  }
}

/**
 * `statusOf(node)` is the node's status from the failed cycle (the rejecting plugin's status, or
 * the PreFilter / absent-node status).
 */
export function evaluatePreemption(framework: Framework, pod: Pod, snapshot: Snapshot, statusOf: (nodeName: string) => Status): PreemptionOutcome {
  if (pod.spec?.preemptionPolicy === 'Never') return { kind: 'not-eligible', message: 'not eligible due to preemptionPolicy=Never.' }
  const failures = new Map<string, PluginStatus>()
  const candidates: string[] = []
  const priority = podPriority(pod)
  for (const nodeInfo of snapshot.nodeInfos) {
    if (statusOf(nodeInfo.name).code === 'UnschedulableAndUnresolvable') continue
    if (!nodeInfo.pods.some((p) => podPriority(p.pod) < priority)) {
      failures.set(nodeInfo.name, { plugin: '', status: unresolvable(noVictims) })
      continue
    }
    const verdict = fitsWithoutVictims(framework, pod, snapshot, nodeInfo)
    if (verdict) failures.set(nodeInfo.name, verdict)
    else candidates.push(nodeInfo.name)
  }
  if (candidates.length > 0) return { kind: 'candidates', nodes: candidates }
  const message = fitErrorMessage(snapshot.nodeInfos.length, {
    nodeToStatus: failures,
    absentNodesStatus: unresolvable(notHelpful),
    unschedulablePlugins: new Set(),
    preFilterMsg: '',
    postFilterMsg: '',
  })
  return { kind: 'no-candidates', message }
}

/** The PostFilter message appended to the FitError ("preemption: ..."), empty when preemption finds a node. */
export function postFilterMessage(outcome: PreemptionOutcome): string {
  return outcome.kind === 'candidates' ? '' : `preemption: ${outcome.message}`
}
