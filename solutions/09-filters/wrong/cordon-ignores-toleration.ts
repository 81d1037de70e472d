// Wrong: rejects every pod from a cordoned node, even one that tolerates node.kubernetes.io/unschedulable:NoSchedule.
import { reasons, success, unresolvable, type NodeInfo, type Pod, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

export function nodeUnschedulable(_pod: Pod, nodeInfo: NodeInfo): Status {
  return nodeInfo.node.spec?.unschedulable ? unresolvable(reasons.unschedulable) : success
}
