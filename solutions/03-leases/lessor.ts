// Lesson 03 solution: one timer per lease, set for its deadline and moved on every keep-alive;
// revoking (by hand or by the timer) forgets the lease first, then deletes its keys in one call.
//
// The lessor's state and its steps are protected, and Live and snapshot are exported, so that the
// wrong answers beside this file can reuse them and change one step.
import type { Clock, TimerHandle } from '../../src/sim/clock.ts'
import type { Lease, LessorOptions } from '../../src/store/lessor.ts'
import type { StoreLessor } from '../../src/store/store-lessor.ts'
import { StoreError } from '../../src/store/errors.ts'
import { MAX_LEASE_TTL_SECONDS } from '../../src/store/lessor.ts'
import { compareKeys } from '../../src/store/keys.ts'

export type { Lease, LessorOptions } from '../../src/store/lessor.ts'
export type { StoreLessor } from '../../src/store/store-lessor.ts'
export type { Clock, TimerHandle } from '../../src/sim/clock.ts'
export { StoreError } from '../../src/store/errors.ts'
export { MAX_LEASE_TTL_SECONDS } from '../../src/store/lessor.ts'
export { compareKeys } from '../../src/store/keys.ts'

/** A lease while it lives. */
export interface Live {
  readonly id: number
  readonly ttlSeconds: number
  deadlineMs: number
  timer: TimerHandle
  readonly keys: Set<string>
}

export class Lessor implements StoreLessor {
  protected readonly clock: Clock
  readonly #minTtlSeconds: number
  protected readonly deleteKeys: (keys: readonly string[]) => void
  protected readonly live = new Map<number, Live>()

  constructor(options: LessorOptions) {
    this.clock = options.clock
    this.#minTtlSeconds = options.minTtlSeconds
    this.deleteKeys = options.deleteKeys
  }

  grant(id: number, ttlSeconds: number): Lease {
    if (ttlSeconds > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large', `${ttlSeconds} s`)
    if (this.live.has(id)) throw new StoreError('lease-exists', `lease ${id}`)
    const lease: Live = { id, ttlSeconds: Math.max(ttlSeconds, this.#minTtlSeconds), deadlineMs: 0, timer: { id: -1 }, keys: new Set() }
    this.live.set(id, lease)
    this.#startTtl(lease)
    return snapshot(lease)
  }

  revoke(id: number): void {
    const lease = this.live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found', `lease ${id}`)
    this.live.delete(id)
    this.clock.cancel(lease.timer)
    // The store calls detach for each key as it deletes it, so pass a copy, not the live set.
    const keys = [...lease.keys].sort(compareKeys)
    if (keys.length > 0) this.deleteKeys(keys)
  }

  renew(id: number): number {
    const lease = this.renewable(id)
    this.#startTtl(lease)
    return lease.ttlSeconds
  }

  /** The lease a keep-alive may renew: one that exists and whose deadline has not come (its timer may not have run yet). */
  protected renewable(id: number): Live {
    const lease = this.live.get(id)
    if (lease === undefined || this.clock.now() >= lease.deadlineMs) throw new StoreError('lease-not-found', `lease ${id}`)
    return lease
  }

  lookup(id: number): Lease | undefined {
    const lease = this.live.get(id)
    return lease && snapshot(lease)
  }

  remainingSeconds(lease: Lease): number {
    return Math.max(0, Math.floor((lease.expiryMs - this.clock.now()) / 1000))
  }

  leases(): Lease[] {
    return [...this.live.values()].sort((a, b) => a.deadlineMs - b.deadlineMs).map(snapshot)
  }

  attach(id: number, key: string): void {
    this.live.get(id)?.keys.add(key)
  }

  detach(id: number, key: string): void {
    this.live.get(id)?.keys.delete(key)
  }

  stop(): void {
    for (const lease of this.live.values()) this.clock.cancel(lease.timer)
  }

  /** Deadline = now + the full TTL; the one timer moves with it. */
  #startTtl(lease: Live): void {
    lease.deadlineMs = this.clock.now() + lease.ttlSeconds * 1000
    this.setTimer(lease)
  }

  /** Set the lease's one timer for its deadline, in place of the one it had. */
  protected setTimer(lease: Live): void {
    this.clock.cancel(lease.timer)
    lease.timer = this.clock.setTimer(lease.deadlineMs - this.clock.now(), () => {
      if (this.live.get(lease.id) === lease) this.expire(lease)
    })
  }

  /** The lease's deadline has come: revoke it. */
  protected expire(lease: Live): void {
    this.revoke(lease.id)
  }
}

/** What the store sees of a lease: a copy, so later changes do not show through. */
export function snapshot(lease: Live): Lease {
  return { id: lease.id, ttlSeconds: lease.ttlSeconds, expiryMs: lease.deadlineMs, keys: new Set(lease.keys) }
}
