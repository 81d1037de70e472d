// Wrong: LeastAllocated rounds each resource's score and the weighted average (Math.round) where Kubernetes truncates with integer division.
import type { NodeInfo, Pod, ResourceSpec } from '../scoring.ts'
import { defaultResources, nonZeroDefaults, podRequestsResource } from '../scoring.ts'

export * from '../scoring.ts'

export function leastAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  const podRequest = podRequestsResource(pod, { nonMissingContainerRequests: nonZeroDefaults })
  let sum = 0
  let weights = 0
  for (const { name, weight } of resources) {
    const pick = (r: { milliCPU: number; memory: number }) => (name === 'cpu' ? r.milliCPU : r.memory)
    const capacity = pick(nodeInfo.allocatable)
    if (capacity === 0) continue
    const requested = pick(nodeInfo.nonZeroRequested) + pick(podRequest)
    sum += (requested > capacity ? 0 : Math.round(((capacity - requested) * 100) / capacity)) * weight
    weights += weight
  }
  return weights === 0 ? 0 : Math.round(sum / weights)
}
