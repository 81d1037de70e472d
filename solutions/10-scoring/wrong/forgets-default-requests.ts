// Wrong: the resource scores use the real requests on both sides, so a container without requests counts as nothing instead of 100m cpu and 200Mi memory.
import type { NodeInfo, Pod, ResourceSpec } from '../scoring.ts'
import { defaultResources, podRequestsResource } from '../scoring.ts'

export * from '../scoring.ts'

function perResource(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[], score: (requested: number, capacity: number) => number): number {
  const podRequest = podRequestsResource(pod)
  let sum = 0
  let weights = 0
  for (const { name, weight } of resources) {
    const pick = (r: { milliCPU: number; memory: number }) => (name === 'cpu' ? r.milliCPU : r.memory)
    const capacity = pick(nodeInfo.allocatable)
    if (capacity === 0) continue
    sum += score(pick(nodeInfo.requested) + pick(podRequest), capacity) * weight
    weights += weight
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights)
}

export function leastAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  return perResource(pod, nodeInfo, resources, (r, c) => (r > c ? 0 : Math.trunc(((c - r) * 100) / c)))
}

export function mostAllocated(pod: Pod, nodeInfo: NodeInfo, resources: readonly ResourceSpec[] = defaultResources): number {
  return perResource(pod, nodeInfo, resources, (r, c) => Math.trunc((Math.min(r, c) * 100) / c))
}
