// Wrong: reports the time left rounded up (4.2 s left reads as 5), where etcd rounds down.
import type { Clock, TimerHandle } from '../../../src/sim/clock.ts'
import type { Lease, LessorOptions } from '../../../src/store/lessor.ts'
import type { StoreLessor } from '../../../src/store/store-lessor.ts'
import { StoreError } from '../../../src/store/errors.ts'
import { MAX_LEASE_TTL_SECONDS } from '../../../src/store/lessor.ts'
import { compareKeys } from '../../../src/store/keys.ts'

export type { Lease, LessorOptions } from '../../../src/store/lessor.ts'
export type { StoreLessor } from '../../../src/store/store-lessor.ts'
export type { Clock, TimerHandle } from '../../../src/sim/clock.ts'
export { StoreError } from '../../../src/store/errors.ts'
export { MAX_LEASE_TTL_SECONDS } from '../../../src/store/lessor.ts'
export { compareKeys } from '../../../src/store/keys.ts'

interface Live {
  readonly id: number
  readonly ttlSeconds: number
  deadlineMs: number
  timer: TimerHandle
  readonly keys: Set<string>
}

export class Lessor implements StoreLessor {
  readonly #clock: Clock
  readonly #minTtlSeconds: number
  readonly #deleteKeys: (keys: readonly string[]) => void
  readonly #live = new Map<number, Live>()

  constructor(options: LessorOptions) {
    this.#clock = options.clock
    this.#minTtlSeconds = options.minTtlSeconds
    this.#deleteKeys = options.deleteKeys
  }

  grant(id: number, ttlSeconds: number): Lease {
    if (ttlSeconds > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large', `${ttlSeconds} s`)
    if (this.#live.has(id)) throw new StoreError('lease-exists', `lease ${id}`)
    const lease: Live = { id, ttlSeconds: Math.max(ttlSeconds, this.#minTtlSeconds), deadlineMs: 0, timer: { id: -1 }, keys: new Set() }
    this.#live.set(id, lease)
    this.#startTtl(lease)
    return snapshot(lease)
  }

  revoke(id: number): void {
    const lease = this.#live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found', `lease ${id}`)
    this.#live.delete(id)
    this.#clock.cancel(lease.timer)
    // The store calls detach for each key as it deletes it, so pass a copy, not the live set.
    const keys = [...lease.keys].sort(compareKeys)
    if (keys.length > 0) this.#deleteKeys(keys)
  }

  renew(id: number): number {
    const lease = this.#live.get(id)
    if (lease === undefined || this.#clock.now() >= lease.deadlineMs) throw new StoreError('lease-not-found', `lease ${id}`)
    this.#startTtl(lease)
    return lease.ttlSeconds
  }

  lookup(id: number): Lease | undefined {
    const lease = this.#live.get(id)
    return lease && snapshot(lease)
  }

  remainingSeconds(lease: Lease): number {
    return Math.max(0, Math.ceil((lease.expiryMs - this.#clock.now()) / 1000))
  }

  leases(): Lease[] {
    return [...this.#live.values()].sort((a, b) => a.deadlineMs - b.deadlineMs).map(snapshot)
  }

  attach(id: number, key: string): void {
    this.#live.get(id)?.keys.add(key)
  }

  detach(id: number, key: string): void {
    this.#live.get(id)?.keys.delete(key)
  }

  stop(): void {
    for (const lease of this.#live.values()) this.#clock.cancel(lease.timer)
  }

  /** Deadline = now + the full TTL; the one timer moves with it. */
  #startTtl(lease: Live): void {
    const ttlMs = lease.ttlSeconds * 1000
    this.#clock.cancel(lease.timer)
    lease.deadlineMs = this.#clock.now() + ttlMs
    lease.timer = this.#clock.setTimer(ttlMs, () => {
      if (this.#live.get(lease.id) === lease) this.revoke(lease.id)
    })
  }
}

function snapshot(lease: Live): Lease {
  return { id: lease.id, ttlSeconds: lease.ttlSeconds, expiryMs: lease.deadlineMs, keys: new Set(lease.keys) }
}
