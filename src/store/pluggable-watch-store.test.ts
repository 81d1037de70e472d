// PluggableWatchStore's own contract, with a deliberately simple hub that records every call and
// sends every revision to every watch: what the hub is told and when, what it may read, and how
// listener and hub failures are handled. (Lesson 02's grader checks a real hub through this store
// against MemoryStore's watches.)
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { PluggableWatchStore, type PluggableWatchStoreOptions } from './pluggable-watch-store.ts'
import type { RevisionBatch, WatchHistory, WatchHub } from './watch-hub.ts'
import type { WatchListener, WatchResponse } from './watch-messages.ts'

/** Answers each watch with a progress at once, sends each revision, whole, to every watch, and records each call with what the history showed then. */
class BroadcastHub implements WatchHub {
  readonly calls: string[] = []
  readonly #listeners = new Map<number, WatchListener>()
  #nextId = 1
  #depth = 0

  constructor(readonly history: WatchHistory) {}

  watch(_request: unknown, listener: WatchListener): number {
    return this.#record(`watch at r${this.history.currentRevision}`, () => {
      const id = this.#nextId++
      this.#listeners.set(id, listener)
      // Stands in for a catch-up, which a real hub delivers inside watch().
      listener({ type: 'progress', watchId: id, header: { revision: this.history.currentRevision } })
      return id
    })
  }

  notify(batch: RevisionBatch): void {
    this.#record(`notify r${batch.revision} (history at r${this.history.currentRevision})`, () => {
      for (const [id, listener] of this.#listeners) listener({ type: 'events', watchId: id, header: { revision: batch.revision }, events: batch.events })
    })
  }

  requestProgress(watchId: number): void {
    this.#record(`progress ${watchId}`, () => this.#listeners.get(watchId)?.({ type: 'progress', watchId, header: { revision: this.history.currentRevision } }))
  }

  cancel(watchId: number): void {
    this.#record(`cancel ${watchId}`, () => this.#listeners.delete(watchId))
  }

  #record<T>(call: string, fn: () => T): T {
    this.calls.push(this.#depth > 0 ? `NESTED ${call}` : call)
    this.#depth++
    try {
      return fn()
    } finally {
      this.#depth--
    }
  }
}

function newStore(options: Partial<PluggableWatchStoreOptions> = {}) {
  let hub: BroadcastHub | undefined
  const clock = new VirtualClock()
  const store = new PluggableWatchStore({ clock, hub: (history) => (hub = new BroadcastHub(history)), ...options })
  return { store, hub: hub!, clock }
}

const revisions = (responses: readonly WatchResponse[]) => responses.map((r) => (r.type === 'events' ? `r${r.header.revision}` : r.type))

describe('what the hub is told', () => {
  test('each committed revision reaches notify once, in order, after the history already shows it', async () => {
    const { store, hub } = newStore()
    await store.put({ key: 'a', value: '1' })
    await store.deleteRange({ key: 'missing' })
    await store.txn({ success: [{ type: 'put', key: 'b', value: '1' }, { type: 'deleteRange', key: 'a' }] })
    expect(hub.calls).toEqual(['notify r2 (history at r2)', 'notify r3 (history at r3)'])
    expect(hub.history.since(1).map((b) => [b.revision, b.events.map((e) => `${e.type} ${e.kv.key}`)])).toEqual([
      [2, ['put a']],
      [3, ['put b', 'delete a']],
    ])
  })

  test('history events carry prevKv whenever the key existed before, whatever a watch asks for', async () => {
    const { store, hub } = newStore()
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'a', value: '2' })
    await store.deleteRange({ key: 'a' })
    expect(hub.history.since(1).map((b) => b.events[0].prevKv?.value)).toEqual([undefined, '1', '2'])
  })

  test('compaction moves compactRevision, and since() no longer returns what it removed', async () => {
    const { store, hub } = newStore()
    for (const value of ['1', '2', '3']) await store.put({ key: 'a', value })
    await store.compact(3)
    expect(hub.history.compactRevision).toBe(3)
    expect(hub.history.since(1).map((b) => b.revision)).toEqual([3, 4])
  })

  test('a lease expiry deletes its keys in one revision, which reaches the hub as one batch', async () => {
    const { store, hub, clock } = newStore()
    const lease = await store.leaseGrant({ ttl: 5 })
    await store.put({ key: 'a', value: '1', lease: lease.id })
    await store.put({ key: 'b', value: '1', lease: lease.id })
    clock.advance(6_000)
    await Promise.resolve()
    const last = hub.history.since(1).at(-1)!
    expect(last.events.map((e) => `${e.type} ${e.kv.key}`)).toEqual(['delete a', 'delete b'])
    expect(hub.calls.at(-1)).toBe(`notify r${last.revision} (history at r${last.revision})`)
  })
})

describe('what the hub may read', () => {
  test('the history is frozen: changing an event fails where it is made', async () => {
    const { store, hub } = newStore()
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'a', value: '2' })
    const [, batch] = hub.history.since(1)
    expect(() => {
      delete (batch.events[0] as { prevKv?: unknown }).prevKv
    }).toThrow(TypeError)
    expect(() => (batch.events as unknown[]).push(1)).toThrow(TypeError)
  })
})

describe('never re-entrant', () => {
  test('a listener that writes, watches and asks for progress is served after the hub call that reached it returns', async () => {
    const { store, hub } = newStore()
    let reacted = false
    await store.watch({ key: 'a' }, (r) => {
      if (reacted || r.type !== 'events') return
      reacted = true
      void store.put({ key: 'b', value: 'from listener' })
      void store.watch({ key: 'b' }, () => {}).then((w) => w.requestProgress())
    })
    await store.put({ key: 'a', value: '1' })
    for (let i = 0; i < 10; i++) await Promise.resolve()
    expect(hub.calls.filter((c) => c.startsWith('NESTED'))).toEqual([])
    expect(hub.calls).toEqual(['watch at r1', 'notify r2 (history at r2)', 'notify r3 (history at r3)', 'watch at r3', 'progress 2'])
  })

  test('a listener that writes during the catch-up delivered inside watch() is served after watch() returns', async () => {
    const { store, hub } = newStore()
    await store.watch({ key: 'a' }, (r) => {
      if (r.type === 'progress') void store.put({ key: 'a', value: 'from listener' })
    })
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(hub.calls).toEqual(['watch at r1', 'notify r2 (history at r2)'])
  })

  test('a cancel from inside a listener takes effect at once: nothing more reaches that listener', async () => {
    const { store } = newStore()
    const first: WatchResponse[] = []
    const second: WatchResponse[] = []
    const w = await store.watch({ key: 'a' }, (r) => {
      if (r.type !== 'events') return
      first.push(r)
      void w.cancel()
    })
    await store.watch({ key: 'a' }, (r) => r.type === 'events' && second.push(r))
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'a', value: '2' })
    expect(revisions(first)).toEqual(['r2'])
    expect(revisions(second)).toEqual(['r2', 'r3'])
  })
})

describe('failures', () => {
  test('a listener that throws has its watch canceled and its error reported', async () => {
    const errors: [unknown, number][] = []
    const { store, hub } = newStore({ onListenerError: (error, watchId) => errors.push([error, watchId]) })
    const w = await store.watch({ key: 'a' }, (r) => {
      if (r.type === 'events') throw new Error('boom')
    })
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'a', value: '2' })
    expect(errors.map(([e, id]) => [String(e), id])).toEqual([['Error: boom', w.watchId]])
    expect(hub.calls).toContain(`cancel ${w.watchId}`)
  })

  test('a hub that throws in notify is reported, and the write stands', async () => {
    const errors: unknown[] = []
    const { store, hub } = newStore({ onHubError: (error) => errors.push(error) })
    hub.notify = () => {
      throw new Error('hub broke')
    }
    const put = await store.put({ key: 'a', value: '1' })
    expect(put.header.revision).toBe(2)
    expect((await store.range({ key: 'a' })).kvs.map((kv) => kv.value)).toEqual(['1'])
    expect(errors.map(String)).toEqual(['Error: hub broke'])
  })

  test('after close, every watch is canceled at the hub and every call fails with closed', async () => {
    const { store, hub } = newStore()
    const w = await store.watch({ key: 'a' }, () => {})
    await store.close()
    expect(hub.calls).toContain(`cancel ${w.watchId}`)
    await expect(store.put({ key: 'a', value: '1' })).rejects.toMatchObject({ code: 'closed' })
    await expect(store.watch({ key: 'a' }, () => {})).rejects.toMatchObject({ code: 'closed' })
  })
})
