// The scheduler's cache: a NodeInfo per node with the pods on it, kept up to date from the pod
// and node informers, plus the pods the scheduler has *assumed* onto a node but whose binding the
// API server has not yet confirmed. Assuming lets the next cycle see the pod's resources at once,
// without waiting for the bind and the watch event that follows it.
//
//   assumePod ──► (bind in flight) ──► finishBinding ──► addPod (informer sees nodeName) = confirmed
//        └──────── bind failed ──► forgetPod (the node's resources are given back)
//
// Mirrors cacheImpl in pkg/scheduler/backend/cache/cache.go (internal/cache/cache.go in older
// trees): AssumePod, FinishBinding, ForgetPod, AddPod (confirming an assumed pod, or moving it
// when it was bound elsewhere), UpdatePod, RemovePod, AddNode, UpdateNode, RemoveNode, IsAssumedPod,
// UpdateSnapshot. Assumed pods never expire (durationToExpireAssumedPod is 0 in current releases).
// A pod whose node is not (or no longer) known is kept and counted once the node appears, as the
// real cache keeps a NodeInfo without a Node. The snapshot holds the live NodeInfos: a scheduling
// cycle is synchronous, so nothing changes them while it runs, and it is rebuilt only when the node
// set or the set of pods with affinity changes.
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { NodeInfo } from './node-info.ts'
import { NodeTree } from './node-tree.ts'
import { hasPodAffinity, newPodInfo, podKey, type PodInfo } from './pod-info.ts'
import { snapshotOf, type ClusterObjects, type Snapshot } from './snapshot.ts'

interface PodState {
  pod: Pod
  info: PodInfo
  bindingFinished: boolean
}

export type CacheExtras = Omit<ClusterObjects, 'nodes' | 'pods'>

export class SchedulerCache {
  readonly #nodes = new Map<string, NodeInfo>()
  readonly #tree = new NodeTree()
  readonly #podStates = new Map<string, PodState>()
  readonly #assumedPods = new Set<string>()
  /** Pods placed on a node the cache does not know (yet): node name → pod keys. */
  readonly #podsOnUnknownNodes = new Map<string, Set<string>>()
  #extras: CacheExtras = {}
  #snapshot: Snapshot | undefined

  /**
   * Puts the pod (with spec.nodeName set) on its node before the bind is confirmed. `queued` is
   * the PodInfo the queue already computed for the same pod before nodeName was set: its requests
   * and affinity terms are reused rather than recomputed (schedule_one.go's assume copies the
   * queued PodInfo the same way).
   */
  assumePod(pod: Pod, queued?: PodInfo): void {
    const key = podKey(pod)
    if (this.#podStates.has(key)) throw new Error(`pod ${key} is in the cache, so can't be assumed`)
    const info: PodInfo = queued ? { ...queued, pod } : newPodInfo(pod)
    this.#place(key, info)
    this.#podStates.set(key, { pod, info, bindingFinished: false })
    this.#assumedPods.add(key)
  }

  /** The bind request has returned; the pod stays assumed until the informer confirms it. */
  finishBinding(pod: Pod): void {
    const state = this.#podStates.get(podKey(pod))
    if (state && this.#assumedPods.has(podKey(pod))) state.bindingFinished = true
  }

  /** Undoes assumePod (the bind failed). */
  forgetPod(pod: Pod): void {
    const key = podKey(pod)
    const state = this.#podStates.get(key)
    if (!state) return
    if (state.pod.spec?.nodeName !== pod.spec?.nodeName) throw new Error(`pod ${key} was assumed on ${state.pod.spec?.nodeName} but assigned to ${pod.spec?.nodeName}`)
    if (!this.#assumedPods.has(key)) throw new Error(`pod ${key} wasn't assumed so cannot be forgotten`)
    this.#unplace(key, state.pod)
    this.#podStates.delete(key)
    this.#assumedPods.delete(key)
  }

  /** An assigned pod seen by the informer: confirms an assumed pod, or adds a pod bound by someone else. */
  addPod(pod: Pod): void {
    const key = podKey(pod)
    const state = this.#podStates.get(key)
    if (state && this.#assumedPods.has(key)) {
      if (state.pod.spec?.nodeName !== pod.spec?.nodeName) {
        this.#unplace(key, state.pod)
        state.info = newPodInfo(pod)
        this.#place(key, state.info)
      }
      state.pod = pod
      this.#assumedPods.delete(key)
      return
    }
    if (state) return // added twice: keep the first
    const info = newPodInfo(pod)
    this.#place(key, info)
    this.#podStates.set(key, { pod, info, bindingFinished: true })
  }

  updatePod(oldPod: Pod, newPod: Pod): void {
    const key = podKey(oldPod)
    const state = this.#podStates.get(key)
    if (!state || this.#assumedPods.has(key)) return
    this.#unplace(key, state.pod)
    state.pod = newPod
    state.info = newPodInfo(newPod)
    this.#place(key, state.info)
  }

  removePod(pod: Pod): void {
    const key = podKey(pod)
    const state = this.#podStates.get(key)
    if (!state) return
    this.#unplace(key, state.pod)
    this.#podStates.delete(key)
    this.#assumedPods.delete(key)
  }

  isAssumedPod(pod: Pod): boolean {
    return this.#assumedPods.has(podKey(pod))
  }

  /** The pod as the cache holds it (assumed or confirmed). */
  getPod(pod: Pod): Pod | undefined {
    return this.#podStates.get(podKey(pod))?.pod
  }

  addNode(node: Node): void {
    const name = node.metadata?.name ?? ''
    const existing = this.#nodes.get(name)
    if (existing) return this.updateNode(existing.node, node)
    const waiting = this.#podsOnUnknownNodes.get(name)
    this.#podsOnUnknownNodes.delete(name)
    const pods = [...(waiting ?? [])].map((k) => this.#podStates.get(k)!.info)
    this.#nodes.set(name, new NodeInfo(node, pods))
    this.#tree.addNode(node)
    this.#snapshot = undefined
  }

  updateNode(oldNode: Node, newNode: Node): void {
    const name = newNode.metadata?.name ?? ''
    const existing = this.#nodes.get(name)
    if (!existing) return this.addNode(newNode)
    this.#nodes.set(name, new NodeInfo(newNode, existing.pods))
    this.#tree.updateNode(oldNode, newNode)
    this.#snapshot = undefined
  }

  removeNode(node: Node): void {
    const name = node.metadata?.name ?? ''
    const existing = this.#nodes.get(name)
    if (!existing) return
    // Pods still on the node stay in the cache until their own delete arrives.
    if (existing.pods.length > 0) this.#podsOnUnknownNodes.set(name, new Set(existing.pods.map((p) => podKey(p.pod))))
    this.#nodes.delete(name)
    this.#tree.removeNode(name)
    this.#snapshot = undefined
  }

  /** Namespaces, Services, ReplicaSets… that plugins consult through the snapshot. */
  setExtras(extras: CacheExtras): void {
    this.#extras = extras
    this.#snapshot = undefined
  }

  get nodeCount(): number {
    return this.#nodes.size
  }

  get assumedCount(): number {
    return this.#assumedPods.size
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.#nodes.get(name)
  }

  /** The cluster as the next cycle sees it (UpdateSnapshot), nodes in the node tree's zone-interleaved order. */
  snapshot(): Snapshot {
    if (!this.#snapshot) this.#snapshot = snapshotOf(this.#tree.list().map((n) => this.#nodes.get(n)!), this.#extras)
    return this.#snapshot
  }

  #place(key: string, info: PodInfo): void {
    const nodeName = info.pod.spec?.nodeName ?? ''
    const nodeInfo = this.#nodes.get(nodeName)
    if (nodeInfo) {
      nodeInfo.addPod(info)
      if (hasPodAffinity(info.pod)) this.#snapshot = undefined
      return
    }
    let waiting = this.#podsOnUnknownNodes.get(nodeName)
    if (!waiting) this.#podsOnUnknownNodes.set(nodeName, (waiting = new Set()))
    waiting.add(key)
  }

  #unplace(key: string, pod: Pod): void {
    const nodeName = pod.spec?.nodeName ?? ''
    const nodeInfo = this.#nodes.get(nodeName)
    if (nodeInfo) {
      nodeInfo.removePod(key)
      if (hasPodAffinity(pod)) this.#snapshot = undefined
      return
    }
    const waiting = this.#podsOnUnknownNodes.get(nodeName)
    waiting?.delete(key)
    if (waiting?.size === 0) this.#podsOnUnknownNodes.delete(nodeName)
  }
}
