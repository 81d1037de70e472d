// Watches on top of the MVCC store: create (replaying history from the start revision), notify
// after each commit, cancel, progress. Mirrors watchableStore in etcd's
// server/storage/mvcc/watchable_store.go (watch, notify, syncWatchers' compaction check) and the
// prevKv lookup of server/etcdserver/api/v3rpc/watch.go (an event's previous kv is the key at
// revision - 1, so it is missing when that revision is compacted).
//
// Delivery is deterministic and never re-entrant: every response goes into one FIFO queue, which
// is drained after each commit. A listener that writes to the store, or starts a watch, only adds
// to the back of the queue; the drain already running delivers it next, so there is no recursion
// and no watcher ever sees a later revision before an earlier one.
import type { Event } from './key-value.ts'
import type { RevisionBatch } from './event-log.ts'
import { intervalContains, toInterval } from './keys.ts'
import type { MvccStore } from './kvstore.ts'
import type { Watch, WatchRequest, WatchResponse } from './watch-messages.ts'
import { WatcherGroup, type Watcher } from './watcher-group.ts'

/** etcd's watchBatchMaxRevs: a replay sends at most this many revisions per response. */
const MAX_REVISIONS_PER_RESPONSE = 1000

export type ListenerErrorHandler = (error: unknown, watchId: number) => void

export class WatchableStore {
  readonly #store: MvccStore
  readonly #onListenerError: ListenerErrorHandler
  readonly #group = new WatcherGroup()
  readonly #queue: { watcher: Watcher; response: WatchResponse }[] = []
  #head = 0
  #draining = false
  #nextId = 1

  constructor(store: MvccStore, onListenerError: ListenerErrorHandler) {
    this.#store = store
    this.#onListenerError = onListenerError
  }

  /** Number of live watches. */
  get size(): number {
    return this.#group.size
  }

  create(request: WatchRequest, listener: Watcher['listener']): Watch {
    const current = this.#store.currentRevision
    const requested = request.startRevision ?? 0
    const filters = request.filters ?? []
    const watcher: Watcher = {
      id: this.#nextId++,
      interval: toInterval(request),
      startRevision: requested > 0 ? requested : current + 1,
      prevKv: request.prevKv ?? false,
      noPut: filters.includes('noPut'),
      noDelete: filters.includes('noDelete'),
      listener,
      canceled: false,
    }
    const compacted = this.#store.compactRevision
    if (watcher.startRevision < compacted) {
      watcher.canceled = true
      this.#enqueue(watcher, {
        type: 'canceled',
        watchId: watcher.id,
        // etcd sends this response with no revision (syncWatchers' WatchResponse{WatchID, CompactRevision}), so header revision 0.
        header: { revision: 0 },
        compactRevision: compacted,
        reason: `required revision ${watcher.startRevision} has been compacted (compacted at ${compacted})`,
      })
    } else {
      this.#replay(watcher, current, compacted)
      this.#group.add(watcher)
    }
    this.#drain()
    return {
      watchId: watcher.id,
      cancel: async () => this.cancel(watcher),
      requestProgress: async () => this.requestProgress(watcher),
    }
  }

  /** Called after each commit: queue the batch for every watcher it concerns, then deliver. */
  notify(batch: RevisionBatch): void {
    const matching = this.#matching
    // One event per revision is the common case (a put or a delete): no per-watcher map needed.
    if (batch.events.length === 1) {
      const event = batch.events[0]
      this.#group.collectMatching(event.kv.key, matching)
      for (const w of matching) {
        if (batch.revision < w.startRevision || !wants(w, event)) continue
        this.#enqueue(w, { type: 'events', watchId: w.id, header: { revision: batch.revision }, events: [shape(w, event, true)] })
      }
      matching.length = 0
      this.#drain()
      return
    }
    const perWatcher = new Map<Watcher, Event[]>()
    for (const event of batch.events) {
      this.#group.collectMatching(event.kv.key, matching)
      for (const w of matching) {
        if (batch.revision < w.startRevision || !wants(w, event)) continue
        let events = perWatcher.get(w)
        if (events === undefined) perWatcher.set(w, (events = []))
        events.push(shape(w, event, true))
      }
      matching.length = 0
    }
    for (const [w, events] of perWatcher) this.#enqueue(w, { type: 'events', watchId: w.id, header: { revision: batch.revision }, events })
    this.#drain()
  }

  /** Scratch for notify: the watchers of one key (notify does not re-enter; delivery comes after). */
  readonly #matching: Watcher[] = []

  cancel(watcher: Watcher): void {
    watcher.canceled = true
    this.#group.delete(watcher)
  }

  requestProgress(watcher: Watcher): void {
    if (watcher.canceled) return
    this.#enqueue(watcher, { type: 'progress', watchId: watcher.id, header: { revision: this.#store.currentRevision } })
    this.#drain()
  }

  closeAll(): void {
    for (const w of this.#group.all()) this.cancel(w)
  }

  // Queue the history from the watcher's start revision: complete revisions only, batched.
  #replay(watcher: Watcher, current: number, compacted: number): void {
    let events: Event[] = []
    let revisions = 0
    const flush = () => {
      if (events.length > 0) this.#enqueue(watcher, { type: 'events', watchId: watcher.id, header: { revision: current }, events })
      events = []
      revisions = 0
    }
    for (const batch of this.#store.log.since(watcher.startRevision)) {
      const before = events.length
      for (const event of batch.events) {
        if (intervalContains(watcher.interval, event.kv.key) && wants(watcher, event)) events.push(shape(watcher, event, batch.revision > compacted))
      }
      if (events.length > before && ++revisions >= MAX_REVISIONS_PER_RESPONSE) flush()
    }
    flush()
  }

  #enqueue(watcher: Watcher, response: WatchResponse): void {
    this.#queue.push({ watcher, response })
  }

  #drain(): void {
    if (this.#draining) return
    this.#draining = true
    try {
      while (this.#head < this.#queue.length) {
        const { watcher, response } = this.#queue[this.#head++]
        if (watcher.canceled && response.type !== 'canceled') continue
        try {
          watcher.listener(response)
        } catch (error) {
          this.cancel(watcher)
          this.#onListenerError(error, watcher.id)
        }
      }
      this.#queue.length = 0
      this.#head = 0
    } finally {
      this.#draining = false
    }
  }
}

function wants(watcher: Watcher, event: Event): boolean {
  return event.type === 'put' ? !watcher.noPut : !watcher.noDelete
}

// The event as this watcher receives it: with prevKv only if asked for and still readable.
function shape(watcher: Watcher, event: Event, prevReadable: boolean): Event {
  if (event.prevKv === undefined || (watcher.prevKv && prevReadable)) return event
  return { type: event.type, kv: event.kv }
}
