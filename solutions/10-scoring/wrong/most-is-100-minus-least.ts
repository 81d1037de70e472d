// Wrong: MostAllocated scores each resource as 100 − its LeastAllocated score, which is one point off whenever the division is not exact.
import type { NodeInfo, Pod, ResourceSpec } from '../scoring.ts'
import { defaultResources, nonZeroDefaults, podRequestsResource } from '../scoring.ts'

export * from '../scoring.ts'

export function mostAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  const podRequest = podRequestsResource(pod, { nonMissingContainerRequests: nonZeroDefaults })
  let sum = 0
  let weights = 0
  for (const { name, weight } of resources) {
    const pick = (r: { milliCPU: number; memory: number }) => (name === 'cpu' ? r.milliCPU : r.memory)
    const capacity = pick(nodeInfo.allocatable)
    if (capacity === 0) continue
    const requested = pick(nodeInfo.nonZeroRequested) + pick(podRequest)
    const least = requested > capacity ? 0 : Math.trunc(((capacity - requested) * 100) / capacity)
    sum += (100 - least) * weight
    weights += weight
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights)
}
