// The watch guarantees, each a named check over what one watch received, defined as etcd's
// robustness suite defines them (tests/robustness/validate/watch.go: Ordered, Unique, Atomic,
// Reliable, Resumable, Bookmarkable; the sentences paraphrase etcd's API guarantees page), plus
// Compacted for a watch that starts before the compacted revision. `history` is every event the
// store committed, in order, as an independent model computed it.
import { isDeepStrictEqual } from 'node:util'
import type { Event } from './key-value.ts'
import { intervalContains, toInterval } from './keys.ts'
import type { WatchRequest, WatchResponse } from './watch-messages.ts'

export type WatchGuarantee = 'Ordered' | 'Unique' | 'Atomic' | 'Reliable' | 'Resumable' | 'Bookmarkable' | 'Compacted'

export const guaranteeSentences: Record<WatchGuarantee, string> = {
  Ordered: 'events are ordered by revision: an event never arrives after an event of a later revision',
  Unique: 'an event never arrives twice on one watch',
  Atomic: 'the events of one revision arrive together in one response, never split across responses',
  Reliable: 'a watch never skips an event: after its first event it receives every later matching event, in order, exactly as committed',
  Resumable: 'a watch started at revision r first receives the first matching event at or after r',
  Bookmarkable: 'a progress response at revision r comes after every matching event up to r, and before every event after r',
  Compacted: 'a watch starting before the compacted revision is canceled with that compacted revision and receives no events',
}

export interface Violation {
  readonly guarantee: WatchGuarantee
  readonly message: string
}

/** One watch as a test saw it. */
export interface RecordedWatch {
  readonly request: WatchRequest
  /** The store's compacted revision when the watch was created (0: never compacted). */
  readonly compactRevisionAtStart: number
  /** The store's revision when the watch was created. */
  readonly revisionAtStart: number
  readonly responses: readonly WatchResponse[]
}

/** Every violation of the guarantees by one recorded watch, given the store's full event history. */
export function checkWatch(history: readonly Event[], watch: RecordedWatch): Violation[] {
  const out: Violation[] = []
  const fail = (guarantee: WatchGuarantee, detail: string) => out.push({ guarantee, message: `${guarantee}: ${guaranteeSentences[guarantee]} (${detail})` })
  const { request } = watch
  const start = request.startRevision && request.startRevision > 0 ? request.startRevision : watch.revisionAtStart + 1
  const received = watch.responses.flatMap((r) => (r.type === 'events' ? r.events : []))

  if (start < watch.compactRevisionAtStart) {
    const first = watch.responses[0]
    if (received.length > 0) fail('Compacted', `received ${received.length} events`)
    if (first === undefined || first.type !== 'canceled' || first.compactRevision !== watch.compactRevisionAtStart) {
      fail('Compacted', `first response ${JSON.stringify(first)}, want canceled with compactRevision ${watch.compactRevisionAtStart}`)
    }
    return out
  }

  // Ordered, Unique, Atomic, Bookmarkable (the "nothing older after a progress" half).
  let lastRevision = 0
  let lastBatchEnd = 0
  let progressRevision = 0
  const seen = new Set<string>()
  for (const response of watch.responses) {
    if (response.type === 'progress') progressRevision = Math.max(progressRevision, response.header.revision)
    if (response.type !== 'events') continue
    const first = response.events[0]?.kv.modRevision ?? 0
    if (first !== 0 && first === lastBatchEnd) fail('Atomic', `revision ${first} split across responses`)
    for (const event of response.events) {
      const rev = event.kv.modRevision
      if (rev < lastRevision) fail('Ordered', `revision ${rev} after ${lastRevision}`)
      lastRevision = rev
      const id = `${rev}\u0000${event.kv.key}`
      if (seen.has(id)) fail('Unique', `key ${JSON.stringify(event.kv.key)} at revision ${rev} twice`)
      seen.add(id)
      if (rev <= progressRevision) fail('Bookmarkable', `event at revision ${rev} after progress at ${progressRevision}`)
    }
    if (response.events.length > 0) lastBatchEnd = response.events[response.events.length - 1].kv.modRevision
  }

  // Reliable and Resumable, against the matching part of history.
  const interval = toInterval(request)
  const filters = request.filters ?? []
  const expected = history.filter(
    (e) =>
      e.kv.modRevision >= start &&
      intervalContains(interval, e.kv.key) &&
      !(e.type === 'put' && filters.includes('noPut')) &&
      !(e.type === 'delete' && filters.includes('noDelete')),
  )
  if (received.length > 0 && expected.length > 0 && !sameEvent(received[0], expected[0], request, watch)) {
    fail('Resumable', `first event ${describe(received[0])}, want ${describe(expected[0])}`)
  }
  const from = received.length === 0 ? 0 : expected.findIndex((e) => e.kv.modRevision === received[0].kv.modRevision && e.kv.key === received[0].kv.key)
  if (received.length > 0 && from < 0) fail('Reliable', `received ${describe(received[0])}, which the store never committed for this watch`)
  else {
    for (let i = 0; i < received.length; i++) {
      const want = expected[from + i]
      if (want === undefined || !sameEvent(received[i], want, request, watch)) {
        fail('Reliable', `event #${i + 1} is ${describe(received[i])}, want ${want === undefined ? 'nothing' : describe(want)}`)
        break
      }
    }
  }

  // Bookmarkable (the "everything up to it first" half).
  let delivered = 0
  for (const response of watch.responses) {
    if (response.type === 'events') delivered += response.events.length
    if (response.type !== 'progress') continue
    const owed = expected.filter((e) => e.kv.modRevision <= response.header.revision).length
    if (delivered < owed) fail('Bookmarkable', `progress at revision ${response.header.revision} after ${delivered} of ${owed} events up to it`)
  }
  return out
}

// Same change; prevKv must match when asked for and readable, be absent when not asked for.
function sameEvent(got: Event, want: Event, request: WatchRequest, watch: RecordedWatch): boolean {
  if (got.type !== want.type || !isDeepStrictEqual(got.kv, want.kv)) return false
  if (!request.prevKv) return got.prevKv === undefined
  const readable = want.kv.modRevision > watch.compactRevisionAtStart
  if (readable) return isDeepStrictEqual(got.prevKv, want.prevKv)
  return got.prevKv === undefined || isDeepStrictEqual(got.prevKv, want.prevKv)
}

function describe(e: Event): string {
  return `${e.type} ${JSON.stringify(e.kv.key)}@${e.kv.modRevision}`
}
