// etcd's server/storage/mvcc/kv_test.go and kvstore_test.go tables, ported as data, through the
// KeyValueStore interface (so through the request checks of the apply layer too).
import { describe, expect, test } from 'vitest'
import { NO_END } from './keys.ts'
import { kv, newStore, outcome, put3 } from './test-builders.ts'

describe('range over foo, foo1, foo2 (testKVRange)', () => {
  const cases: readonly { name: string; key: string; rangeEnd?: string; want: number[] }[] = [
    { name: 'a range before every key gets no keys', key: 'doo', rangeEnd: 'foo', want: [] },
    { name: 'a range whose end equals its start gets no keys', key: 'foo', rangeEnd: 'foo', want: [] },
    { name: 'a single missing key gets no keys', key: 'doo', want: [] },
    { name: 'a range covering every key gets all three', key: 'foo', rangeEnd: 'foo3', want: [0, 1, 2] },
    { name: 'a range ending at foo1 gets only foo', key: 'foo', rangeEnd: 'foo1', want: [0] },
    { name: 'a single key gets that key', key: 'foo', want: [0] },
    { name: "the whole keyspace ('\\0' to '\\0') gets all three", key: NO_END, rangeEnd: NO_END, want: [0, 1, 2] },
    { name: "a range end of '\\0' gets every key from the start on", key: 'foo1', rangeEnd: NO_END, want: [1, 2] },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const { store } = newStore()
      const kvs = await put3(store)
      const r = await store.range({ key: c.key, rangeEnd: c.rangeEnd })
      expect(r.header.revision).toBe(4)
      expect(r.kvs).toEqual(c.want.map((i) => kvs[i]))
    })
  }
})

describe('range at a revision (testKVRangeRev, testKVRangeBadRev)', () => {
  const cases: readonly { name: string; revision: number; want: number[] }[] = [
    { name: 'a negative revision reads now', revision: -1, want: [0, 1, 2] },
    { name: 'revision 0 reads now', revision: 0, want: [0, 1, 2] },
    { name: 'revision 2 sees only the first put', revision: 2, want: [0] },
    { name: 'revision 3 sees the first two puts', revision: 3, want: [0, 1] },
    { name: 'revision 4 sees all three', revision: 4, want: [0, 1, 2] },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const { store } = newStore()
      const kvs = await put3(store)
      const r = await store.range({ key: 'foo', rangeEnd: 'foo3', revision: c.revision })
      expect(r.header.revision).toBe(4)
      expect(r.kvs).toEqual(c.want.map((i) => kvs[i]))
    })
  }
  const bad: readonly { name: string; revision: number; want: string }[] = [
    { name: 'after compact(4), a negative revision still reads now', revision: -1, want: 'ok' },
    { name: 'after compact(4), revision 0 still reads now', revision: 0, want: 'ok' },
    { name: 'after compact(4), revision 1 is compacted', revision: 1, want: 'compacted' },
    { name: 'after compact(4), revision 2 is compacted', revision: 2, want: 'compacted' },
    { name: 'after compact(4), revision 4 (the compacted revision itself) reads fine', revision: 4, want: 'ok' },
    { name: 'revision 5 is in the future', revision: 5, want: 'future-revision' },
    { name: 'revision 100 is in the future', revision: 100, want: 'future-revision' },
  ]
  for (const c of bad) {
    test(c.name, async () => {
      const { store } = newStore()
      await put3(store)
      await store.compact(4)
      expect(await outcome(store.range({ key: 'foo', rangeEnd: 'foo3', revision: c.revision }))).toBe(c.want)
    })
  }
})

describe('range with a limit (testKVRangeLimit)', () => {
  const cases: readonly { name: string; limit: number; want: number; more: boolean }[] = [
    { name: 'a negative limit means no limit', limit: -1, want: 3, more: false },
    { name: 'limit 0 means no limit', limit: 0, want: 3, more: false },
    { name: 'limit 1 returns the first key and says there is more', limit: 1, want: 1, more: true },
    { name: 'limit 2 returns two keys and says there is more', limit: 2, want: 2, more: true },
    { name: 'limit 3 returns all three and says there is no more', limit: 3, want: 3, more: false },
    { name: 'limit 100 returns all three', limit: 100, want: 3, more: false },
  ]
  for (const c of cases) {
    test(`${c.name}; count is always the full 3`, async () => {
      const { store } = newStore()
      const kvs = await put3(store)
      const r = await store.range({ key: 'foo', rangeEnd: 'foo3', limit: c.limit })
      expect(r).toEqual({ header: { revision: 4 }, kvs: kvs.slice(0, c.want), more: c.more, count: 3 })
    })
  }
  test('countOnly returns the count and no kvs; keysOnly returns kvs without values', async () => {
    const { store } = newStore()
    await put3(store)
    expect(await store.range({ key: 'foo', rangeEnd: 'foo3', countOnly: true })).toMatchObject({ kvs: [], count: 3 })
    expect((await store.range({ key: 'foo', keysOnly: true })).kvs).toEqual([kv('foo', '', 2, 2, 1)])
  })
})

describe('put and delete (testKVPutMultipleTimes, testKVDeleteRange, testKVDeleteMultipleTimes, TestKVOperationInSequence)', () => {
  test('putting foo ten times keeps createRevision 2 and counts versions 1..10, with the lease of each put', async () => {
    const { store } = newStore()
    for (let i = 0; i < 10; i++) {
      const base = i + 1
      const lease = (await store.leaseGrant({ ttl: 60 })).id
      expect((await store.put({ key: 'foo', value: 'bar', lease })).header.revision).toBe(base + 1)
      expect((await store.range({ key: 'foo' })).kvs).toEqual([kv('foo', 'bar', 2, base + 1, base, lease)])
    }
  })
  const deletes: readonly { name: string; key: string; rangeEnd?: string; revision: number; deleted: number }[] = [
    { name: 'deleting the single key foo deletes one at revision 5', key: 'foo', revision: 5, deleted: 1 },
    { name: 'deleting [foo, foo1) deletes one', key: 'foo', rangeEnd: 'foo1', revision: 5, deleted: 1 },
    { name: 'deleting [foo, foo2) deletes two in one revision', key: 'foo', rangeEnd: 'foo2', revision: 5, deleted: 2 },
    { name: 'deleting [foo, foo3) deletes all three in one revision', key: 'foo', rangeEnd: 'foo3', revision: 5, deleted: 3 },
    { name: 'deleting the empty range [foo3, foo8) deletes nothing and stays at revision 4', key: 'foo3', rangeEnd: 'foo8', revision: 4, deleted: 0 },
    { name: 'deleting the missing key foo3 deletes nothing and stays at revision 4', key: 'foo3', revision: 4, deleted: 0 },
  ]
  for (const c of deletes) {
    test(c.name, async () => {
      const { store } = newStore()
      await put3(store)
      expect(await store.deleteRange({ key: c.key, rangeEnd: c.rangeEnd })).toMatchObject({ header: { revision: c.revision }, deleted: c.deleted })
    })
  }
  test('deleting foo again and again deletes it once, at revision 3, and then takes no revision', async () => {
    const { store } = newStore()
    await store.put({ key: 'foo', value: 'bar' })
    expect(await store.deleteRange({ key: 'foo' })).toMatchObject({ header: { revision: 3 }, deleted: 1 })
    for (let i = 0; i < 10; i++) expect(await store.deleteRange({ key: 'foo' })).toMatchObject({ header: { revision: 3 }, deleted: 0 })
  })
  test('put then delete on one key, ten times over, starts a new life at every put', async () => {
    const { store } = newStore()
    for (let i = 0; i < 10; i++) {
      const base = i * 2 + 1
      expect((await store.put({ key: 'foo', value: 'bar' })).header.revision).toBe(base + 1)
      expect(await store.range({ key: 'foo', revision: base + 1 })).toMatchObject({ header: { revision: base + 1 }, kvs: [kv('foo', 'bar', base + 1, base + 1, 1)] })
      expect(await store.deleteRange({ key: 'foo' })).toMatchObject({ header: { revision: base + 2 }, deleted: 1 })
      expect(await store.range({ key: 'foo', revision: base + 2 })).toMatchObject({ header: { revision: base + 2 }, kvs: [] })
    }
  })
  test('delete with prevKv returns the deleted kvs in key order', async () => {
    const { store } = newStore()
    const kvs = await put3(store)
    expect((await store.deleteRange({ key: 'foo', rangeEnd: NO_END, prevKv: true })).prevKvs).toEqual(kvs)
  })
})

describe('compaction (TestKVCompactReserveLastValue, TestKVCompactBad)', () => {
  test('each compaction keeps the value visible at the compacted revision', async () => {
    const { store } = newStore()
    const l1 = (await store.leaseGrant({ ttl: 60 })).id
    const l2 = (await store.leaseGrant({ ttl: 60 })).id
    const l3 = (await store.leaseGrant({ ttl: 60 })).id
    await store.put({ key: 'foo', value: 'bar0', lease: l1 })
    await store.put({ key: 'foo', value: 'bar1', lease: l2 })
    await store.deleteRange({ key: 'foo' })
    await store.put({ key: 'foo', value: 'bar2', lease: l3 })
    const cases = [
      { rev: 1, want: [kv('foo', 'bar0', 2, 2, 1, l1)] },
      { rev: 2, want: [kv('foo', 'bar1', 2, 3, 2, l2)] },
      { rev: 3, want: [] },
      { rev: 4, want: [kv('foo', 'bar2', 5, 5, 1, l3)] },
    ]
    for (const c of cases) {
      await store.compact(c.rev)
      expect((await store.range({ key: 'foo', revision: c.rev + 1 })).kvs, `after compact(${c.rev})`).toEqual(c.want)
    }
  })
  const bad: readonly { name: string; rev: number; want: string }[] = [
    { name: 'compacting below the compacted revision is compacted', rev: 2, want: 'compacted' },
    { name: 'compacting at the compacted revision is compacted', rev: 3, want: 'compacted' },
    { name: 'compacting between compacted and current works', rev: 4, want: 'ok' },
    { name: 'compacting at the current revision works', rev: 5, want: 'ok' },
    { name: 'compacting above the current revision is a future revision', rev: 6, want: 'future-revision' },
  ]
  for (const c of bad) {
    test(`after compact(3) at revision 5, ${c.name}`, async () => {
      const { store } = newStore()
      for (let i = 0; i < 4; i++) await store.put({ key: 'foo', value: `v${i}` })
      await store.compact(3)
      expect(await outcome(store.compact(c.rev))).toBe(c.want)
    })
  }
  test('compaction forgets keys deleted before it, and reads at it still see everything live then', async () => {
    const { store } = newStore()
    await store.put({ key: 'a', value: '1' })
    await store.put({ key: 'b', value: '1' })
    await store.deleteRange({ key: 'a' })
    await store.put({ key: 'c', value: '1' })
    await store.compact(4)
    expect((await store.range({ key: NO_END, rangeEnd: NO_END, revision: 4 })).kvs.map((x) => x.key)).toEqual(['b'])
    expect((await store.range({ key: NO_END, rangeEnd: NO_END })).kvs.map((x) => x.key)).toEqual(['b', 'c'])
  })
})
