// Wrong: takes prevKv from the new value (the event's own kv) instead of the value before the change.
import type { Event, KeyRange, WatchListener, WatchRequest } from '../../../src/store/index.ts'
import { compareKeys, NO_END } from '../../../src/store/index.ts'
import type { RevisionBatch, WatchHistory, WatchHub as Hub } from '../../../src/store/watch-hub.ts'

export type { Event, KeyRange, WatchListener, WatchRequest, WatchResponse } from '../../../src/store/index.ts'
export type { RevisionBatch, WatchHistory } from '../../../src/store/watch-hub.ts'

interface Watcher {
  readonly id: number
  readonly request: WatchRequest
  /** The first revision this watch is owed (etcd's minRev). */
  readonly startRevision: number
  readonly listener: WatchListener
}

export class WatchHub implements Hub {
  readonly #history: WatchHistory
  readonly #watchers = new Map<number, Watcher>()
  #nextId = 1

  constructor(history: WatchHistory) {
    this.#history = history
  }

  watch(request: WatchRequest, listener: WatchListener): number {
    const id = this.#nextId++
    const current = this.#history.currentRevision
    const compacted = this.#history.compactRevision
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
    // Catch up: every matching event from the start revision through now, in one response.
    const events = this.#history.since(startRevision).flatMap((batch) => matching(watcher, batch, compacted))
    if (events.length > 0) listener({ type: 'events', watchId: id, header: { revision: current }, events })
    this.#watchers.set(id, watcher)
    return id
  }

  notify(batch: RevisionBatch): void {
    const compacted = this.#history.compactRevision
    for (const watcher of this.#watchers.values()) {
      if (batch.revision < watcher.startRevision) continue // a watch from a future revision waits
      const events = matching(watcher, batch, compacted)
      if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events })
    }
  }

  requestProgress(watchId: number): void {
    const watcher = this.#watchers.get(watchId)
    // Delivery is synchronous, so every event up to now has been delivered already.
    if (watcher !== undefined) watcher.listener({ type: 'progress', watchId, header: { revision: this.#history.currentRevision } })
  }

  cancel(watchId: number): void {
    this.#watchers.delete(watchId)
  }
}

/** The events of one revision this watcher receives, as it receives them. */
function matching(watcher: Watcher, batch: RevisionBatch, compacted: number): Event[] {
  const { request } = watcher
  const filters = request.filters ?? []
  // etcd reads prevKv at revision - 1, which is gone when the revision is at or below the compaction.
  const prevReadable = request.prevKv === true && batch.revision > compacted
  const out: Event[] = []
  for (const event of batch.events) {
    if (!inRange(request, event.kv.key)) continue
    if (event.type === 'put' && filters.includes('noPut')) continue
    if (event.type === 'delete' && filters.includes('noDelete')) continue
    out.push(prevReadable ? { type: event.type, kv: event.kv, prevKv: event.kv } : { type: event.type, kv: event.kv })
  }
  return out
}

/** True when `key` is the watched key, or in the watched range [key, rangeEnd). */
function inRange(range: KeyRange, key: string): boolean {
  const { key: start, rangeEnd } = range
  if (rangeEnd === undefined || rangeEnd === '') return key === start
  if (compareKeys(key, start) < 0) return false
  return rangeEnd === NO_END || compareKeys(key, rangeEnd) < 0
}
