// A node with the pods assigned to it and the running totals the filters and scorers read.
// Mirrors NodeInfo (SetNode, AddPodInfo, RemovePod, update) in pkg/scheduler/framework/types.go:
//   requested         Σ of the pods' requests (init-container max, sidecars, overhead)
//   nonZeroRequested  the same for cpu and memory, counting 100m / 200Mi for each container
//                     that asks for nothing; used only for scoring, so that a node full of
//                     best-effort pods does not look empty
//   allocatable       node.status.allocatable, including the pod count ("pods")
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { parseResourceList } from './pod-requests.ts'
import { hasPodAffinity, hasRequiredAntiAffinity, newPodInfo, podKey, type PodInfo } from './pod-info.ts'
import { accumulate, emptyResource, resourceFromMilliList, type Resource, type ResourceView } from './resource.ts'

export class NodeInfo {
  readonly node: Node
  readonly name: string
  readonly allocatable: ResourceView
  readonly #pods: PodInfo[] = []
  readonly #podsWithAffinity: PodInfo[] = []
  readonly #podsWithRequiredAntiAffinity: PodInfo[] = []
  readonly #requested: Resource = emptyResource()
  readonly #nonZeroRequested: Resource = emptyResource()

  constructor(node: Node, pods: readonly (Pod | PodInfo)[] = []) {
    this.node = node
    this.name = node.metadata?.name ?? ''
    this.allocatable = resourceFromMilliList(parseResourceList(node.status?.allocatable as Record<string, string> | undefined))
    for (const p of pods) this.addPod(p)
  }

  get pods(): readonly PodInfo[] {
    return this.#pods
  }
  get podsWithAffinity(): readonly PodInfo[] {
    return this.#podsWithAffinity
  }
  get podsWithRequiredAntiAffinity(): readonly PodInfo[] {
    return this.#podsWithRequiredAntiAffinity
  }
  /** Σ requests of the pods on the node. */
  get requested(): ResourceView {
    return this.#requested
  }
  /** Σ requests with the non-zero defaults; only milliCPU and memory are kept. */
  get nonZeroRequested(): ResourceView {
    return this.#nonZeroRequested
  }

  addPod(pod: Pod | PodInfo): PodInfo {
    const info = 'resource' in pod && 'pod' in pod ? (pod as PodInfo) : newPodInfo(pod as Pod)
    this.#pods.push(info)
    if (hasPodAffinity(info.pod)) this.#podsWithAffinity.push(info)
    if (hasRequiredAntiAffinity(info.pod)) this.#podsWithRequiredAntiAffinity.push(info)
    this.#update(info, 1)
    return info
  }

  /** Removes the pod with this key (uid, else namespace/name); false when it is not here. */
  removePod(key: string): boolean {
    const drop = (list: PodInfo[]) => {
      const i = list.findIndex((p) => podKey(p.pod) === key)
      if (i < 0) return undefined
      const [removed] = list.splice(i, 1)
      return removed
    }
    const removed = drop(this.#pods)
    if (!removed) return false
    drop(this.#podsWithAffinity)
    drop(this.#podsWithRequiredAntiAffinity)
    this.#update(removed, -1)
    return true
  }

  /** A copy with the same pods, safe to change (Snapshot in types.go). */
  clone(): NodeInfo {
    return new NodeInfo(this.node, this.#pods)
  }

  #update(info: PodInfo, sign: 1 | -1): void {
    accumulate(this.#requested, info.resource.requested, sign)
    this.#nonZeroRequested.milliCPU += sign * info.resource.nonZeroMilliCPU
    this.#nonZeroRequested.memory += sign * info.resource.nonZeroMemory
  }
}
