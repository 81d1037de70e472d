// What an informer tells its users, and the per-handler bookkeeping behind it: each handler's own
// resync period and whether it has been told about the whole initial list.
// Mirrors ResourceEventHandler, ResourceEventHandlerFuncs, ResourceEventHandlerRegistration and
// processorListener's resync rules (shouldResync, determineNextResync) in client-go
// tools/cache/controller.go and shared_informer.go.
import type { KubeObject } from '../api/registry/object.ts'
import type { DeletedFinalStateUnknown } from './object-keys.ts'

/**
 * The three things an informer reports. Every method is optional.
 * - onAdd: an object appeared (isInInitialList: it came from the informer's first list).
 * - onUpdate: an object changed; on a periodic resync `oldObj === newObj`.
 * - onDelete: an object is gone; `obj` is its final state, or a DeletedFinalStateUnknown
 *   { key, obj } when the informer learned of the delete only because a relist no longer had it.
 * The objects are the cache's own: never change them.
 */
export interface ResourceEventHandler<T extends KubeObject = KubeObject> {
  onAdd?(obj: T, isInInitialList: boolean): void
  onUpdate?(oldObj: T, newObj: T): void
  onDelete?(obj: T | DeletedFinalStateUnknown<T>): void
}

/** What addEventHandler returns. */
export interface ResourceEventHandlerRegistration {
  /** True once this handler has been told about every object of the informer's initial list. */
  hasSynced(): boolean
  /** Stop telling this handler anything. */
  remove(): void
}

export type Notification<T extends KubeObject> =
  | { readonly type: 'add'; readonly obj: T; readonly isInInitialList: boolean }
  | { readonly type: 'update'; readonly oldObj: T; readonly newObj: T }
  | { readonly type: 'delete'; readonly obj: T | DeletedFinalStateUnknown<T> }

/** One registered handler with its resync schedule. */
export class ProcessorListener<T extends KubeObject> {
  nextResyncMs = 0
  removed = false

  constructor(
    readonly handler: ResourceEventHandler<T>,
    readonly resyncPeriodMs: number,
  ) {}

  /** Resync is due for this handler at `nowMs`. */
  shouldResync(nowMs: number): boolean {
    return this.resyncPeriodMs !== 0 && nowMs >= this.nextResyncMs
  }

  determineNextResync(nowMs: number): void {
    this.nextResyncMs = nowMs + this.resyncPeriodMs
  }

  notify(notification: Notification<T>): void {
    if (this.removed) return
    switch (notification.type) {
      case 'add':
        this.handler.onAdd?.(notification.obj, notification.isInInitialList)
        break
      case 'update':
        this.handler.onUpdate?.(notification.oldObj, notification.newObj)
        break
      case 'delete':
        this.handler.onDelete?.(notification.obj)
        break
    }
  }
}
