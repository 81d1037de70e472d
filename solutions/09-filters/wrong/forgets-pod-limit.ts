// Wrong: never checks the node's pod count, so a node already running allocatable.pods pods still takes one more.
import { fitStatus, insufficientResources, podRequest, reasons, type NodeInfo, type Pod, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

export function nodeResourcesFit(pod: Pod, nodeInfo: NodeInfo): Status {
  const lacking = insufficientResources(podRequest(pod), nodeInfo)
  return fitStatus(lacking.filter((r) => r.reason !== reasons.tooManyPods)) // resources only, never the pod count
}
