// Wrong: adds init containers up like regular containers instead of taking the largest one.
import { add, fitStatus, insufficientResources, resourceFromList, type NodeInfo, type Pod, type Resource, type Status } from '../filters.ts'

export * from '../filters.ts' // the solution's, but for the functions this file defines

/** Every container, init or regular, as if all ran at once; plus overhead. */
function podRequest(pod: Pod): Resource {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  const total = resourceFromList(pod.spec?.overhead)
  for (const c of containers) add(total, resourceFromList(c.resources?.requests))
  return total
}

export const nodeResourcesFit = (pod: Pod, nodeInfo: NodeInfo): Status => fitStatus(insufficientResources(podRequest(pod), nodeInfo))
