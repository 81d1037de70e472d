// Lesson 03 — leases. Write the lessor below; `npm run lesson -- grade 03` grades it.
// It plugs into the reference store (src/store/memory-store.ts), which stands in for lessons
// 01 and 02 and calls you like this:
//
//   new MemoryStore({ clock, minLeaseTtlSeconds: 2, lessor: (options) => new Lessor(options) })
//
//   leaseGrant({ id, ttl })  → grant(id, ttl)           (the store picks an id > 0 when asked for 0)
//   leaseKeepAlive(id)       → renew(id)
//   leaseRevoke(id)          → revoke(id)
//   leaseTimeToLive({ id })  → lookup(id), remainingSeconds(lease)
//   leaseLeases()            → leases()
//   put({ key, lease: 7 })   → attach(7, key)           (and detach(old, key) if it had another lease)
//   put({ key }) / delete    → detach(old, key)          (for a key that had a lease)
//
// Time is `options.clock` (now(), setTimer(delayMs, fn), cancel(handle)) — never Date.now or
// setTimeout. In the grader it is a virtual clock that only moves when the grader says so.
import type { Clock } from '../../src/sim/clock.ts'
import type { Lease, LessorOptions } from '../../src/store/lessor.ts'
import type { StoreLessor } from '../../src/store/store-lessor.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { Lease, LessorOptions } from '../../src/store/lessor.ts'
export type { StoreLessor } from '../../src/store/store-lessor.ts'
export type { Clock, TimerHandle } from '../../src/sim/clock.ts'
/** Throw `new StoreError('lease-not-found')` (or 'lease-exists', 'lease-ttl-too-large') for an expected failure. */
export { StoreError } from '../../src/store/errors.ts'
/** etcd's MaxLeaseTTL, in seconds: a grant asking for more fails with 'lease-ttl-too-large'. */
export { MAX_LEASE_TTL_SECONDS } from '../../src/store/lessor.ts'
/** Sorts keys the way etcd sorts them (by bytes). */
export { compareKeys } from '../../src/store/keys.ts'

/**
 * etcd's lessor (server/lease/lessor.go): leases that expire unless kept alive, and the keys
 * attached to them, which vanish with the lease.
 *
 * - A lease's TTL is whole seconds; a TTL below `minTtlSeconds` is raised to it.
 * - A lease expires exactly `ttl` seconds after its grant or its last keep-alive: at its deadline
 *   it is revoked, not a millisecond earlier and not later.
 * - Revoking (by hand or by expiry) forgets the lease and deletes all its keys with ONE call to
 *   `deleteKeys`, so they vanish together, in one revision.
 */
export class Lessor implements StoreLessor {
  readonly #clock: Clock
  readonly #minTtlSeconds: number
  /** Deletes these keys in one revision (etcd's RangeDeleter). The store calls `detach` for each. */
  readonly #deleteKeys: (keys: readonly string[]) => void
  // Add the state you need: the live leases, their deadlines, their timers, their keys...

  constructor(options: LessorOptions) {
    this.#clock = options.clock
    this.#minTtlSeconds = options.minTtlSeconds
    this.#deleteKeys = options.deleteKeys
  }

  /**
   * Create lease `id` (always > 0) with `ttlSeconds`, raised to the minimum TTL, expiring that many
   * seconds from now. Fails with 'lease-ttl-too-large' above MAX_LEASE_TTL_SECONDS (checked first),
   * and with 'lease-exists' when `id` is live.
   */
  grant(id: number, ttlSeconds: number): Lease {
    throw new NotImplemented('Lessor.grant')
  }

  /** End lease `id` now: forget it and delete its keys, all in one `deleteKeys` call. Fails with 'lease-not-found'. */
  revoke(id: number): void {
    throw new NotImplemented('Lessor.revoke')
  }

  /**
   * A keep-alive: restart lease `id`'s full TTL from now and return that TTL in seconds. Fails with
   * 'lease-not-found' for a lease that was never granted, was revoked, or has expired.
   */
  renew(id: number): number {
    throw new NotImplemented('Lessor.renew')
  }

  /** A snapshot of live lease `id` — `{ id, ttlSeconds, expiryMs, keys }` — or undefined. */
  lookup(id: number): Lease | undefined {
    throw new NotImplemented('Lessor.lookup')
  }

  /** Whole seconds left before `lease`'s deadline, rounded down as etcd rounds (never below 0). */
  remainingSeconds(lease: Lease): number {
    throw new NotImplemented('Lessor.remainingSeconds')
  }

  /** Every live lease, soonest deadline first (leases with the same deadline in any order). */
  leases(): Lease[] {
    throw new NotImplemented('Lessor.leases')
  }

  /** Key `key` was put with lease `id`: it now belongs to the lease. */
  attach(id: number, key: string): void {
    throw new NotImplemented('Lessor.attach')
  }

  /** Key `key` was put without lease `id` (or with another one), or deleted: it no longer belongs to `id`. */
  detach(id: number, key: string): void {
    throw new NotImplemented('Lessor.detach')
  }
}
