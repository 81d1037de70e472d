// Lease timelines: a script of lease and key operations, with waits on a virtual clock, run on any
// KeyValueStore, recording after every step what a client could see: the answer (or error code),
// the keys that vanished and at which revision (seen through a watch), and the store's keys and
// revision. Two runs of the same script are compared row by row: the store's tests compare
// MemoryStore with its default lessor and with one from a factory, lesson 03's grader compares the
// learner's lessor with the reference. The scenarios follow etcd's server/lease/lessor_test.go (grant, renew, revoke,
// detach, expire) and its v3 lease API (api/etcdserverpb/rpc.proto, Lease service). The rows as
// text are in lease-timeline-text.ts.
import { VirtualClock } from '../sim/virtual-clock.ts'
import type { KeyValueStore } from './kv.ts'
import { isStoreError } from './errors.ts'
import { compareKeys, NO_END } from './keys.ts'
import type { Event } from './key-value.ts'
import { Lessor } from './lessor.ts'
import { MemoryStore } from './memory-store.ts'

export type LeaseStep =
  | { readonly type: 'grant'; readonly id: number; readonly ttl: number }
  | { readonly type: 'keepAlive'; readonly id: number }
  | { readonly type: 'revoke'; readonly id: number }
  /** Put `key`, attached to `lease` (0: no lease). */
  | { readonly type: 'put'; readonly key: string; readonly lease: number }
  | { readonly type: 'delete'; readonly key: string }
  | { readonly type: 'timeToLive'; readonly id: number; readonly keys: boolean }
  | { readonly type: 'leases' }
  | { readonly type: 'wait'; readonly ms: number }
  /** Wait until lease `id`'s deadline plus `offsetMs`; run as a plain `wait` (see runLeaseTimeline). */
  | { readonly type: 'waitForDeadline'; readonly id: number; readonly offsetMs: number }

export type StepOutcome =
  | { readonly type: 'error'; readonly code: string }
  | { readonly type: 'granted'; readonly id: number; readonly ttl: number }
  | { readonly type: 'keptAlive'; readonly ttl: number }
  | { readonly type: 'revoked' }
  | { readonly type: 'put'; readonly revision: number }
  | { readonly type: 'deleted'; readonly deleted: number; readonly revision: number }
  | { readonly type: 'timeToLive'; readonly ttl: number; readonly grantedTtl: number; readonly keys: readonly string[] }
  | { readonly type: 'leases'; readonly ids: readonly number[] }
  | { readonly type: 'waited' }

/** Keys deleted together, in one revision. */
export interface Vanished {
  readonly revision: number
  readonly keys: readonly string[]
}

export interface TimelineRow {
  /** The step as it ran: a waitForDeadline becomes the wait it resolved to. */
  readonly step: LeaseStep
  /** Clock time after the step. */
  readonly atMs: number
  readonly outcome: StepOutcome
  /** Keys deleted during the step, one entry per revision, in revision order. */
  readonly vanished: readonly Vanished[]
  /** The store after the step: every key with its lease (0: none), in key order. */
  readonly keys: readonly { readonly key: string; readonly lease: number }[]
  readonly revision: number
  /** Deadline of every live lease just before the step, when the world can tell. */
  readonly deadlinesBefore: ReadonlyMap<number, number>
}

export interface LeaseWorld {
  readonly store: KeyValueStore
  now(): number
  advance(ms: number): void
  /** Deadline (clock ms) of every live lease, when known; resolves waitForDeadline steps. */
  deadlines?(): ReadonlyMap<number, number>
}

/** The reference: a MemoryStore on a fresh VirtualClock, with a reference lessor that tells its deadlines. */
export function referenceWorld(minLeaseTtlSeconds: number): LeaseWorld {
  const clock = new VirtualClock()
  let lessor: Lessor | undefined
  const store = new MemoryStore({ clock, minLeaseTtlSeconds, lessor: (options) => (lessor = new Lessor(options)) })
  return {
    store,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    deadlines: () => new Map(lessor!.leases().map((l) => [l.id, l.expiryMs])),
  }
}

/** How long a waitForDeadline waits when the lease is not live (or deadlines are unknown). */
export const WAIT_WITHOUT_DEADLINE_MS = 1000

/** Run `steps` on `world`, one row per step. StoreErrors become outcomes; anything else is thrown. */
export async function runLeaseTimeline(world: LeaseWorld, steps: readonly LeaseStep[]): Promise<TimelineRow[]> {
  const { store } = world
  const events: Event[] = []
  const watch = await store.watch({ key: NO_END, rangeEnd: NO_END }, (r) => {
    if (r.type === 'events') events.push(...r.events)
  })
  // The store's keys and revision, kept from the watch (which sees every change) rather than read
  // after every step: the same answer, at a fraction of the cost.
  const initial = await store.range({ key: NO_END, rangeEnd: NO_END })
  const leaseOf = new Map(initial.kvs.map((kv) => [kv.key, kv.lease]))
  let revision = initial.header.revision
  const rows: TimelineRow[] = []
  try {
    for (const planned of steps) {
      const deadlinesBefore = world.deadlines?.() ?? new Map<number, number>()
      const step = resolve(planned, world.now(), deadlinesBefore)
      const seen = events.length
      const outcome = await attempt(() => runStep(world, step))
      const changes = events.slice(seen)
      for (const e of changes) {
        if (e.type === 'put') leaseOf.set(e.kv.key, e.kv.lease)
        else leaseOf.delete(e.kv.key)
        revision = e.kv.modRevision
      }
      rows.push({
        step,
        atMs: world.now(),
        outcome,
        vanished: byRevision(changes.filter((e) => e.type === 'delete')),
        keys: [...leaseOf].sort(([a], [b]) => compareKeys(a, b)).map(([key, lease]) => ({ key, lease })),
        revision,
        deadlinesBefore,
      })
    }
  } finally {
    await watch.cancel()
  }
  return rows
}

function resolve(step: LeaseStep, nowMs: number, deadlines: ReadonlyMap<number, number>): LeaseStep {
  if (step.type !== 'waitForDeadline') return step
  const deadline = deadlines.get(step.id)
  const ms = deadline === undefined ? WAIT_WITHOUT_DEADLINE_MS : Math.max(0, deadline + step.offsetMs - nowMs)
  return { type: 'wait', ms }
}

async function attempt(run: () => Promise<StepOutcome>): Promise<StepOutcome> {
  try {
    return await run()
  } catch (error) {
    if (isStoreError(error)) return { type: 'error', code: error.code }
    throw error
  }
}

async function runStep(world: LeaseWorld, step: LeaseStep): Promise<StepOutcome> {
  const { store } = world
  switch (step.type) {
    case 'grant': {
      const r = await store.leaseGrant({ id: step.id, ttl: step.ttl })
      return { type: 'granted', id: r.id, ttl: r.ttl }
    }
    case 'keepAlive':
      return { type: 'keptAlive', ttl: (await store.leaseKeepAlive(step.id)).ttl }
    case 'revoke':
      await store.leaseRevoke(step.id)
      return { type: 'revoked' }
    case 'put': {
      const r = await store.put(step.lease === 0 ? { key: step.key, value: 'v' } : { key: step.key, value: 'v', lease: step.lease })
      return { type: 'put', revision: r.header.revision }
    }
    case 'delete': {
      const r = await store.deleteRange({ key: step.key })
      return { type: 'deleted', deleted: r.deleted, revision: r.header.revision }
    }
    case 'timeToLive': {
      const r = await store.leaseTimeToLive({ id: step.id, keys: step.keys })
      return { type: 'timeToLive', ttl: r.ttl, grantedTtl: r.grantedTtl, keys: r.keys }
    }
    case 'leases':
      return { type: 'leases', ids: (await store.leaseLeases()).leases.map((l) => l.id) }
    case 'wait':
      world.advance(step.ms)
      return { type: 'waited' }
    case 'waitForDeadline':
      throw new Error('internal: waitForDeadline is resolved before it runs')
  }
}

function byRevision(deletes: readonly Event[]): Vanished[] {
  const groups: { revision: number; keys: string[] }[] = []
  for (const e of deletes) {
    const last = groups.at(-1)
    if (last !== undefined && last.revision === e.kv.modRevision) last.keys.push(e.kv.key)
    else groups.push({ revision: e.kv.modRevision, keys: [e.kv.key] })
  }
  return groups
}
