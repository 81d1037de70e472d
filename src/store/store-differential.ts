// Differential testing of two KeyValueStores: random operation sequences (puts, deletes, ranges at
// past revisions, guarded txns, compactions, watches from past revisions with prevKv and filters,
// lease grant / revoke / keep-alive / time-to-live / list, keys with leases) run on both, and every
// response, error code and watch event stream must agree. Used to hold the embedded MemoryStore to
// a real etcd server (etcd is the truth). Mirrors the idea of etcd's robustness tests
// (tests/robustness: random traffic, then compare what clients saw), not their code.
//
// Revisions must be comparable, so run each side through a RevisionOffsetStore that starts it at
// revision 1. Lease TTLs are long (nothing expires during a sequence); remaining TTLs are compared
// as "alive, within a few seconds of the granted TTL", since one side's clock is the wall's.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import type { Clock } from '../sim/clock.ts'
import { isStoreError } from './errors.ts'
import type { Event } from './key-value.ts'
import type { KeyValueStore } from './kv.ts'
import { NO_END, prefixEnd } from './keys.ts'
import type { Compare, KeyRange, RequestOp } from './requests.ts'
import type { Watch, WatchFilter, WatchResponse } from './watch-messages.ts'

const keyArb = fc.constantFrom('a', 'a/1', 'a/2', 'b', 'b/1', 'c')
const valueArb = fc.constantFrom('x', 'y', 'z')
const leaseArb = fc.constantFrom(0, 0, 0, 1, 2, 3, 7)
type RangeSpec = 'a' | 'b/1' | 'prefix:a' | 'prefix:a/' | 'prefix:b' | 'from:b' | 'a/1..b' | 'all'
const rangeArb = fc.constantFrom<RangeSpec>('a', 'b/1', 'prefix:a', 'prefix:a/', 'prefix:b', 'from:b', 'a/1..b', 'all')

type SubOp = { readonly t: 'put'; readonly key: string; readonly value: string; readonly lease: number } | { readonly t: 'delete'; readonly range: RangeSpec } | { readonly t: 'range'; readonly key: string }
type CompareSpec =
  | { readonly target: 'version'; readonly key: string; readonly result: Compare['result']; readonly operand: number }
  | { readonly target: 'mod' | 'create'; readonly key: string; readonly result: Compare['result']; readonly back: number }
  | { readonly target: 'value'; readonly key: string; readonly result: Compare['result']; readonly operand: string }
  | { readonly target: 'lease'; readonly key: string; readonly result: Compare['result']; readonly operand: number }

export type DiffOp =
  | { readonly op: 'put'; readonly key: string; readonly value: string; readonly lease: number; readonly prevKv: boolean; readonly ignore: 'none' | 'value' | 'lease' }
  | { readonly op: 'delete'; readonly range: RangeSpec; readonly prevKv: boolean }
  | { readonly op: 'range'; readonly range: RangeSpec; readonly back: number; readonly limit: number; readonly keysOnly: boolean; readonly countOnly: boolean }
  | { readonly op: 'txn'; readonly compare: readonly CompareSpec[]; readonly success: readonly SubOp[]; readonly failure: readonly SubOp[] }
  | { readonly op: 'compact'; readonly back: number }
  | { readonly op: 'watch'; readonly range: RangeSpec; readonly start: number | 'now' | 'future'; readonly prevKv: boolean; readonly filter: WatchFilter | 'none' }
  | { readonly op: 'cancel'; readonly watch: number }
  | { readonly op: 'grant'; readonly ttl: number; readonly id: number }
  | { readonly op: 'revoke'; readonly lease: number }
  | { readonly op: 'keepAlive'; readonly lease: number }
  | { readonly op: 'timeToLive'; readonly lease: number; readonly keys: boolean }
  | { readonly op: 'leases' }

const resultArb = fc.constantFrom<Compare['result']>('=', '!=', '<', '>')
const compareArb: fc.Arbitrary<CompareSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ target: fc.constant('version' as const), key: keyArb, result: resultArb, operand: fc.integer({ min: 0, max: 2 }) }, { noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.record({ target: fc.constantFrom('mod' as const, 'create' as const), key: keyArb, result: resultArb, back: fc.integer({ min: 0, max: 4 }) }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ target: fc.constant('value' as const), key: keyArb, result: resultArb, operand: valueArb }, { noNullPrototype: true }) },
  // Only = and != on leases: a store over etcd maps lease IDs, so their order is not etcd's (README: "The store on a real etcd").
  { weight: 1, arbitrary: fc.record({ target: fc.constant('lease' as const), key: keyArb, result: fc.constantFrom<Compare['result']>('=', '!='), operand: leaseArb }, { noNullPrototype: true }) },
)
const subOpArb: fc.Arbitrary<SubOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('put' as const), key: keyArb, value: valueArb, lease: leaseArb }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), range: rangeArb }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('range' as const), key: keyArb }, { noNullPrototype: true }) },
)

export const diffOpArb: fc.Arbitrary<DiffOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { op: fc.constant('put' as const), key: keyArb, value: valueArb, lease: leaseArb, prevKv: fc.boolean(), ignore: fc.constantFrom('none' as const, 'none' as const, 'none' as const, 'value' as const, 'lease' as const) },
      { noNullPrototype: true },
    ),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), range: rangeArb, prevKv: fc.boolean() }, { noNullPrototype: true }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { op: fc.constant('range' as const), range: rangeArb, back: fc.integer({ min: -1, max: 6 }), limit: fc.constantFrom(0, 0, 1, 2), keysOnly: fc.boolean(), countOnly: fc.boolean() },
      { noNullPrototype: true },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      { op: fc.constant('txn' as const), compare: fc.array(compareArb, { maxLength: 2 }), success: fc.array(subOpArb, { maxLength: 3 }), failure: fc.array(subOpArb, { maxLength: 2 }) },
      { noNullPrototype: true },
    ),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('compact' as const), back: fc.integer({ min: 0, max: 4 }) }, { noNullPrototype: true }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        op: fc.constant('watch' as const),
        range: rangeArb,
        start: fc.oneof(fc.constant('now' as const), fc.constant('future' as const), fc.integer({ min: 0, max: 8 })),
        prevKv: fc.boolean(),
        filter: fc.constantFrom('none' as const, 'none' as const, 'noPut' as const, 'noDelete' as const),
      },
      { noNullPrototype: true },
    ),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), watch: fc.nat(5) }, { noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('grant' as const), ttl: fc.constantFrom(60, 3600, 9_000_000_001), id: fc.constantFrom(0, 0, 0, 2, 7) }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('revoke' as const), lease: leaseArb }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('keepAlive' as const), lease: leaseArb }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('timeToLive' as const), lease: leaseArb, keys: fc.boolean() }, { noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('leases' as const) }, { noNullPrototype: true }) },
)

function toRange(spec: RangeSpec): KeyRange {
  if (spec === 'all') return { key: NO_END, rangeEnd: NO_END }
  if (spec === 'from:b') return { key: 'b', rangeEnd: NO_END }
  if (spec === 'a/1..b') return { key: 'a/1', rangeEnd: 'b' }
  if (spec.startsWith('prefix:')) {
    const prefix = spec.slice('prefix:'.length)
    return { key: prefix, rangeEnd: prefixEnd(prefix) }
  }
  return { key: spec }
}

/** One side of the comparison: the store, and how it settles in time (the embedded one is instant). */
export interface Side {
  readonly name: string
  readonly store: KeyValueStore
}

interface WatchRecord {
  readonly responses: WatchResponse[]
  readonly createdAtMs: number
  readonly past: boolean
  handle?: Watch
  canceled: boolean
}

/** What differed, as sentences, or undefined when both sides agreed on everything. */
export interface Divergence {
  readonly step: number
  readonly op: DiffOp | 'watch streams'
  readonly reference: unknown
  readonly other: unknown
}

export interface DifferentialOptions {
  /** Wall-clock timers, to wait for the network side's watches. */
  readonly clock: Clock
  /** How long to wait for a lagging watch to catch up. */
  readonly catchUpMs?: number
  /** etcd moves a watch started in the past to its synced set within ~100 ms; wait this long before a compaction. */
  readonly syncGraceMs?: number
}

/** Run `ops` on both sides; returns the first divergence. */
export async function runDifferential(reference: Side, other: Side, ops: readonly DiffOp[], options: DifferentialOptions): Promise<Divergence | undefined> {
  const { clock } = options
  const catchUpMs = options.catchUpMs ?? 3000
  const syncGraceMs = options.syncGraceMs ?? 300
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimer(ms, resolve))
  const watches: [WatchRecord, WatchRecord][] = []
  let revision = 1 // the reference's current revision, from its headers

  const events = (w: WatchRecord) => w.responses.flatMap((r) => (r.type === 'events' ? r.events : []))
  const settled = (pair: [WatchRecord, WatchRecord]) => events(pair[1]).length >= events(pair[0]).length && pair[1].canceled === pair[0].canceled
  const catchUp = async (pairs: readonly [WatchRecord, WatchRecord][]) => {
    const deadline = clock.now() + catchUpMs
    while (clock.now() < deadline && !pairs.every(settled)) await sleep(5)
  }

  for (const [step, op] of ops.entries()) {
    if (op.op === 'compact') {
      // A compaction cancels an etcd watch still replaying (unsynced); let replays finish first.
      await catchUp(watches)
      const young = watches.filter(([, w]) => w.past && !w.canceled).map(([, w]) => w.createdAtMs + syncGraceMs - clock.now())
      const wait = Math.max(0, ...young)
      if (wait > 0) await sleep(wait)
    }
    if (op.op === 'cancel') {
      const pair = watches[op.watch]
      if (pair !== undefined) await catchUp([pair])
    }
    const results: unknown[] = []
    for (const [i, side] of [reference, other].entries()) {
      results.push(await outcome(() => apply(side.store, op, revision, watches, i, clock)))
    }
    if (!isDeepStrictEqual(results[0], results[1])) return { step, op, reference: results[0], other: results[1] }
    revision = Math.max(revision, headerRevision(results[0]))
  }

  await catchUp(watches)
  await sleep(50) // anything extra the other side would send
  for (const [i, [a, b]] of watches.entries()) {
    const left = streamOf(a)
    const right = streamOf(b)
    if (!isDeepStrictEqual(left, right)) return { step: ops.length, op: 'watch streams', reference: { watch: i, ...left }, other: { watch: i, ...right } }
  }
  return undefined
}

function streamOf(w: WatchRecord): { events: Event[]; canceled?: unknown; splitRevisions: number[] } {
  const events: Event[] = []
  const split: number[] = []
  let lastEnd = 0
  let canceled: unknown
  for (const r of w.responses) {
    if (r.type === 'events') {
      if (r.events[0].kv.modRevision === lastEnd) split.push(lastEnd)
      lastEnd = r.events[r.events.length - 1].kv.modRevision
      events.push(...r.events)
    }
    if (r.type === 'canceled') canceled = { compactRevision: r.compactRevision, header: r.header }
  }
  return canceled === undefined ? { events, splitRevisions: split } : { events, canceled, splitRevisions: split }
}

function headerRevision(result: unknown): number {
  const r = result as { header?: { revision?: number } } | undefined
  return r?.header?.revision ?? 0
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run()
  } catch (error) {
    return isStoreError(error) ? { error: error.code } : { unexpected: String(error) }
  }
}

async function apply(store: KeyValueStore, op: DiffOp, revision: number, watches: [WatchRecord, WatchRecord][], side: number, clock: Clock): Promise<unknown> {
  const sub = (s: SubOp): RequestOp =>
    s.t === 'put' ? { type: 'put', key: s.key, value: s.value, lease: s.lease } : s.t === 'delete' ? { type: 'deleteRange', ...toRange(s.range) } : { type: 'range', key: s.key }
  const compare = (c: CompareSpec): Compare => {
    switch (c.target) {
      case 'mod':
      case 'create':
        return { key: c.key, target: c.target, result: c.result, operand: Math.max(1, revision - c.back) }
      case 'value':
        return { key: c.key, target: 'value', result: c.result, operand: c.operand }
      case 'version':
      case 'lease':
        return { key: c.key, target: c.target, result: c.result, operand: c.operand }
    }
  }
  switch (op.op) {
    case 'put': {
      const ignore = op.ignore === 'value' ? { ignoreValue: true, value: '' } : op.ignore === 'lease' ? { ignoreLease: true, lease: 0 } : {}
      return store.put({ key: op.key, value: op.value, lease: op.lease, prevKv: op.prevKv, ...ignore })
    }
    case 'delete':
      return store.deleteRange({ ...toRange(op.range), prevKv: op.prevKv })
    case 'range':
      return store.range({ ...toRange(op.range), revision: Math.max(1, revision - op.back), limit: op.limit, keysOnly: op.keysOnly, countOnly: op.countOnly })
    case 'txn':
      return store.txn({ compare: op.compare.map(compare), success: op.success.map(sub), failure: op.failure.map(sub) })
    case 'compact': {
      const target = revision - op.back
      return target < 1 ? 'skipped' : store.compact(target)
    }
    case 'watch': {
      const startRevision = op.start === 'now' ? 0 : op.start === 'future' ? revision + 2 : Math.max(1, revision - op.start)
      const record: WatchRecord = { responses: [], createdAtMs: clock.now(), past: startRevision > 0 && startRevision <= revision, canceled: false }
      if (side === 0) watches.push([record, record])
      else watches[watches.length - 1][1] = record
      record.handle = await store.watch({ ...toRange(op.range), startRevision, prevKv: op.prevKv, filters: op.filter === 'none' ? [] : [op.filter] }, (response) => {
        record.responses.push(response)
        if (response.type === 'canceled') record.canceled = true
      })
      return 'watching'
    }
    case 'cancel': {
      const record = watches[op.watch]?.[side]
      if (record === undefined || record.canceled) return 'nothing to cancel'
      record.canceled = true
      await record.handle!.cancel()
      return 'canceled'
    }
    case 'grant':
      return store.leaseGrant({ ttl: op.ttl, id: op.id })
    case 'revoke':
      return store.leaseRevoke(op.lease)
    case 'keepAlive':
      return store.leaseKeepAlive(op.lease)
    case 'timeToLive': {
      const r = await store.leaseTimeToLive({ id: op.lease, keys: op.keys })
      // The wall clock moves on one side only: alive means within a few seconds of the granted TTL.
      const alive = r.ttl >= 0 && r.ttl <= r.grantedTtl && r.ttl >= r.grantedTtl - 5
      return { ...r, ttl: r.ttl === -1 ? -1 : alive ? 'alive' : r.ttl }
    }
    case 'leases': {
      const r = await store.leaseLeases()
      return { ...r, leases: r.leases.map((l) => l.id).sort((x, y) => x - y) }
    }
  }
}
