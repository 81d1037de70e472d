// Lesson 02 solution — a watch hub: every watch catches up from the history at once (etcd's
// unsynced → synced step in syncWatchers, done synchronously here), then gets each new revision
// from notify. Mirrors etcd's server/storage/mvcc/watchable_store.go (watch, syncWatchers, notify,
// progressIfSync), watcher_group.go (which watchers a key concerns) and the prevKv lookup of
// server/etcdserver/api/v3rpc/watch.go.
//
// The hub's state and its steps are protected, and Watcher is exported, so that the wrong answers
// beside this file can reuse them and change one step.
import type { Event, KeyRange, WatchListener, WatchRequest } from '../../src/store/index.ts'
import { compareKeys, NO_END } from '../../src/store/index.ts'
import type { RevisionBatch, WatchHistory, WatchHub as Hub } from '../../src/store/watch-hub.ts'

export type { Event, KeyRange, WatchListener, WatchRequest, WatchResponse } from '../../src/store/index.ts'
export type { RevisionBatch, WatchHistory } from '../../src/store/watch-hub.ts'

export interface Watcher {
  readonly id: number
  readonly request: WatchRequest
  /** The first revision this watch is owed (etcd's minRev). */
  readonly startRevision: number
  readonly listener: WatchListener
}

export class WatchHub implements Hub {
  protected readonly history: WatchHistory
  protected readonly watchers = new Map<number, Watcher>()
  #nextId = 1

  constructor(history: WatchHistory) {
    this.history = history
  }

  watch(request: WatchRequest, listener: WatchListener): number {
    const id = this.#nextId++
    const current = this.history.currentRevision
    const compacted = this.history.compactRevision
    const requested = request.startRevision ?? 0
    const startRevision = requested > 0 ? requested : current + 1

    // The compaction cliff: the history this watch asks for is gone.
    if (startRevision < compacted) {
      listener({
        type: 'canceled',
        watchId: id,
        header: { revision: current },
        compactRevision: compacted,
        reason: `required revision ${startRevision} has been compacted (compacted at ${compacted})`,
      })
      return id
    }

    const watcher: Watcher = { id, request, startRevision, listener }
    this.catchUp(watcher)
    this.watchers.set(id, watcher)
    return id
  }

  /** Send a new watch every matching event from its start revision through now, in one response. */
  protected catchUp(watcher: Watcher): void {
    const events = this.history.since(watcher.startRevision).flatMap((batch) => this.matching(watcher, batch))
    if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: this.history.currentRevision }, events })
  }

  notify(batch: RevisionBatch): void {
    for (const watcher of this.watchers.values()) this.deliver(watcher, batch)
  }

  /** Send a watch the matching events of a revision just committed, in one response. */
  protected deliver(watcher: Watcher, batch: RevisionBatch): void {
    if (batch.revision < watcher.startRevision) return // a watch from a future revision waits
    const events = this.matching(watcher, batch)
    if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events })
  }

  requestProgress(watchId: number): void {
    const watcher = this.watchers.get(watchId)
    // Delivery is synchronous, so every event up to now has been delivered already.
    if (watcher !== undefined) watcher.listener({ type: 'progress', watchId, header: { revision: this.history.currentRevision } })
  }

  cancel(watchId: number): void {
    this.watchers.delete(watchId)
  }

  /** The events of one revision this watcher receives, as it receives them. */
  protected matching(watcher: Watcher, batch: RevisionBatch): Event[] {
    const { request } = watcher
    const filters = request.filters ?? []
    const withPrevKv = request.prevKv === true && this.prevKvReadable(batch.revision)
    const out: Event[] = []
    for (const event of batch.events) {
      if (!this.inRange(request, event.kv.key)) continue
      if (event.type === 'put' && filters.includes('noPut')) continue
      if (event.type === 'delete' && filters.includes('noDelete')) continue
      out.push(withPrevKv || event.prevKv === undefined ? event : { type: event.type, kv: event.kv })
    }
    return out
  }

  /** etcd reads prevKv at revision - 1, which is gone when the revision is at or below the compaction. */
  protected prevKvReadable(revision: number): boolean {
    return revision > this.history.compactRevision
  }

  /** True when `key` is the watched key, or in the watched range [key, rangeEnd). */
  protected inRange(range: KeyRange, key: string): boolean {
    const { key: start, rangeEnd } = range
    if (rangeEnd === undefined || rangeEnd === '') return key === start
    if (compareKeys(key, start) < 0) return false
    return rangeEnd === NO_END || compareKeys(key, rangeEnd) < 0
  }
}
