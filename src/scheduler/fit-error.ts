// The FailedScheduling message: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had
// untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are
// available: 3 Preemption is not helpful for scheduling." Mirrors FitError.Error and Diagnosis in
// pkg/scheduler/framework/types.go:
//   - a PreFilter rejection replaces the per-node histogram with its own message;
//   - otherwise every reason of every rejected node is counted, nodes the framework did not
//     evaluate count under the "absent nodes" status, and the "<count> <reason>" strings are
//     sorted as strings (so "10 ..." sorts before "2 ...", exactly as Go's sort.Strings does);
//   - the PostFilter (preemption) message is appended last.
import type { PluginStatus, Status } from './status.ts'
import { reasonsOf } from './status.ts'

export interface Diagnosis {
  /** Nodes that were evaluated and rejected, with the rejecting plugin. */
  readonly nodeToStatus: ReadonlyMap<string, PluginStatus>
  /** The status of nodes missing from nodeToStatus that were not feasible either. */
  readonly absentNodesStatus?: Status
  /** Plugins that rejected the pod somewhere; the queue waits for events that concern them. */
  readonly unschedulablePlugins: ReadonlySet<string>
  readonly preFilterMsg: string
  readonly postFilterMsg: string
}

export const noNodesAvailable = 'no nodes available to schedule pods'

/** "<count> <reason>" for each distinct reason, sorted as Go sorts strings. */
export function reasonHistogram(numAllNodes: number, nodeToStatus: ReadonlyMap<string, PluginStatus>, absentNodesStatus: Status | undefined): string[] {
  const counts = new Map<string, number>()
  for (const { status } of nodeToStatus.values()) for (const r of reasonsOf(status)) counts.set(r, (counts.get(r) ?? 0) + 1)
  const absent = numAllNodes - nodeToStatus.size
  if (absentNodesStatus && absent > 0) for (const r of reasonsOf(absentNodesStatus)) counts.set(r, (counts.get(r) ?? 0) + absent)
  return [...counts].map(([reason, count]) => `${count} ${reason}`).sort()
}

export function fitErrorMessage(numAllNodes: number, diagnosis: Diagnosis): string {
  let message = `0/${numAllNodes} nodes are available:`
  if (diagnosis.preFilterMsg !== '') {
    message += ` ${diagnosis.preFilterMsg}.`
  } else {
    const histogram = reasonHistogram(numAllNodes, diagnosis.nodeToStatus, diagnosis.absentNodesStatus)
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`
  }
  if (diagnosis.postFilterMsg !== '') message += ` ${diagnosis.postFilterMsg}`
  return message
}
