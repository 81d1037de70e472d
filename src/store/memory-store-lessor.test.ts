// MemoryStore with a lessor from a factory (the path lesson 03's learner's lessor takes) behaves as
// MemoryStore with its default lessor: it runs the shared conformance suite, etcd's lessor
// scenarios (server/lease/lessor_test.go) as timelines with the rows a client sees, and random
// lease timelines that must read the same both ways, row for row.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { MemoryStore } from './memory-store.ts'
import { Lessor, MAX_LEASE_TTL_SECONDS } from './lessor.ts'
import { describeKeyValueStore } from './store-conformance.ts'
import { referenceWorld, runLeaseTimeline, type LeaseStep, type LeaseWorld } from './lease-timeline.ts'
import { describeRow } from './lease-timeline-text.ts'

describeKeyValueStore('MemoryStore (lessor from a factory)', () => new MemoryStore({ clock: new VirtualClock(), lessor: (options) => new Lessor(options) }), { numRuns: 60 })

function memoryWorld(minLeaseTtlSeconds: number): LeaseWorld {
  const clock = new VirtualClock()
  return { store: new MemoryStore({ clock, minLeaseTtlSeconds }), now: () => clock.now(), advance: (ms) => clock.advance(ms) }
}

const grant = (id: number, ttl: number): LeaseStep => ({ type: 'grant', id, ttl })
const put = (key: string, lease = 0): LeaseStep => ({ type: 'put', key, lease })
const wait = (ms: number): LeaseStep => ({ type: 'wait', ms })
const keepAlive = (id: number): LeaseStep => ({ type: 'keepAlive', id })
const timeToLive = (id: number, keys = false): LeaseStep => ({ type: 'timeToLive', id, keys })
const revoke = (id: number): LeaseStep => ({ type: 'revoke', id })
const leases: LeaseStep = { type: 'leases' }

interface TimelineCase {
  readonly name: string
  readonly minTtl?: number
  readonly steps: readonly LeaseStep[]
  /** describeRow with revisions, one per step: `answer · gone keys @rev ⇒ store keys @rev`. */
  readonly want: readonly string[]
}

const cases: readonly TimelineCase[] = [
  {
    name: 'a TTL under the minimum is raised to it, a taken ID is refused, leases list soonest first (TestLessorGrant)',
    minTtl: 5,
    steps: [grant(1, 1), grant(1, 1), grant(2, 1), leases],
    want: ['lease 1, ttl 5 ⇒ (no keys) @1', '✗ lease-exists ⇒ (no keys) @1', 'lease 2, ttl 5 ⇒ (no keys) @1', '1 2 ⇒ (no keys) @1'],
  },
  {
    name: 'revoking deletes every attached key in one revision, and the lease is gone (TestLessorRevoke)',
    steps: [grant(1, 100), put('foo', 1), put('bar', 1), revoke(1), timeToLive(1), keepAlive(1)],
    want: ['lease 1, ttl 100 ⇒ (no keys) @1', 'ok @2 ⇒ foo(1) @2', 'ok @3 ⇒ bar(1) foo(1) @3', 'ok · gone bar foo @4 ⇒ (no keys) @4', 'no such lease ⇒ (no keys) @4', '✗ lease-not-found ⇒ (no keys) @4'],
  },
  {
    name: 'a renewal answers the granted TTL and restarts it in full (TestLessorRenew)',
    steps: [grant(1, 10), wait(6_500), timeToLive(1), keepAlive(1), timeToLive(1)],
    want: ['lease 1, ttl 10 ⇒ (no keys) @1', '— ⇒ (no keys) @1', '3 of 10 s ⇒ (no keys) @1', 'ttl 10 ⇒ (no keys) @1', '10 of 10 s ⇒ (no keys) @1'],
  },
  {
    name: 'a key put again without the lease is detached from it, the others stay (TestLessorDetach)',
    steps: [grant(1, 100), put('foo', 1), put('bar', 1), put('foo'), timeToLive(1, true), revoke(1)],
    want: ['lease 1, ttl 100 ⇒ (no keys) @1', 'ok @2 ⇒ foo(1) @2', 'ok @3 ⇒ bar(1) foo(1) @3', 'ok @4 ⇒ bar(1) foo @4', '100 of 100 s, keys bar ⇒ bar(1) foo @4', 'ok · gone bar @5 ⇒ foo @5'],
  },
  {
    name: 'an expired lease cannot be renewed (TestLessorExpire)',
    minTtl: 1,
    steps: [grant(1, 1), put('k', 1), wait(1_000), keepAlive(1)],
    want: ['lease 1, ttl 1 ⇒ (no keys) @1', 'ok @2 ⇒ k(1) @2', 'gone k @3 ⇒ (no keys) @3', '✗ lease-not-found ⇒ (no keys) @3'],
  },
  {
    name: 'a TTL above the maximum is refused (TestLessorMaxTTL)',
    steps: [grant(1, MAX_LEASE_TTL_SECONDS + 1), grant(1, MAX_LEASE_TTL_SECONDS)],
    want: ['✗ lease-ttl-too-large ⇒ (no keys) @1', `lease 1, ttl ${MAX_LEASE_TTL_SECONDS} ⇒ (no keys) @1`],
  },
  {
    name: 'a lease expires at its deadline, not a millisecond before, its keys in one revision',
    steps: [grant(1, 3), put('a', 1), put('b', 1), wait(2_999), wait(1)],
    want: ['lease 1, ttl 3 ⇒ (no keys) @1', 'ok @2 ⇒ a(1) @2', 'ok @3 ⇒ a(1) b(1) @3', '— ⇒ a(1) b(1) @3', 'gone a b @4 ⇒ (no keys) @4'],
  },
  {
    name: 'leases expiring at the same moment take one revision each',
    steps: [grant(1, 2), grant(2, 2), put('a', 1), put('b', 2), wait(2_000)],
    want: ['lease 1, ttl 2 ⇒ (no keys) @1', 'lease 2, ttl 2 ⇒ (no keys) @1', 'ok @2 ⇒ a(1) @2', 'ok @3 ⇒ a(1) b(2) @3', 'gone a @4 · gone b @5 ⇒ (no keys) @5'],
  },
]

describe('lease timelines after etcd lessor_test.go', () => {
  for (const c of cases) {
    for (const [storeName, world] of [['default lessor', memoryWorld], ['lessor from a factory', referenceWorld]] as const) {
      test(`${c.name} — ${storeName}`, async () => {
        const rows = await runLeaseTimeline(world(c.minTtl ?? 2), c.steps)
        expect(rows.map((r) => describeRow(r, { revisions: true }))).toEqual(c.want)
      })
    }
  }
})

const stepArb: fc.Arbitrary<LeaseStep> = fc.oneof(
  fc.record({ type: fc.constant('grant' as const), id: fc.integer({ min: 0, max: 3 }), ttl: fc.integer({ min: 0, max: 6 }) }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('keepAlive' as const), id: fc.integer({ min: 1, max: 3 }) }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('revoke' as const), id: fc.integer({ min: 1, max: 3 }) }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('put' as const), key: fc.constantFrom('a', 'b', 'c'), lease: fc.integer({ min: 0, max: 3 }) }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c') }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('timeToLive' as const), id: fc.integer({ min: 1, max: 3 }), keys: fc.boolean() }, { noNullPrototype: true }),
  fc.constant({ type: 'leases' as const }),
  fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4_000 }) }, { noNullPrototype: true }),
  fc.record({ type: fc.constant('waitForDeadline' as const), id: fc.integer({ min: 1, max: 3 }), offsetMs: fc.integer({ min: -2, max: 2 }) }, { noNullPrototype: true }),
)

test('MemoryStore reads the same with its default lessor and with one from a factory on random lease timelines, row for row', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(stepArb, { maxLength: 30 }), async (minTtl, steps) => {
      const reference = await runLeaseTimeline(referenceWorld(minTtl), steps)
      const memory = await runLeaseTimeline(memoryWorld(minTtl), reference.map((r) => r.step))
      expect(memory.map((r) => describeRow(r, { revisions: true }))).toEqual(reference.map((r) => describeRow(r, { revisions: true })))
    }),
    { numRuns: 150 },
  )
})
