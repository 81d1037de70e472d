// MvccCoreStore runs a synchronous core behind KeyValueStore: over the reference core it passes the
// whole conformance suite (watch guarantees included), and its leases and ignore flags behave as
// MemoryStore's.
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { ReferenceMvccCore } from './mvcc-core.ts'
import { MvccCoreStore } from './mvcc-core-store.ts'
import { describeKeyValueStore } from './store-conformance.ts'
import { kv, outcome } from './test-builders.ts'
import type { WatchResponse } from './watch-messages.ts'

const newCoreStore = (clock = new VirtualClock()) => new MvccCoreStore({ clock, core: new ReferenceMvccCore() })

describeKeyValueStore('MvccCoreStore over ReferenceMvccCore', () => newCoreStore())

describe('MvccCoreStore around a core', () => {
  test('a key attached to a lease is deleted when the lease expires, and a watch sees the delete', async () => {
    const clock = new VirtualClock()
    const store = newCoreStore(clock)
    const { id } = await store.leaseGrant({ ttl: 5 })
    await store.put({ key: 'a', value: '1', lease: id })
    const seen: WatchResponse[] = []
    await store.watch({ key: 'a', prevKv: true }, (r) => seen.push(r))
    clock.advance(5000)
    expect((await store.range({ key: 'a' })).kvs).toEqual([])
    expect(seen).toMatchObject([{ type: 'events', header: { revision: 3 }, events: [{ type: 'delete', kv: { key: 'a', modRevision: 3 }, prevKv: kv('a', '1', 2, 2, 1, id) }] }])
  })

  test('a put with an unknown lease fails and changes nothing', async () => {
    const store = newCoreStore()
    expect(await outcome(store.put({ key: 'a', value: '1', lease: 42 }))).toBe('lease-not-found')
    expect((await store.range({ key: 'a' })).header.revision).toBe(1)
  })

  test('ignoreValue keeps the value and moves the key to a new revision; on a missing key it fails', async () => {
    const store = newCoreStore()
    expect(await outcome(store.put({ key: 'a', value: '', ignoreValue: true }))).toBe('key-not-found')
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'a', value: '', ignoreValue: true })
    expect((await store.range({ key: 'a' })).kvs).toEqual([kv('a', '1', 2, 3, 2)])
  })

  test('prevKv is returned only when asked for, although the core is always asked', async () => {
    const store = newCoreStore()
    await store.put({ key: 'a', value: '1' })
    expect(await store.put({ key: 'a', value: '2' })).toEqual({ header: { revision: 3 } })
    expect(await store.deleteRange({ key: 'a' })).toEqual({ header: { revision: 4 }, deleted: 1, prevKvs: [] })
  })

  test('a revoked lease takes its keys in one revision, in key order', async () => {
    const store = newCoreStore()
    const { id } = await store.leaseGrant({ ttl: 60 })
    await store.txn({ success: [{ type: 'put', key: 'b', value: '1', lease: id }, { type: 'put', key: 'a', value: '1', lease: id }] })
    const seen: WatchResponse[] = []
    await store.watch({ key: '\0', rangeEnd: '\0' }, (r) => seen.push(r))
    await store.leaseRevoke(id)
    expect(seen.map((r) => (r.type === 'events' ? [r.header.revision, r.events.map((e) => `${e.type} ${e.kv.key}`)] : r.type))).toEqual([[3, ['delete a', 'delete b']]])
  })
})
