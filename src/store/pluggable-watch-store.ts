// A KeyValueStore whose watches are served by a pluggable WatchHub (watch-hub.ts), such as the one
// a learner writes in lesson 02; everything else is the reference MemoryStore. The hub is fed the
// way the API server's watch cache is fed by etcd: by ONE watch on every key, with prevKv, opened
// when the store is made. Each revision that watch delivers is appended to this store's own
// history (which the hub reads) and then handed to the hub's notify. Mirrors how etcd's
// watchableStore sits on its store (server/storage/mvcc/watchable_store.go, notify after each
// write transaction in watchable_store_txn.go).
//
// The hub is never called re-entrantly: every method here awaits before it touches the store or
// the hub, so a listener that writes, watches or cancels is served after the hub's current call
// returns. A cancel takes effect at once all the same: from the moment `cancel()` is called, the
// listener receives nothing until the hub has been told, and anything the hub sends after that is
// passed on, so a hub that keeps delivering to a canceled watch is seen to do so.
import type { Event } from './key-value.ts'
import type { KeyValueStore } from './kv.ts'
import { EventLog, type RevisionBatch } from './event-log.ts'
import { StoreError } from './errors.ts'
import { NO_END } from './keys.ts'
import { MemoryStore, type MemoryStoreOptions } from './memory-store.ts'
import type { WatchHistory, WatchHub, WatchHubFactory } from './watch-hub.ts'
import type { Watch, WatchListener, WatchRequest, WatchResponse } from './watch-messages.ts'
import type { DeleteRangeRequest, PutRequest, RangeRequest, TxnRequest } from './requests.ts'
import type { LeaseGrantRequest, LeaseTimeToLiveRequest } from './lease-messages.ts'

export interface PluggableWatchStoreOptions extends MemoryStoreOptions {
  /** Builds the hub that serves every watch of this store. */
  readonly hub: WatchHubFactory
  /** Called when the hub throws while told of a commit (the write itself stands). Default: rethrow on a microtask. */
  readonly onHubError?: (error: unknown) => void
}

interface Subscription {
  id: number
  /** 'canceling': cancel() was called and the hub has not been told yet; nothing is delivered meanwhile. */
  state: 'live' | 'canceling' | 'told'
}

export class PluggableWatchStore implements KeyValueStore {
  readonly #store: MemoryStore
  readonly #log = new EventLog()
  readonly #hub: WatchHub
  readonly #feed: Promise<Watch>
  readonly #subscriptions = new Set<Subscription>()
  readonly #onListenerError: (error: unknown, watchId: number) => void
  readonly #onHubError: (error: unknown) => void
  #revision: number
  #inHub = false
  #closed = false

  constructor(options: PluggableWatchStoreOptions) {
    const { hub, onHubError, ...storeOptions } = options
    this.#store = new MemoryStore(storeOptions)
    this.#onListenerError = options.onListenerError ?? rethrowLater
    this.#onHubError = onHubError ?? rethrowLater
    this.#revision = this.#store.revision
    const log = this.#log
    const revision = () => this.#revision
    const compacted = () => this.#store.compactRevision
    const history: WatchHistory = {
      get currentRevision() {
        return revision()
      },
      get compactRevision() {
        return compacted()
      },
      since: (fromRevision) => log.since(fromRevision),
    }
    this.#hub = hub(history)
    this.#feed = this.#store.watch({ key: NO_END, rangeEnd: NO_END, startRevision: this.#revision + 1, prevKv: true }, (r) => this.#commit(r))
  }

  /** The newest revision the hub has been told of (the store's current revision). */
  get revision(): number {
    return this.#revision
  }

  get compactRevision(): number {
    return this.#store.compactRevision
  }

  async range(request: RangeRequest) {
    await this.#feed
    return this.#store.range(request)
  }

  async put(request: PutRequest) {
    await this.#feed
    return this.#store.put(request)
  }

  async deleteRange(request: DeleteRangeRequest) {
    await this.#feed
    return this.#store.deleteRange(request)
  }

  async txn(request: TxnRequest) {
    await this.#feed
    return this.#store.txn(request)
  }

  async compact(revision: number) {
    await this.#feed
    const response = await this.#store.compact(revision)
    this.#log.compact(revision)
    return response
  }

  async watch(request: WatchRequest, listener: WatchListener): Promise<Watch> {
    await this.#feed
    if (this.#closed) throw new StoreError('closed')
    if (request.startRevision !== undefined && !Number.isSafeInteger(request.startRevision)) {
      throw new StoreError('invalid-argument', `startRevision ${request.startRevision}`)
    }
    const sub: Subscription = { id: 0, state: 'live' }
    const deliver = (response: WatchResponse) => {
      if (sub.state === 'canceling') return
      try {
        listener(response)
      } catch (error) {
        void this.#cancel(sub)
        this.#onListenerError(error, response.watchId)
      }
    }
    sub.id = this.#call(() => this.#hub.watch(request, deliver))
    this.#subscriptions.add(sub)
    return {
      watchId: sub.id,
      cancel: () => this.#cancel(sub),
      requestProgress: async () => {
        await this.#feed
        if (!this.#closed && sub.state === 'live') this.#call(() => this.#hub.requestProgress(sub.id))
      },
    }
  }

  async leaseGrant(request: LeaseGrantRequest) {
    await this.#feed
    return this.#store.leaseGrant(request)
  }

  async leaseRevoke(id: number) {
    await this.#feed
    return this.#store.leaseRevoke(id)
  }

  async leaseKeepAlive(id: number) {
    await this.#feed
    return this.#store.leaseKeepAlive(id)
  }

  async leaseTimeToLive(request: LeaseTimeToLiveRequest) {
    await this.#feed
    return this.#store.leaseTimeToLive(request)
  }

  async leaseLeases() {
    await this.#feed
    return this.#store.leaseLeases()
  }

  async close(): Promise<void> {
    await this.#feed
    if (this.#closed) return
    this.#closed = true
    for (const sub of this.#subscriptions) await this.#cancel(sub)
    await this.#store.close()
  }

  // The feed: one committed revision, with every event and its prevKv.
  #commit(response: WatchResponse): void {
    if (response.type !== 'events') return
    const batch = freezeBatch({ revision: response.header.revision, events: response.events })
    this.#log.append(batch)
    this.#revision = batch.revision
    try {
      this.#call(() => this.#hub.notify(batch))
    } catch (error) {
      this.#onHubError(error)
    }
  }

  async #cancel(sub: Subscription): Promise<void> {
    if (sub.state !== 'live') return
    sub.state = 'canceling' // at once: nothing reaches the listener from here on
    await this.#feed
    sub.state = 'told'
    this.#subscriptions.delete(sub)
    this.#call(() => this.#hub.cancel(sub.id))
  }

  #call<T>(fn: () => T): T {
    if (this.#inHub) throw new Error('internal: the watch hub was called while it was already running a call')
    this.#inHub = true
    try {
      return fn()
    } finally {
      this.#inHub = false
    }
  }
}

// The hub reads history it must not change: freeze it, so a change fails where it is made.
function freezeBatch(batch: RevisionBatch): RevisionBatch {
  for (const event of batch.events) freezeEvent(event)
  Object.freeze(batch.events)
  return Object.freeze(batch)
}

function freezeEvent(event: Event): void {
  Object.freeze(event.kv)
  if (event.prevKv !== undefined) Object.freeze(event.prevKv)
  Object.freeze(event)
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error
  })
}
