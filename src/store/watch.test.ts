// Watches, after etcd's server/storage/mvcc/watchable_store_test.go and watcher_test.go (watch from
// history, future and compacted start revisions, filters, prevKv, progress, cancel) and the
// delivery rules of this store (one queue, no re-entrancy).
import { describe, expect, test } from 'vitest'
import { NO_END, prefixEnd } from './keys.ts'
import { kv, newStore, put3, recordWatch } from './test-builders.ts'
import type { WatchResponse } from './watch-messages.ts'

describe('starting a watch', () => {
  test('a watch from revision 0 sees only changes after it starts', async () => {
    const { store } = newStore()
    await put3(store)
    const w = await recordWatch(store, { key: 'foo' })
    expect(w.responses).toEqual([])
    await store.put({ key: 'foo', value: 'new' })
    expect(w.responses).toEqual([{ type: 'events', watchId: w.watch.watchId, header: { revision: 5 }, events: [{ type: 'put', kv: kv('foo', 'new', 2, 5, 2) }] }])
  })
  test('a watch from a past revision replays history from it, then goes live (TestSyncWatchers)', async () => {
    const { store } = newStore()
    const kvs = await put3(store)
    const w = await recordWatch(store, { key: 'foo', rangeEnd: prefixEnd('foo'), startRevision: 3 })
    expect(w.events()).toEqual([{ type: 'put', kv: kvs[1] }, { type: 'put', kv: kvs[2] }])
    await store.deleteRange({ key: 'foo1' })
    expect(w.events()[2]).toEqual({ type: 'delete', kv: { key: 'foo1', value: '', createRevision: 0, modRevision: 5, version: 0, lease: 0 } })
  })
  test('a watch from a future revision waits for it (TestWatchFutureRev)', async () => {
    const { store } = newStore()
    const w = await recordWatch(store, { key: 'foo', startRevision: 4 })
    await store.put({ key: 'foo', value: 'v2' })
    await store.put({ key: 'foo', value: 'v3' })
    expect(w.events()).toEqual([])
    await store.put({ key: 'foo', value: 'v4' })
    expect(w.events().map((e) => e.kv.modRevision)).toEqual([4])
  })
  test('a watch from a compacted revision is canceled with the compacted revision and no events (TestWatchCompacted)', async () => {
    const { store } = newStore()
    for (let i = 0; i < 10; i++) await store.put({ key: 'foo', value: `v${i}` })
    await store.compact(5)
    const w = await recordWatch(store, { key: 'foo', startRevision: 3 })
    expect(w.responses).toEqual([expect.objectContaining({ type: 'canceled', compactRevision: 5 })])
    await store.put({ key: 'foo', value: 'later' })
    expect(w.responses).toHaveLength(1)
  })
  test('a watch from exactly the compacted revision still sees the events of that revision, a delete included', async () => {
    const { store } = newStore()
    await store.put({ key: 'a', value: '1' })
    await store.deleteRange({ key: 'a' })
    await store.compact(3)
    const w = await recordWatch(store, { key: 'a', startRevision: 3, prevKv: true })
    expect(w.events()).toEqual([{ type: 'delete', kv: { key: 'a', value: '', createRevision: 0, modRevision: 3, version: 0, lease: 0 } }])
  })
})

describe('what a watch receives', () => {
  test('the events of one txn arrive together, in one response, in the order the txn made them', async () => {
    const { store } = newStore()
    await store.put({ key: 'b', value: '0' })
    const w = await recordWatch(store, { key: NO_END, rangeEnd: NO_END })
    await store.txn({ success: [{ type: 'put', key: 'c', value: '1' }, { type: 'deleteRange', key: 'b' }, { type: 'put', key: 'a', value: '1' }] })
    expect(w.responses).toHaveLength(1)
    expect(w.events().map((e) => `${e.type} ${e.kv.key}`)).toEqual(['put c', 'delete b', 'put a'])
  })
  test('prevKv attaches the previous kv of puts and deletes, and none to a create', async () => {
    const { store } = newStore()
    const w = await recordWatch(store, { key: 'k', prevKv: true })
    await store.put({ key: 'k', value: '1' })
    await store.put({ key: 'k', value: '2' })
    await store.deleteRange({ key: 'k' })
    expect(w.events().map((e) => e.prevKv?.value)).toEqual([undefined, '1', '2'])
  })
  test('replayed events at the compacted revision have no prevKv (it would be read below the compaction)', async () => {
    const { store } = newStore()
    await store.put({ key: 'k', value: '1' })
    await store.put({ key: 'k', value: '2' })
    await store.put({ key: 'k', value: '3' })
    await store.compact(3)
    const w = await recordWatch(store, { key: 'k', startRevision: 3, prevKv: true })
    expect(w.events().map((e) => [e.kv.modRevision, e.prevKv?.value])).toEqual([[3, undefined], [4, '2']])
  })
  const filters = [
    { name: 'noPut drops puts and keeps deletes', filters: ['noPut'] as const, want: ['delete'] },
    { name: 'noDelete drops deletes and keeps puts', filters: ['noDelete'] as const, want: ['put', 'put'] },
    { name: 'no filter keeps both', filters: [] as const, want: ['put', 'put', 'delete'] },
  ]
  for (const c of filters) {
    test(`filter ${c.name} (TestWatcherWatchWithFilter)`, async () => {
      const { store } = newStore()
      const w = await recordWatch(store, { key: 'k', filters: c.filters })
      await store.put({ key: 'k', value: '1' })
      await store.put({ key: 'k', value: '2' })
      await store.deleteRange({ key: 'k' })
      expect(w.events().map((e) => e.type)).toEqual(c.want)
    })
  }
  test('a single-key watch ignores other keys; a prefix watch sees every key under the prefix only', async () => {
    const { store } = newStore()
    const one = await recordWatch(store, { key: 'foo' })
    const prefix = await recordWatch(store, { key: 'foo', rangeEnd: prefixEnd('foo') })
    for (const key of ['foo', 'foo1', 'fop', 'fo']) await store.put({ key, value: 'v' })
    expect(one.events().map((e) => e.kv.key)).toEqual(['foo'])
    expect(prefix.events().map((e) => e.kv.key)).toEqual(['foo', 'foo1'])
  })
})

describe('progress and cancel', () => {
  test('requestProgress answers with no events and the current revision (TestWatcherRequestProgress)', async () => {
    const { store } = newStore()
    await put3(store)
    const w = await recordWatch(store, { key: 'zzz' })
    await w.watch.requestProgress()
    expect(w.responses).toEqual([{ type: 'progress', watchId: w.watch.watchId, header: { revision: 4 } }])
  })
  test('a canceled watch receives nothing more (TestNewWatcherCancel)', async () => {
    const { store } = newStore()
    const w = await recordWatch(store, { key: 'k' })
    await store.put({ key: 'k', value: '1' })
    await w.watch.cancel()
    await store.put({ key: 'k', value: '2' })
    await w.watch.requestProgress()
    expect(w.events()).toHaveLength(1)
  })
})

describe('delivery when listeners write (one queue, drained after each commit)', () => {
  test('a listener that writes does not recurse, and every watcher still sees revisions in order', async () => {
    const { store } = newStore()
    const seen: number[] = []
    const other: number[] = []
    await store.watch({ key: 'n' }, (r) => {
      if (r.type !== 'events') return
      const rev = r.events[0].kv.modRevision
      seen.push(rev)
      if (rev < 50) void store.put({ key: 'n', value: String(rev) }) // ping-pong with itself
    })
    await store.watch({ key: 'n' }, (r) => r.type === 'events' && other.push(r.events[0].kv.modRevision))
    await store.put({ key: 'n', value: 'start' })
    expect(seen).toEqual(Array.from({ length: 49 }, (_, i) => i + 2))
    expect(other).toEqual(seen)
  })
  test('a watch started from inside a listener gets its history before later events', async () => {
    const { store } = newStore()
    const late: WatchResponse[] = []
    let started = false
    await store.watch({ key: 'k' }, (r) => {
      if (started || r.type !== 'events') return
      started = true
      void store.put({ key: 'k', value: 'from-listener' })
      void store.watch({ key: 'k', startRevision: 2 }, (x) => late.push(x))
    })
    await store.put({ key: 'k', value: 'first' })
    expect(late.flatMap((r) => (r.type === 'events' ? r.events.map((e) => e.kv.value) : []))).toEqual(['first', 'from-listener'])
  })
  test('a listener that throws has its watch canceled and the error reported; the store carries on', async () => {
    const errors: unknown[] = []
    const { VirtualClock } = await import('../sim/virtual-clock.ts')
    const { MemoryStore } = await import('./memory-store.ts')
    const store = new MemoryStore({ clock: new VirtualClock(), onListenerError: (e) => errors.push(e) })
    let calls = 0
    await store.watch({ key: 'k' }, () => {
      calls++
      throw new Error('boom')
    })
    await store.put({ key: 'k', value: '1' })
    await store.put({ key: 'k', value: '2' })
    expect(calls).toBe(1)
    expect(errors).toHaveLength(1)
    expect(store.revision).toBe(3)
  })
})
