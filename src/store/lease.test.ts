// Leases, after etcd's server/lease/lessor_test.go (grant, revoke, renew, expiry, min TTL,
// TTL too large, lease exists) and LeaseTimeToLive / LeaseKeepAlive in
// server/etcdserver/api/v3rpc/lease.go. Time is a VirtualClock.
import { describe, expect, test } from 'vitest'
import { newStore, outcome, recordWatch } from './test-builders.ts'
import { NO_END } from './keys.ts'

describe('grant (TestLessorGrant)', () => {
  const cases: readonly { name: string; ttl: number; id?: number; want: number | string }[] = [
    { name: 'a TTL above the minimum is granted as asked', ttl: 60, want: 60 },
    { name: 'a TTL below the minimum (2 s) is raised to it', ttl: 1, want: 2 },
    { name: 'a TTL of 0 is raised to the minimum', ttl: 0, want: 2 },
    { name: 'a TTL above 9,000,000,000 s is refused', ttl: 9_000_000_001, want: 'lease-ttl-too-large' },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const { store } = newStore()
      const got = await store.leaseGrant({ ttl: c.ttl }).then((r) => r.ttl, (e: { code: string }) => e.code)
      expect(got).toBe(c.want)
    })
  }
  test('the store picks IDs 1, 2, 3..., skipping IDs a caller chose; a taken ID is lease-exists', async () => {
    const { store } = newStore()
    expect((await store.leaseGrant({ ttl: 10, id: 2 })).id).toBe(2)
    expect((await store.leaseGrant({ ttl: 10 })).id).toBe(1)
    expect((await store.leaseGrant({ ttl: 10 })).id).toBe(3)
    expect(await outcome(store.leaseGrant({ ttl: 10, id: 2 }))).toBe('lease-exists')
  })
  test('granting takes no revision', async () => {
    const { store } = newStore()
    expect((await store.leaseGrant({ ttl: 10 })).header.revision).toBe(1)
  })
})

describe('revoke and expiry (TestLessorRevoke, TestLessorExpire)', () => {
  test('revoking deletes every attached key in one revision, and the lease is gone', async () => {
    const { store } = newStore()
    const { id } = await store.leaseGrant({ ttl: 60 })
    await store.put({ key: 'b', value: '1', lease: id })
    await store.put({ key: 'a', value: '1', lease: id })
    await store.put({ key: 'c', value: '1' })
    const w = await recordWatch(store, { key: NO_END, rangeEnd: NO_END })
    await store.leaseRevoke(id)
    expect(store.revision).toBe(5)
    expect(w.responses).toHaveLength(1)
    expect(w.events().map((e) => `${e.type} ${e.kv.key}@${e.kv.modRevision}`)).toEqual(['delete a@5', 'delete b@5'])
    expect((await store.range({ key: NO_END, rangeEnd: NO_END })).kvs.map((k) => k.key)).toEqual(['c'])
    expect(await outcome(store.leaseRevoke(id))).toBe('lease-not-found')
    expect(await outcome(store.put({ key: 'x', value: '', lease: id }))).toBe('lease-not-found')
  })
  test('revoking a lease with no keys takes no revision', async () => {
    const { store } = newStore()
    const { id } = await store.leaseGrant({ ttl: 60 })
    await store.leaseRevoke(id)
    expect(store.revision).toBe(1)
  })
  test('a lease expires on the clock at its TTL, deleting its keys in one revision', async () => {
    const { store, clock } = newStore()
    const { id } = await store.leaseGrant({ ttl: 10 })
    await store.put({ key: 'a', value: '1', lease: id })
    await store.put({ key: 'b', value: '1', lease: id })
    clock.advance(9_999)
    expect((await store.range({ key: 'a' })).kvs).toHaveLength(1)
    clock.advance(1)
    expect((await store.range({ key: 'a', rangeEnd: 'c' })).kvs).toEqual([])
    expect(store.revision).toBe(4)
    expect((await store.leaseTimeToLive({ id })).ttl).toBe(-1)
  })
  test('a key put again without the lease leaves it, and survives the lease', async () => {
    const { store, clock } = newStore()
    const { id } = await store.leaseGrant({ ttl: 10 })
    await store.put({ key: 'a', value: '1', lease: id })
    await store.put({ key: 'a', value: '2' })
    expect((await store.leaseTimeToLive({ id, keys: true })).keys).toEqual([])
    clock.advance(10_000)
    expect((await store.range({ key: 'a' })).kvs[0].value).toBe('2')
  })
  test('a deleted key leaves its lease', async () => {
    const { store } = newStore()
    const { id } = await store.leaseGrant({ ttl: 10 })
    await store.put({ key: 'a', value: '1', lease: id })
    await store.deleteRange({ key: 'a' })
    expect((await store.leaseTimeToLive({ id, keys: true })).keys).toEqual([])
  })
})

describe('keepAlive and timeToLive (TestLessorRenew, LeaseTimeToLive)', () => {
  test('keepAlive restarts the full TTL', async () => {
    const { store, clock } = newStore()
    const { id } = await store.leaseGrant({ ttl: 10 })
    await store.put({ key: 'a', value: '1', lease: id })
    clock.advance(8_000)
    expect((await store.leaseKeepAlive(id)).ttl).toBe(10)
    clock.advance(8_000)
    expect((await store.range({ key: 'a' })).kvs).toHaveLength(1)
    clock.advance(2_000)
    expect((await store.range({ key: 'a' })).kvs).toHaveLength(0)
  })
  test('keepAlive on an unknown or expired lease is lease-not-found', async () => {
    const { store, clock } = newStore()
    expect(await outcome(store.leaseKeepAlive(42))).toBe('lease-not-found')
    const { id } = await store.leaseGrant({ ttl: 5 })
    clock.advance(5_000)
    expect(await outcome(store.leaseKeepAlive(id))).toBe('lease-not-found')
  })
  const ttls: readonly { name: string; elapsedMs: number; want: number }[] = [
    { name: 'the full TTL right after the grant', elapsedMs: 0, want: 10 },
    { name: 'rounded down: 9 s when 9.001 s remain', elapsedMs: 999, want: 9 },
    { name: 'rounded down: 0 s when half a second remains', elapsedMs: 9_500, want: 0 },
  ]
  for (const c of ttls) {
    test(`timeToLive reports ${c.name}, with the granted TTL`, async () => {
      const { store, clock } = newStore()
      const { id } = await store.leaseGrant({ ttl: 10 })
      clock.advance(c.elapsedMs)
      expect(await store.leaseTimeToLive({ id })).toMatchObject({ id, ttl: c.want, grantedTtl: 10 })
    })
  }
  test('timeToLive with keys lists the attached keys in key order; leases lists live leases soonest first', async () => {
    const { store } = newStore()
    const long = await store.leaseGrant({ ttl: 100 })
    const short = await store.leaseGrant({ ttl: 5 })
    await store.put({ key: 'z', value: '', lease: long.id })
    await store.put({ key: 'm', value: '', lease: long.id })
    expect((await store.leaseTimeToLive({ id: long.id, keys: true })).keys).toEqual(['m', 'z'])
    expect((await store.leaseLeases()).leases).toEqual([{ id: short.id }, { id: long.id }])
  })
  test('a closed store stops its lease timers and refuses requests', async () => {
    const { store, clock } = newStore()
    await store.leaseGrant({ ttl: 5 })
    await store.close()
    expect(clock.pending).toBe(0)
    expect(await outcome(store.range({ key: 'a' }))).toBe('closed')
  })
})
