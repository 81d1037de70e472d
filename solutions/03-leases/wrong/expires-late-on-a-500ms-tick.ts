// Wrong: looks for expired leases on a 500 ms tick, as etcd's run loop does, and revokes them then — so a lease outlives its deadline by up to half a second.
import type { Clock } from '../../../src/sim/clock.ts'
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

const TICK_MS = 500

interface Live {
  readonly id: number
  readonly ttlSeconds: number
  deadlineMs: number
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
    this.#tick()
  }

  grant(id: number, ttlSeconds: number): Lease {
    if (ttlSeconds > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large')
    if (this.#live.has(id)) throw new StoreError('lease-exists')
    const ttl = Math.max(ttlSeconds, this.#minTtlSeconds)
    const lease: Live = { id, ttlSeconds: ttl, deadlineMs: this.#clock.now() + ttl * 1000, keys: new Set() }
    this.#live.set(id, lease)
    return snapshot(lease)
  }

  revoke(id: number): void {
    const lease = this.#live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found')
    this.#live.delete(id)
    const keys = [...lease.keys].sort(compareKeys)
    if (keys.length > 0) this.#deleteKeys(keys)
  }

  renew(id: number): number {
    const lease = this.#live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found')
    lease.deadlineMs = this.#clock.now() + lease.ttlSeconds * 1000
    return lease.ttlSeconds
  }

  lookup(id: number): Lease | undefined {
    const lease = this.#live.get(id)
    return lease && snapshot(lease)
  }

  remainingSeconds(lease: Lease): number {
    return Math.max(0, Math.floor((lease.expiryMs - this.#clock.now()) / 1000))
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

  #tick(): void {
    this.#clock.setTimer(TICK_MS, () => {
      const now = this.#clock.now()
      for (const lease of [...this.#live.values()]) if (now >= lease.deadlineMs) this.revoke(lease.id)
      this.#tick()
    })
  }
}

function snapshot(lease: Live): Lease {
  return { id: lease.id, ttlSeconds: lease.ttlSeconds, expiryMs: lease.deadlineMs, keys: new Set(lease.keys) }
}
