// Leases: grants that expire unless kept alive, taking their attached keys with them. Mirrors
// lessor in etcd's server/lease/lessor.go and Lease in server/lease/lease.go: TTLs below the
// minimum are raised to it (etcd derives 2 s from its default election timeout), a TTL above
// 9,000,000,000 s is refused, renewing restarts the full TTL, remaining time is reported in whole
// seconds rounded down, and revoking deletes the attached keys, in key order, in one revision.
// Time is the injected Clock's: a lease expires exactly at its deadline (etcd checks every 500 ms).
import type { Clock, TimerHandle } from '../sim/clock.ts'
import { compareKeys } from './keys.ts'
import { StoreError } from './errors.ts'
import type { LeaseAttachments } from './kvstore.ts'

/** etcd's MaxLeaseTTL, in seconds. */
export const MAX_LEASE_TTL_SECONDS = 9_000_000_000
/** etcd's minimum lease TTL with its default --election-timeout (1000 ms): ceil(1.5 * 1 s). */
export const DEFAULT_MIN_LEASE_TTL_SECONDS = 2

export interface Lease {
  readonly id: number
  /** Granted TTL in seconds. */
  readonly ttlSeconds: number
  readonly expiryMs: number
  readonly keys: ReadonlySet<string>
}

interface LiveLease {
  readonly id: number
  readonly ttlSeconds: number
  expiryMs: number
  timer: TimerHandle
  readonly keys: Set<string>
}

export interface LessorOptions {
  readonly clock: Clock
  readonly minTtlSeconds: number
  /** Delete these keys (sorted) in one revision: called on revoke and on expiry (etcd's RangeDeleter). */
  readonly deleteKeys: (keys: readonly string[]) => void
}

export class Lessor implements LeaseAttachments {
  readonly #clock: Clock
  readonly #minTtlSeconds: number
  readonly #deleteKeys: (keys: readonly string[]) => void
  readonly #leases = new Map<number, LiveLease>()
  #nextId = 1

  constructor(options: LessorOptions) {
    this.#clock = options.clock
    this.#minTtlSeconds = options.minTtlSeconds
    this.#deleteKeys = options.deleteKeys
  }

  /** Create a lease; `id` 0 lets the lessor choose the smallest unused ID above the last one it chose. */
  grant(id: number, ttlSeconds: number): Lease {
    if (!Number.isSafeInteger(id) || id < 0) throw new StoreError('invalid-argument', `lease id ${id}`)
    if (!Number.isSafeInteger(ttlSeconds)) throw new StoreError('invalid-argument', `ttl ${ttlSeconds}`)
    if (ttlSeconds > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large', `${ttlSeconds} s`)
    if (id === 0) {
      while (this.#leases.has(this.#nextId)) this.#nextId++
      id = this.#nextId++
    } else if (this.#leases.has(id)) throw new StoreError('lease-exists', `lease ${id}`)
    const ttl = Math.max(ttlSeconds, this.#minTtlSeconds)
    const lease: LiveLease = { id, ttlSeconds: ttl, expiryMs: 0, timer: { id: -1 }, keys: new Set() }
    this.#leases.set(id, lease)
    this.#refresh(lease)
    return this.#view(lease)
  }

  /** End a lease now and delete its keys. */
  revoke(id: number): void {
    const lease = this.#leases.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found', `lease ${id}`)
    this.#leases.delete(id)
    this.#clock.cancel(lease.timer)
    const keys = [...lease.keys].sort(compareKeys)
    if (keys.length > 0) this.#deleteKeys(keys)
  }

  /** Restart the lease's full TTL; returns it. A lease past its deadline is revoked instead, and not found. */
  renew(id: number): number {
    const lease = this.#leases.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found', `lease ${id}`)
    if (this.#clock.now() >= lease.expiryMs) {
      this.revoke(id)
      throw new StoreError('lease-not-found', `lease ${id} expired`)
    }
    this.#refresh(lease)
    return lease.ttlSeconds
  }

  has(id: number): boolean {
    return this.#leases.has(id)
  }

  lookup(id: number): Lease | undefined {
    const lease = this.#leases.get(id)
    return lease === undefined ? undefined : this.#view(lease)
  }

  /** Whole seconds left, rounded down (as etcd's LeaseTimeToLive). */
  remainingSeconds(lease: Lease): number {
    return Math.max(0, Math.floor((lease.expiryMs - this.#clock.now()) / 1000))
  }

  /** Every live lease, soonest expiry first (ties by ID). */
  leases(): Lease[] {
    return [...this.#leases.values()].sort((a, b) => a.expiryMs - b.expiryMs || a.id - b.id).map((l) => this.#view(l))
  }

  attach(id: number, key: string): void {
    this.#leases.get(id)?.keys.add(key)
  }

  detach(id: number, key: string): void {
    this.#leases.get(id)?.keys.delete(key)
  }

  /** Stop every timer (the leases stay, frozen). */
  stop(): void {
    for (const lease of this.#leases.values()) this.#clock.cancel(lease.timer)
  }

  #refresh(lease: LiveLease): void {
    this.#clock.cancel(lease.timer)
    const ttlMs = lease.ttlSeconds * 1000
    lease.expiryMs = this.#clock.now() + ttlMs
    lease.timer = this.#clock.setTimer(ttlMs, () => {
      if (this.#leases.get(lease.id) === lease) this.revoke(lease.id)
    })
  }

  #view(lease: LiveLease): Lease {
    return { id: lease.id, ttlSeconds: lease.ttlSeconds, expiryMs: lease.expiryMs, keys: new Set(lease.keys) }
  }
}
