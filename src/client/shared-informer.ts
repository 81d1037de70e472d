// A shared informer: one reflector and one cache per resource, shared by every handler in the
// process. The reflector writes changes into a DeltaFIFO; each popped key's deltas are applied to
// the indexer first and then told to every handler, in the same order for all of them.
//
//   ListerWatcher ──list/watch──► Reflector ──add/update/delete/replace──► DeltaFIFO
//                                                                             │ pop
//                                                 indexer ◄── apply ── handleDeltas ──► handlers
//
// Contracts (each is a property test in shared-informer.test.ts):
// - Each handler sees each object as an in-order subsequence of its states, ending with its final
//   state or a delete; it may miss intermediate states, never the last one.
// - Every handler sees the same notifications in the same order.
// - When a handler is told about a state, the indexer already holds that state or a newer one.
// - After the world goes quiet, the indexer equals the server's state.
// - An object deleted while the watch was down is reported as deleted, with a
//   DeletedFinalStateUnknown carrying the last state the informer knew.
// - A periodic resync tells each handler whose period is due onUpdate(obj, obj) for every object.
// - hasSynced turns true once the first list has been applied to the indexer and told to handlers.
// Mirrors sharedIndexInformer, sharedProcessor (distribute, shouldResync), processDeltas and
// HandleDeltas in client-go tools/cache/shared_informer.go and controller.go. One deliberate
// difference: client-go pops the DeltaFIFO and runs each handler on their own goroutines; this
// engine pops right after each reflector write and calls handlers in turn, one valid interleaving
// of theirs, so a seed replays a run exactly.
import type { KubeObject } from '../api/registry/object.ts'
import type { Clock } from '../sim/clock.ts'
import type { Backoff } from './backoff.ts'
import { DeltaFIFO, type Delta } from './delta-fifo.ts'
import type { Indexers } from './index-funcs.ts'
import type { ListerWatcher } from './list-watch.ts'
import { DeletedFinalStateUnknown, metaNamespaceKey, resourceVersionOf } from './object-keys.ts'
import { Reflector } from './reflector.ts'
import { ProcessorListener, type Notification, type ResourceEventHandler, type ResourceEventHandlerRegistration } from './resource-event-handler.ts'
import { newIndexer, type Indexer } from './store.ts'

/** Handlers may not ask for a resync more often than this (minimumResyncPeriod). */
export const MINIMUM_RESYNC_PERIOD_MS = 1000

export interface SharedIndexInformerOptions<T extends KubeObject> {
  readonly listerWatcher: ListerWatcher<T>
  readonly clock: Clock
  /** Index functions besides the namespace index. */
  readonly indexers?: Indexers<T>
  /** The default resync period of handlers added without one (0: no resync). */
  readonly defaultResyncPeriodMs?: number
  readonly backoff?: Backoff
  readonly onError?: (error: unknown) => void
}

export class SharedIndexInformer<T extends KubeObject = KubeObject> {
  readonly #options: SharedIndexInformerOptions<T>
  readonly #indexer: Indexer<T>
  readonly #fifo: DeltaFIFO<T>
  readonly #clock: Clock
  readonly #defaultResyncPeriodMs: number
  #resyncCheckPeriodMs: number
  #reflector: Reflector<T> | undefined
  #listeners: ProcessorListener<T>[] = []
  #syncingListeners: ProcessorListener<T>[] = []
  #started = false
  #stopped = false

  constructor(options: SharedIndexInformerOptions<T>) {
    this.#options = options
    this.#clock = options.clock
    this.#indexer = newIndexer(options.indexers ?? {})
    this.#fifo = new DeltaFIFO<T>({ knownObjects: this.#indexer, emitDeltaTypeReplaced: true })
    this.#defaultResyncPeriodMs = options.defaultResyncPeriodMs ?? 0
    this.#resyncCheckPeriodMs = this.#defaultResyncPeriodMs
  }

  addEventHandler(handler: ResourceEventHandler<T>, resyncPeriodMs = this.#defaultResyncPeriodMs): ResourceEventHandlerRegistration {
    let periodMs = resyncPeriodMs
    if (periodMs > 0 && periodMs < MINIMUM_RESYNC_PERIOD_MS) periodMs = MINIMUM_RESYNC_PERIOD_MS
    if (periodMs > 0 && (this.#resyncCheckPeriodMs === 0 || periodMs < this.#resyncCheckPeriodMs)) {
      // Once started the check period is fixed: a faster handler is resynced at the informer's pace.
      if (this.#started && this.#resyncCheckPeriodMs > 0) periodMs = this.#resyncCheckPeriodMs
      else if (!this.#started) this.#resyncCheckPeriodMs = periodMs
    }
    const listener = new ProcessorListener<T>(handler, periodMs)
    listener.determineNextResync(this.#clock.now())
    this.#listeners.push(listener)
    // A handler added after start is told about everything already in the cache.
    if (this.#started) for (const obj of this.#indexer.list()) listener.notify({ type: 'add', obj, isInInitialList: true })
    return {
      hasSynced: () => this.hasSynced(),
      remove: () => {
        listener.removed = true
        this.#listeners = this.#listeners.filter((l) => l !== listener)
        this.#syncingListeners = this.#syncingListeners.filter((l) => l !== listener)
      },
    }
  }

  run(): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    const fifo = this.#fifo
    // Every reflector write is followed by processing what it queued.
    const store = {
      add: (obj: T) => (fifo.add(obj), this.#processQueue()),
      update: (obj: T) => (fifo.update(obj), this.#processQueue()),
      delete: (obj: T) => (fifo.delete(obj), this.#processQueue()),
      replace: (list: readonly T[], rv: string) => (fifo.replace(list, rv), this.#processQueue()),
      resync: () => (fifo.resync(), this.#processQueue()),
    }
    this.#reflector = new Reflector<T>({
      listerWatcher: this.#options.listerWatcher,
      store,
      clock: this.#clock,
      backoff: this.#options.backoff,
      onError: this.#options.onError,
      resyncPeriodMs: this.#resyncCheckPeriodMs,
      shouldResync: () => this.#shouldResync(),
    })
    this.#reflector.run()
  }

  stop(): void {
    this.#stopped = true
    this.#reflector?.stop()
    this.#fifo.close()
  }

  /** True once the first list has been applied to the cache and told to every handler. */
  hasSynced(): boolean {
    return this.#fifo.hasSynced()
  }

  getIndexer(): Indexer<T> {
    return this.#indexer
  }

  lastSyncResourceVersion(): string {
    return this.#reflector?.lastSyncResourceVersion() ?? ''
  }

  #processQueue(): void {
    for (let popped = this.#fifo.pop(); popped !== undefined; popped = this.#fifo.pop()) {
      this.#handleDeltas(popped.deltas, popped.isInInitialList)
    }
  }

  /** Apply each delta to the indexer, then tell the handlers (processDeltas). */
  #handleDeltas(deltas: readonly Delta<T>[], isInInitialList: boolean): void {
    for (const delta of deltas) {
      const obj = delta.object
      if (delta.type === 'Deleted') {
        const key = obj instanceof DeletedFinalStateUnknown ? obj.key : metaNamespaceKey(obj)
        const cached = this.#indexer.getByKey(key)
        if (cached !== undefined) this.#indexer.delete(cached)
        this.#distribute({ type: 'delete', obj }, false)
        continue
      }
      const newObj = obj as T
      const old = this.#indexer.get(newObj)
      if (old !== undefined) {
        this.#indexer.update(newObj)
        // An update that did not change the resourceVersion is a resync: only for handlers due one.
        this.#distribute({ type: 'update', oldObj: old, newObj }, resourceVersionOf(old) === resourceVersionOf(newObj))
      } else {
        this.#indexer.add(newObj)
        this.#distribute({ type: 'add', obj: newObj, isInInitialList }, false)
      }
    }
  }

  #distribute(notification: Notification<T>, isSync: boolean): void {
    for (const listener of isSync ? this.#syncingListeners : this.#listeners) listener.notify(notification)
  }

  /** Which handlers are due a resync now; the reflector resyncs only when some are (sharedProcessor.shouldResync). */
  #shouldResync(): boolean {
    const nowMs = this.#clock.now()
    this.#syncingListeners = []
    for (const listener of this.#listeners) {
      if (!listener.shouldResync(nowMs)) continue
      this.#syncingListeners.push(listener)
      listener.determineNextResync(nowMs)
    }
    return this.#syncingListeners.length > 0
  }
}
