// Wrong: treats restartable init containers (sidecars) like ordinary init containers, so they are not added to the running total.
import { add, emptyResource, fitStatus, insufficientResources, resourceFromList, takeMax, type NodeInfo, type Pod, type Resource, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

/** The regular containers summed; every init container, sidecar or not, counted alone (the larger wins); overhead. */
function podRequest(pod: Pod): Resource {
  const total = emptyResource()
  for (const c of pod.spec?.containers ?? []) add(total, resourceFromList(c.resources?.requests))
  for (const c of pod.spec?.initContainers ?? []) takeMax(total, resourceFromList(c.resources?.requests))
  add(total, resourceFromList(pod.spec?.overhead))
  return total
}

export const nodeResourcesFit = (pod: Pod, nodeInfo: NodeInfo): Status => fitStatus(insufficientResources(podRequest(pod), nodeInfo))
