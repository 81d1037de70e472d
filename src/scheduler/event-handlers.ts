// What the scheduler does with each change its informers see:
//   pod, unassigned, ours       add → queue.add, update → queue.update, delete → queue.delete
//   pod, assigned (anyone's)    add / update / delete → the cache; a delete wakes pods that
//                               wait for room, an add or update wakes pods whose affinity it matches
//   node                        add / update / delete → the cache; an add, or an update that
//                               changes labels, taints, allocatable, conditions or uncordons the
//                               node, wakes the parked pods whose rejecting plugins care
//   namespaces, services, replicasets → the snapshot's extras (affinity namespaceSelectors,
//                               default topology spreading)
// A pod that goes from unassigned to assigned (the bind landed) leaves the first handler as a
// delete and enters the second as an add, as client-go's FilteringResourceEventHandler does.
// Mirrors addAllEventHandlers, addPodToSchedulingQueue, updatePodInSchedulingQueue,
// deletePodFromSchedulingQueue, addPodToCache…, addNodeToCache, updateNodeInCache,
// deleteNodeFromCache, assignedPod, responsibleForPod and skipPodUpdate in
// pkg/scheduler/eventhandlers.go, over the shared informers of src/client.
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { ApiClient } from '../api/client.ts'
import type { KubeObject } from '../api/registry/object.ts'
import { listerWatcherFromClient } from '../client/api-lister-watcher.ts'
import { isDeletedFinalStateUnknown, type DeletedFinalStateUnknown } from '../client/object-keys.ts'
import type { ResourceEventHandler } from '../client/resource-event-handler.ts'
import { SharedIndexInformer } from '../client/shared-informer.ts'
import type { Clock } from '../sim/clock.ts'
import { AssignedPodDelete, NodeAdd, nodeSchedulingPropertiesChange } from './cluster-events.ts'
import type { SchedulerCache } from './scheduler-cache.ts'
import type { PriorityQueue } from './scheduling-queue.ts'

export interface EventHandlerDeps {
  readonly client: ApiClient
  readonly clock: Clock
  readonly cache: SchedulerCache
  readonly queue: PriorityQueue
  readonly schedulerName: string
}

export interface InformerSet {
  readonly pods: SharedIndexInformer<Pod>
  readonly nodes: SharedIndexInformer<Node>
  /** Resolves once every informer has listed and told its handlers (WaitForCacheSync). */
  waitForCacheSync(): Promise<void>
  stop(): void
}

export function assignedPod(pod: Pod): boolean {
  return (pod.spec?.nodeName ?? '') !== ''
}

export function responsibleForPod(pod: Pod, schedulerName: string): boolean {
  return pod.spec?.schedulerName === schedulerName
}

function unwrap<T extends KubeObject>(obj: T | DeletedFinalStateUnknown<T>): T | undefined {
  return isDeletedFinalStateUnknown(obj) ? obj.obj : obj
}

/** A handler that only sees objects passing `filter`; crossing it is an add or a delete (FilteringResourceEventHandler). */
export function filtering<T extends KubeObject>(filter: (obj: T) => boolean, handler: ResourceEventHandler<T>): ResourceEventHandler<T> {
  return {
    onAdd: (obj, initial) => {
      if (filter(obj)) handler.onAdd?.(obj, initial)
    },
    onUpdate: (oldObj, newObj) => {
      const newer = filter(newObj)
      const older = filter(oldObj)
      if (newer && older) handler.onUpdate?.(oldObj, newObj)
      else if (newer) handler.onAdd?.(newObj, false)
      else if (older) handler.onDelete?.(oldObj)
    },
    onDelete: (obj) => {
      const o = unwrap(obj)
      if (o !== undefined && filter(o)) handler.onDelete?.(obj)
    },
  }
}

/**
 * An update of an assumed pod that changes nothing but its resourceVersion, annotations or
 * status (what the pod's own status update or the bind produces) is not a reason to schedule it
 * again (skipPodUpdate).
 */
function skipPodUpdate(cache: SchedulerCache, pod: Pod): boolean {
  if (!cache.isAssumedPod(pod)) return false
  const assumed = cache.getPod(pod)
  if (!assumed) return false
  const strip = (p: Pod) => JSON.stringify({ ...p, status: undefined, spec: { ...p.spec, nodeName: undefined }, metadata: { ...p.metadata, resourceVersion: undefined, annotations: undefined, managedFields: undefined, finalizers: undefined } })
  return strip(assumed) === strip(pod)
}

export function addAllEventHandlers(deps: EventHandlerDeps): InformerSet {
  const { client, clock, cache, queue, schedulerName } = deps
  // Terminal pods hold no resources and are never scheduled.
  const pods = new SharedIndexInformer<Pod>({ clock, listerWatcher: listerWatcherFromClient(client.pods(), { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }) })
  const nodes = new SharedIndexInformer<Node>({ clock, listerWatcher: listerWatcherFromClient(client.nodes()) })
  const namespaces = new SharedIndexInformer<Namespace>({ clock, listerWatcher: listerWatcherFromClient(client.namespaces()) })
  const services = new SharedIndexInformer<Service>({ clock, listerWatcher: listerWatcherFromClient(client.services()) })
  const replicaSets = new SharedIndexInformer<ReplicaSet>({ clock, listerWatcher: listerWatcherFromClient(client.replicaSets()) })

  pods.addEventHandler(
    filtering<Pod>(assignedPod, {
      onAdd: (pod) => {
        cache.addPod(pod)
        queue.assignedPodAdded(pod)
      },
      onUpdate: (oldPod, newPod) => {
        cache.updatePod(oldPod, newPod)
        queue.assignedPodUpdated(newPod)
      },
      onDelete: (obj) => {
        const pod = unwrap(obj)
        if (!pod) return
        cache.removePod(pod)
        queue.moveAllToActiveOrBackoffQueue(AssignedPodDelete)
      },
    }),
  )
  pods.addEventHandler(
    filtering<Pod>((pod) => !assignedPod(pod) && responsibleForPod(pod, schedulerName), {
      onAdd: (pod) => queue.add(pod),
      onUpdate: (oldPod, newPod) => {
        if (skipPodUpdate(cache, newPod)) return
        queue.update(oldPod, newPod)
      },
      onDelete: (obj) => {
        const pod = unwrap(obj)
        if (pod) queue.delete(pod)
      },
    }),
  )
  nodes.addEventHandler({
    onAdd: (node) => {
      cache.addNode(node)
      queue.moveAllToActiveOrBackoffQueue(NodeAdd)
    },
    onUpdate: (oldNode, newNode) => {
      cache.updateNode(oldNode, newNode)
      const event = nodeSchedulingPropertiesChange(newNode, oldNode)
      if (event) queue.moveAllToActiveOrBackoffQueue(event)
    },
    onDelete: (obj) => {
      const node = unwrap(obj)
      if (node) cache.removeNode(node)
    },
  })
  const refreshExtras = () =>
    cache.setExtras({ namespaces: namespaces.getIndexer().list(), services: services.getIndexer().list(), replicaSets: replicaSets.getIndexer().list() })
  const extrasHandler: ResourceEventHandler<KubeObject> = { onAdd: refreshExtras, onUpdate: refreshExtras, onDelete: refreshExtras }
  namespaces.addEventHandler(extrasHandler as ResourceEventHandler<Namespace>)
  services.addEventHandler(extrasHandler as ResourceEventHandler<Service>)
  replicaSets.addEventHandler(extrasHandler as ResourceEventHandler<ReplicaSet>)

  // Nodes first, so that the first pods listed find their nodes in the cache.
  const all: SharedIndexInformer<never>[] = [nodes, namespaces, services, replicaSets, pods] as unknown as SharedIndexInformer<never>[]
  for (const informer of all) informer.run()
  return {
    pods,
    nodes,
    async waitForCacheSync() {
      const synced = () => all.every((i) => i.hasSynced())
      // In process, the informers list through promises: a bounded number of microtask turns is
      // enough, and keeps a simulation's timing exact. Over a transport (remote/), answers arrive
      // as messages, so after that the wait yields to the event loop as well.
      for (let turn = 0; turn < 10_000 && !synced(); turn++) await new Promise<void>((resolve) => queueMicrotask(resolve))
      for (let turn = 0; turn < 1_000_000 && !synced(); turn++) await new Promise<void>((resolve) => setImmediate(resolve))
      if (!synced()) throw new Error('the scheduler informers did not sync')
    },
    stop() {
      for (const informer of all) informer.stop()
    },
  }
}
