// Put options, after put() in etcd's server/etcdserver/txn/txn.go and checkPutRequest in
// server/etcdserver/api/v3rpc/key.go: ignoreValue, ignoreLease, prevKv, and their errors.
import { describe, expect, test } from 'vitest'
import { kv, newStore, outcome } from './test-builders.ts'

describe('put options (server/etcdserver/txn/txn.go put, v3rpc checkPutRequest)', () => {
  const cases: readonly { name: string; setup: boolean; request: Parameters<ReturnType<typeof newStore>['store']['put']>[0]; want: string }[] = [
    { name: 'ignoreValue on a missing key is key-not-found', setup: false, request: { key: 'foo', value: '', ignoreValue: true }, want: 'key-not-found' },
    { name: 'ignoreLease on a missing key is key-not-found', setup: false, request: { key: 'foo', value: 'x', ignoreLease: true }, want: 'key-not-found' },
    { name: 'ignoreValue with a value is value-provided', setup: true, request: { key: 'foo', value: 'x', ignoreValue: true }, want: 'value-provided' },
    { name: 'ignoreLease with a lease is lease-provided', setup: true, request: { key: 'foo', value: 'x', ignoreLease: true, lease: 1 }, want: 'lease-provided' },
    { name: 'an empty key is empty-key', setup: false, request: { key: '', value: 'x' }, want: 'empty-key' },
    { name: 'an unknown lease is lease-not-found', setup: false, request: { key: 'foo', value: 'x', lease: 99 }, want: 'lease-not-found' },
  ]
  for (const c of cases) {
    test(`${c.name}, and takes no revision`, async () => {
      const { store } = newStore()
      if (c.setup) await store.put({ key: 'foo', value: 'bar' })
      const before = store.revision
      expect(await outcome(store.put(c.request))).toBe(c.want)
      expect(store.revision).toBe(before)
    })
  }
  test('ignoreValue keeps the value and ignoreLease keeps the lease, while the version moves on', async () => {
    const { store } = newStore()
    const lease = (await store.leaseGrant({ ttl: 60 })).id
    await store.put({ key: 'foo', value: 'bar', lease })
    await store.put({ key: 'foo', value: '', ignoreValue: true, lease })
    await store.put({ key: 'foo', value: 'baz', ignoreLease: true })
    expect((await store.range({ key: 'foo' })).kvs).toEqual([kv('foo', 'baz', 2, 4, 3, lease)])
  })
  test('prevKv returns the replaced kv, and nothing for a new key', async () => {
    const { store } = newStore()
    expect((await store.put({ key: 'foo', value: 'a', prevKv: true })).prevKv).toBeUndefined()
    expect((await store.put({ key: 'foo', value: 'b', prevKv: true })).prevKv).toEqual(kv('foo', 'a', 2, 2, 1))
  })
})
