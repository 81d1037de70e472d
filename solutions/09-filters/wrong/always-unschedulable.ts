// Wrong: answers Unschedulable even when the pod asks for more than the whole node has, where preemption cannot help (UnschedulableAndUnresolvable).
import { insufficientResources, podRequest, success, unschedulable, type InsufficientResource, type NodeInfo, type Pod, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

/** Every reason, always with the code Unschedulable: the `unresolvable` flag is never looked at. */
function fitStatus(insufficient: readonly InsufficientResource[]): Status {
  return insufficient.length === 0 ? success : unschedulable(...insufficient.map((r) => r.reason))
}

export const nodeResourcesFit = (pod: Pod, nodeInfo: NodeInfo): Status => fitStatus(insufficientResources(podRequest(pod), nodeInfo))
