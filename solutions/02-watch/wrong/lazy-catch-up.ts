// Wrong: catches a watch from the past up only at the next commit, so a progress notification can arrive before the history it vouches for (and with no further commit, the history never arrives).
import type { Event, KeyRange, WatchListener, WatchRequest } from '../../../src/store/index.ts'
import { compareKeys, NO_END } from '../../../src/store/index.ts'
import type { RevisionBatch, WatchHistory, WatchHub as Hub } from '../../../src/store/watch-hub.ts'

export type { Event, KeyRange, WatchListener, WatchRequest, WatchResponse } from '../../../src/store/index.ts'
export type { RevisionBatch, WatchHistory } from '../../../src/store/watch-hub.ts'

interface Watcher {
  readonly id: number
  readonly request: WatchRequest
  /** The next revision this watch is owed. */
  minRevision: number
  readonly listener: WatchListener
}

export class WatchHub implements Hub {
  readonly #history: WatchHistory
  readonly #unsynced = new Map<number, Watcher>()
  readonly #synced = new Map<number, Watcher>()
  #nextId = 1

  constructor(history: WatchHistory) {
    this.#history = history
  }

  watch(request: WatchRequest, listener: WatchListener): number {
    const id = this.#nextId++
    const current = this.#history.currentRevision
    const compacted = this.#history.compactRevision
    const requested = request.startRevision ?? 0
    const minRevision = requested > 0 ? requested : current + 1
    if (minRevision < compacted) {
      listener({ type: 'canceled', watchId: id, header: { revision: current }, compactRevision: compacted, reason: 'compacted' })
      return id
    }
    const watcher: Watcher = { id, request, minRevision, listener }
    // Past watches wait for the next sync, as etcd's syncWatchersLoop would run them later.
    if (minRevision <= current) this.#unsynced.set(id, watcher)
    else this.#synced.set(id, watcher)
    return id
  }

  notify(batch: RevisionBatch): void {
    const compacted = this.#history.compactRevision
    for (const watcher of this.#unsynced.values()) {
      const events = this.#history.since(watcher.minRevision).flatMap((b) => matching(watcher, b, compacted))
      if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events })
      watcher.minRevision = batch.revision + 1
      this.#synced.set(watcher.id, watcher)
    }
    this.#unsynced.clear()
    for (const watcher of this.#synced.values()) {
      if (batch.revision < watcher.minRevision) continue
      const events = matching(watcher, batch, compacted)
      if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events })
      watcher.minRevision = batch.revision + 1
    }
  }

  requestProgress(watchId: number): void {
    const watcher = this.#synced.get(watchId) ?? this.#unsynced.get(watchId)
    if (watcher !== undefined) watcher.listener({ type: 'progress', watchId, header: { revision: this.#history.currentRevision } })
  }

  cancel(watchId: number): void {
    this.#synced.delete(watchId)
    this.#unsynced.delete(watchId)
  }
}

function matching(watcher: Watcher, batch: RevisionBatch, compacted: number): Event[] {
  const { request } = watcher
  const filters = request.filters ?? []
  const prevReadable = request.prevKv === true && batch.revision > compacted
  const out: Event[] = []
  for (const event of batch.events) {
    if (!inRange(request, event.kv.key)) continue
    if (event.type === 'put' && filters.includes('noPut')) continue
    if (event.type === 'delete' && filters.includes('noDelete')) continue
    out.push(prevReadable || event.prevKv === undefined ? event : { type: event.type, kv: event.kv })
  }
  return out
}

function inRange(range: KeyRange, key: string): boolean {
  const { key: start, rangeEnd } = range
  if (rangeEnd === undefined || rangeEnd === '') return key === start
  if (compareKeys(key, start) < 0) return false
  return rangeEnd === NO_END || compareKeys(key, rangeEnd) < 0
}
