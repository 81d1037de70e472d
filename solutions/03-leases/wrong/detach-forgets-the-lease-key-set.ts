// Wrong: keeps a key → lease index beside each lease's key set, and detach updates only the index, so a key put again without the lease (or deleted) still dies with it.
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
  /** etcd's itemMap: which lease each key belongs to. */
  readonly #owner = new Map<string, number>()

  constructor(options: LessorOptions) {
    this.#clock = options.clock
    this.#minTtlSeconds = options.minTtlSeconds
    this.#deleteKeys = options.deleteKeys
  }

  grant(id: number, ttlSeconds: number): Lease {
    if (ttlSeconds > MAX_LEASE_TTL_SECONDS) throw new StoreError('lease-ttl-too-large')
    if (this.#live.has(id)) throw new StoreError('lease-exists')
    const lease: Live = { id, ttlSeconds: Math.max(ttlSeconds, this.#minTtlSeconds), deadlineMs: 0, timer: { id: -1 }, keys: new Set() }
    this.#live.set(id, lease)
    this.#restart(lease)
    return snapshot(lease)
  }

  revoke(id: number): void {
    const lease = this.#live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found')
    this.#live.delete(id)
    this.#clock.cancel(lease.timer)
    for (const key of lease.keys) this.#owner.delete(key)
    const keys = [...lease.keys].sort(compareKeys)
    if (keys.length > 0) this.#deleteKeys(keys)
  }

  renew(id: number): number {
    const lease = this.#live.get(id)
    if (lease === undefined) throw new StoreError('lease-not-found')
    this.#restart(lease)
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
    const lease = this.#live.get(id)
    if (lease === undefined) return
    lease.keys.add(key)
    this.#owner.set(key, id)
  }

  detach(id: number, key: string): void {
    if (this.#owner.get(key) === id) this.#owner.delete(key)
  }

  #restart(lease: Live): void {
    this.#clock.cancel(lease.timer)
    lease.deadlineMs = this.#clock.now() + lease.ttlSeconds * 1000
    lease.timer = this.#clock.setTimer(lease.ttlSeconds * 1000, () => this.revoke(lease.id))
  }
}

function snapshot(lease: Live): Lease {
  return { id: lease.id, ttlSeconds: lease.ttlSeconds, expiryMs: lease.deadlineMs, keys: new Set(lease.keys) }
}
