// Wrong: cancel forgets the watch's id but leaves a range watch in the range index, so it keeps receiving events.
import type { Event, KeyRange, WatchListener, WatchRequest } from '../../../src/store/index.ts'
import { compareKeys, NO_END } from '../../../src/store/index.ts'
import type { RevisionBatch, WatchHistory, WatchHub as Hub } from '../../../src/store/watch-hub.ts'

export type { Event, KeyRange, WatchListener, WatchRequest, WatchResponse } from '../../../src/store/index.ts'
export type { RevisionBatch, WatchHistory } from '../../../src/store/watch-hub.ts'

interface Watcher {
  readonly id: number
  readonly request: WatchRequest
  readonly startRevision: number
  readonly listener: WatchListener
}

export class WatchHub implements Hub {
  readonly #history: WatchHistory
  readonly #byId = new Map<number, Watcher>()
  // Indexed like etcd's watcherGroup: single-key watchers by key, range watchers in a list.
  readonly #byKey = new Map<string, Set<Watcher>>()
  readonly #ranges: Watcher[] = []
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
    if (startRevision < compacted) {
      listener({ type: 'canceled', watchId: id, header: { revision: current }, compactRevision: compacted, reason: 'compacted' })
      return id
    }
    const watcher: Watcher = { id, request, startRevision, listener }
    const events = this.#history.since(startRevision).flatMap((batch) => matching(watcher, batch, compacted))
    if (events.length > 0) listener({ type: 'events', watchId: id, header: { revision: current }, events })
    this.#byId.set(id, watcher)
    if (isRange(request)) this.#ranges.push(watcher)
    else {
      let set = this.#byKey.get(request.key)
      if (set === undefined) this.#byKey.set(request.key, (set = new Set()))
      set.add(watcher)
    }
    return id
  }

  notify(batch: RevisionBatch): void {
    const compacted = this.#history.compactRevision
    const concerned = new Set<Watcher>()
    for (const event of batch.events) for (const w of this.#byKey.get(event.kv.key) ?? []) concerned.add(w)
    for (const w of this.#ranges) concerned.add(w)
    for (const watcher of concerned) {
      if (batch.revision < watcher.startRevision) continue
      const events = matching(watcher, batch, compacted)
      if (events.length > 0) watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events })
    }
  }

  requestProgress(watchId: number): void {
    const watcher = this.#byId.get(watchId)
    if (watcher !== undefined) watcher.listener({ type: 'progress', watchId, header: { revision: this.#history.currentRevision } })
  }

  cancel(watchId: number): void {
    const watcher = this.#byId.get(watchId)
    if (watcher === undefined) return
    this.#byId.delete(watchId)
    this.#byKey.get(watcher.request.key)?.delete(watcher)
  }
}

function isRange(range: KeyRange): boolean {
  return range.rangeEnd !== undefined && range.rangeEnd !== ''
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
