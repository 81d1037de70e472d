// Lesson 07 — a solution: the reflector's list-then-watch loop, writing straight into the cache and
// calling the handlers (client-go puts a DeltaFIFO between the two; see src/client/).
import type { Backoff, Indexer, KubeObject, ListerWatcher, ObjectList, ResourceEventHandler, WatchHandle, WatchStreamEvent } from '../../src/client/index.ts'
import { DeletedFinalStateUnknown, metaNamespaceKey, resourceVersionOf } from '../../src/client/index.ts'
import type { Clock, TimerHandle } from '../../src/sim/clock.ts'

export { DeletedFinalStateUnknown, metaNamespaceKey, resourceVersionOf } from '../../src/client/index.ts'
export type { Backoff, Indexer, KubeObject, ListerWatcher, ObjectList, ResourceEventHandler, WatchHandle, WatchStreamEvent } from '../../src/client/index.ts'

export interface InformerOptions {
  readonly listerWatcher: ListerWatcher
  readonly clock: Clock
  readonly indexer: Indexer
  readonly handlers: readonly ResourceEventHandler[]
  readonly backoff: Backoff
}

export class Informer {
  readonly options: InformerOptions
  /** The version to resume watching from: the last list's, event's or bookmark's. */
  protected lastResourceVersion = ''
  protected synced = false
  protected running = false
  // Bumped whenever a list or watch is abandoned, so its late answers are ignored.
  protected epoch = 0
  protected watchHandle: WatchHandle | undefined
  protected timer: TimerHandle | undefined

  constructor(options: InformerOptions) {
    this.options = options
  }

  run(): void {
    if (this.running) return
    this.running = true
    void this.listAndWatch()
  }

  stop(): void {
    this.running = false
    this.epoch++
    this.watchHandle?.stop()
    if (this.timer) this.options.clock.cancel(this.timer)
  }

  hasSynced(): boolean {
    return this.synced
  }

  protected async listAndWatch(): Promise<void> {
    const epoch = ++this.epoch
    let list: ObjectList
    try {
      list = await this.options.listerWatcher.list({ resourceVersion: this.lastResourceVersion || '0' })
    } catch {
      if (epoch === this.epoch && this.running) this.relistLater()
      return
    }
    if (epoch !== this.epoch || !this.running) return
    this.replace(list.items)
    this.listed(list.metadata.resourceVersion)
    await this.watchFrom(epoch)
  }

  /** The list is in the cache: resume from its version. */
  protected listed(resourceVersion: string): void {
    this.lastResourceVersion = resourceVersion
    this.synced = true
  }

  /** Make the cache equal the list, telling the handlers what changed. */
  protected replace(items: readonly KubeObject[]): void {
    const { indexer } = this.options
    const listed = new Set<string>()
    for (const obj of items) {
      const key = metaNamespaceKey(obj)
      listed.add(key)
      const old = indexer.getByKey(key)
      if (old === undefined) {
        indexer.add(obj)
        for (const h of this.options.handlers) h.onAdd?.(obj, !this.synced)
      } else if (resourceVersionOf(old) !== resourceVersionOf(obj)) {
        indexer.update(obj)
        for (const h of this.options.handlers) h.onUpdate?.(old, obj)
      }
    }
    // Whatever the cache has and the list does not was deleted while we were not watching.
    for (const key of indexer.listKeys()) {
      if (listed.has(key)) continue
      const old = indexer.getByKey(key)!
      indexer.delete(old)
      for (const h of this.options.handlers) h.onDelete?.(new DeletedFinalStateUnknown(key, old))
    }
  }

  protected async watchFrom(epoch: number): Promise<void> {
    try {
      const handle = await this.options.listerWatcher.watch({ resourceVersion: this.lastResourceVersion, allowWatchBookmarks: true }, (event) => this.onEvent(event, epoch))
      if (epoch !== this.epoch || !this.running) handle.stop()
      else this.watchHandle = handle
    } catch {
      if (epoch === this.epoch && this.running) this.relistLater()
    }
  }

  protected onEvent(event: WatchStreamEvent, epoch: number): void {
    if (epoch !== this.epoch || !this.running) return
    switch (event.type) {
      case 'ERROR':
        this.relistLater()
        return
      case 'CLOSED':
        void this.watchFrom(epoch)
        return
      case 'BOOKMARK':
        break
      default:
        this.apply(event.type, event.object)
    }
    this.lastResourceVersion = event.object.metadata?.resourceVersion ?? this.lastResourceVersion
  }

  /** One watch event: change the cache, then tell the handlers. */
  protected apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const { indexer, handlers } = this.options
    const old = indexer.getByKey(metaNamespaceKey(obj))
    if (type === 'DELETED') {
      if (old === undefined) return
      indexer.delete(old)
      for (const h of handlers) h.onDelete?.(obj)
    } else if (old === undefined) {
      indexer.add(obj)
      for (const h of handlers) h.onAdd?.(obj, false)
    } else {
      indexer.update(obj)
      for (const h of handlers) h.onUpdate?.(old, obj)
    }
  }

  /** Give up on the current watch and list again after a backoff. */
  protected relistLater(): void {
    this.epoch++
    this.watchHandle?.stop()
    this.watchHandle = undefined
    this.timer = this.options.clock.setTimer(this.options.backoff.nextDelayMs(), () => {
      this.timer = undefined
      if (this.running) void this.listAndWatch()
    })
  }
}
