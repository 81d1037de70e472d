// Wrong: leaves spec.overhead (the RuntimeClass cost of running the pod) out of the request.
import { containersRequest, fitStatus, insufficientResources, type NodeInfo, type Pod, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

export function nodeResourcesFit(pod: Pod, nodeInfo: NodeInfo): Status {
  return fitStatus(insufficientResources(containersRequest(pod), nodeInfo)) // the containers' request is not the whole pod's
}
