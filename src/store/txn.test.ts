// Transactions: compare semantics (applyCompare in server/etcdserver/txn/txn.go), duplicate keys
// (checkIntervals in server/etcdserver/api/v3rpc/key.go; cases after etcd's
// TestV3TxnDuplicateKeys in tests/integration/v3_grpc_test.go), one revision per txn.
import { describe, expect, test } from 'vitest'
import type { Compare, RequestOp } from './requests.ts'
import { kv, newStore, outcome, put3 } from './test-builders.ts'

describe('compares (applyCompare)', () => {
  // foo = "bar" at revision 2 (version 1), then foo = "baz" at 3 (version 2); foo1 at 4; "missing" never exists.
  const setup = async () => {
    const { store } = newStore()
    await store.put({ key: 'foo', value: 'bar' })
    await store.put({ key: 'foo', value: 'baz' })
    await store.put({ key: 'foo1', value: 'bar1' })
    return store
  }
  const cases: readonly { name: string; compare: Compare; want: boolean }[] = [
    { name: 'value = the current value holds', compare: { key: 'foo', target: 'value', result: '=', operand: 'baz' }, want: true },
    { name: 'value = an old value fails', compare: { key: 'foo', target: 'value', result: '=', operand: 'bar' }, want: false },
    { name: 'value > a smaller string holds (byte order)', compare: { key: 'foo', target: 'value', result: '>', operand: 'bar' }, want: true },
    { name: 'value < a larger string holds', compare: { key: 'foo', target: 'value', result: '<', operand: 'bzz' }, want: true },
    { name: 'value != on a missing key fails: a missing key has no value', compare: { key: 'missing', target: 'value', result: '!=', operand: 'x' }, want: false },
    { name: 'value = "" on a missing key fails too', compare: { key: 'missing', target: 'value', result: '=', operand: '' }, want: false },
    { name: 'version = 2 holds after two puts', compare: { key: 'foo', target: 'version', result: '=', operand: 2 }, want: true },
    { name: 'version = 0 holds on a missing key (the create-if-absent idiom)', compare: { key: 'missing', target: 'version', result: '=', operand: 0 }, want: true },
    { name: 'create = 0 holds on a missing key', compare: { key: 'missing', target: 'create', result: '=', operand: 0 }, want: true },
    { name: 'mod = 0 holds on a missing key', compare: { key: 'missing', target: 'mod', result: '=', operand: 0 }, want: true },
    { name: 'lease = 0 holds on a missing key', compare: { key: 'missing', target: 'lease', result: '=', operand: 0 }, want: true },
    { name: 'create = 2 holds for foo', compare: { key: 'foo', target: 'create', result: '=', operand: 2 }, want: true },
    { name: 'mod = 3 holds for foo (the optimistic-concurrency idiom)', compare: { key: 'foo', target: 'mod', result: '=', operand: 3 }, want: true },
    { name: 'mod = 2 fails for foo: someone wrote after revision 2', compare: { key: 'foo', target: 'mod', result: '=', operand: 2 }, want: false },
    { name: 'mod < 5 holds for every key of a range', compare: { key: 'foo', rangeEnd: 'foo2', target: 'mod', result: '<', operand: 5 }, want: true },
    { name: 'mod > 3 fails when one key of the range is older', compare: { key: 'foo', rangeEnd: 'foo2', target: 'mod', result: '>', operand: 3 }, want: false },
    { name: 'version = 0 holds on an empty range (compared as a missing key)', compare: { key: 'x', rangeEnd: 'y', target: 'version', result: '=', operand: 0 }, want: true },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const store = await setup()
      const r = await store.txn({ compare: [c.compare], success: [{ type: 'range', key: 'foo' }], failure: [] })
      expect(r.succeeded).toBe(c.want)
      expect(r.responses.length).toBe(c.want ? 1 : 0)
      expect(r.header.revision).toBe(4)
    })
  }
  test('every compare must hold: one failing compare runs the failure branch', async () => {
    const store = await setup()
    const r = await store.txn({
      compare: [{ key: 'foo', target: 'version', result: '=', operand: 2 }, { key: 'foo1', target: 'version', result: '=', operand: 9 }],
      success: [{ type: 'put', key: 'ok', value: '1' }],
      failure: [{ type: 'put', key: 'failed', value: '1' }],
    })
    expect(r.succeeded).toBe(false)
    expect((await store.range({ key: 'failed' })).kvs).toHaveLength(1)
  })
})

describe('duplicate keys in one txn (checkIntervals)', () => {
  const putFoo: RequestOp = { type: 'put', key: 'foo', value: 'bar' }
  const delFoo: RequestOp = { type: 'deleteRange', key: 'foo' }
  const delInRange: RequestOp = { type: 'deleteRange', key: 'a', rangeEnd: 'z' }
  const delOutOfRange: RequestOp = { type: 'deleteRange', key: 'z', rangeEnd: 'zz' }
  const delFromKey: RequestOp = { type: 'deleteRange', key: 'a', rangeEnd: '\0' }
  const cases: readonly { name: string; success: RequestOp[]; want: string }[] = [
    { name: 'two puts of one key are a duplicate', success: [putFoo, putFoo], want: 'duplicate-key' },
    { name: 'a put and a delete of one key are a duplicate', success: [putFoo, delFoo], want: 'duplicate-key' },
    { name: 'a put inside a deleted range is a duplicate', success: [putFoo, delInRange], want: 'duplicate-key' },
    { name: "a put after the start of a '\\0'-ended delete is a duplicate (stricter than etcd)", success: [putFoo, delFromKey], want: 'duplicate-key' },
    { name: 'a put outside a deleted range is fine', success: [putFoo, delOutOfRange], want: 'ok' },
    { name: 'overlapping deletes are fine', success: [delFoo, delInRange, delFoo, delInRange], want: 'ok' },
    { name: 'a put in a nested txn and one outside are a duplicate', success: [{ type: 'txn', success: [putFoo] }, putFoo], want: 'duplicate-key' },
    { name: 'a put in a nested txn inside an outer deleted range is a duplicate', success: [{ type: 'txn', success: [putFoo] }, delInRange], want: 'duplicate-key' },
    { name: 'the same put in both branches of one nested txn is fine: only one runs', success: [{ type: 'txn', success: [putFoo], failure: [putFoo] }], want: 'ok' },
    { name: 'puts of one key in two nested txns are a duplicate', success: [{ type: 'txn', success: [putFoo] }, { type: 'txn', failure: [putFoo] }], want: 'duplicate-key' },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const { store } = newStore()
      expect(await outcome(store.txn({ success: c.success }))).toBe(c.want)
    })
  }
})

describe('txn execution (kvstore_txn.go, txn.go)', () => {
  test('writes in a txn share one revision, and its later reads see its earlier writes', async () => {
    const { store } = newStore()
    const r = await store.txn({
      success: [
        { type: 'put', key: 'a', value: '1' },
        { type: 'range', key: 'a' },
        { type: 'put', key: 'b', value: '2' },
      ],
    })
    expect(r.header.revision).toBe(2)
    expect(r.responses[1]).toMatchObject({ type: 'range', header: { revision: 2 }, kvs: [kv('a', '1', 2, 2, 1)] })
  })
  test('a txn whose only writes are no-op deletes takes no revision', async () => {
    const { store } = newStore()
    await store.put({ key: 'a', value: '1' })
    const r = await store.txn({ success: [{ type: 'deleteRange', key: 'x' }, { type: 'deleteRange', key: 'y', rangeEnd: 'z' }] })
    expect(r.header.revision).toBe(2)
  })
  test('nested txns decide their compares against the store before any write of the outer txn', async () => {
    const { store } = newStore()
    const r = await store.txn({
      success: [
        { type: 'put', key: 'a', value: '1' },
        { type: 'txn', compare: [{ key: 'a', target: 'version', result: '=', operand: 0 }], success: [{ type: 'put', key: 'b', value: 'saw-no-a' }], failure: [] },
      ],
    })
    expect(r.responses[1]).toMatchObject({ type: 'txn', succeeded: true })
    expect((await store.range({ key: 'b' })).kvs[0].value).toBe('saw-no-a')
  })
  test('a failing check anywhere in the chosen branches changes nothing', async () => {
    const { store } = newStore()
    await put3(store)
    const code = await outcome(store.txn({ success: [{ type: 'put', key: 'new', value: '1' }, { type: 'txn', success: [{ type: 'put', key: 'x', value: '', ignoreValue: true }] }] }))
    expect(code).toBe('key-not-found')
    expect(store.revision).toBe(4)
    expect((await store.range({ key: 'new' })).kvs).toEqual([])
  })
  test('a range at a compacted or future revision inside a txn fails the whole txn', async () => {
    const { store } = newStore()
    await put3(store)
    await store.compact(3)
    expect(await outcome(store.txn({ success: [{ type: 'put', key: 'n', value: '1' }, { type: 'range', key: 'foo', revision: 2 }] }))).toBe('compacted')
    expect(await outcome(store.txn({ success: [{ type: 'put', key: 'n', value: '1' }, { type: 'range', key: 'foo', revision: 5 }] }))).toBe('future-revision')
    expect(store.revision).toBe(4)
  })
  test('more ops than --max-txn-ops in one list is too-many-ops; an empty compare key is empty-key', async () => {
    const { store } = newStore()
    const ops: RequestOp[] = Array.from({ length: 129 }, (_, i) => ({ type: 'put', key: `k${i}`, value: '' }))
    expect(await outcome(store.txn({ success: ops }))).toBe('too-many-ops')
    expect(await outcome(store.txn({ success: ops.slice(0, 128) }))).toBe('ok')
    expect(await outcome(store.txn({ compare: [{ key: '', target: 'version', result: '=', operand: 0 }] }))).toBe('empty-key')
  })
})
