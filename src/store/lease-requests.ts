// The Lease service's requests over a store's lessor: grant (picking an ID when the client asks
// for 0), revoke, keep-alive, time-to-live and the lease list, each with the store's header. One
// piece shared by every store built around a StoreLessor (MemoryStore, MvccCoreStore), as etcd's
// server answers LeaseGrant/Revoke/TimeToLive/Leases over its one lessor
// (server/etcdserver/v3_server.go, server/lease/lessor.go).
import { StoreError } from './errors.ts'
import type { ResponseHeader } from './key-value.ts'
import { compareKeys } from './keys.ts'
import type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
} from './lease-messages.ts'
import type { StoreLessor } from './store-lessor.ts'

export class LeaseRequests {
  readonly #lessor: StoreLessor
  readonly #header: () => ResponseHeader
  #nextLeaseId = 1

  constructor(lessor: StoreLessor, header: () => ResponseHeader) {
    this.#lessor = lessor
    this.#header = header
  }

  /** Whether lease `id` is live. */
  exists(id: number): boolean {
    return this.#lessor.has?.(id) ?? this.#lessor.lookup(id) !== undefined
  }

  grant(request: LeaseGrantRequest): LeaseGrantResponse {
    const { ttl } = request
    const asked = request.id ?? 0
    if (!Number.isSafeInteger(asked) || asked < 0) throw new StoreError('invalid-argument', `lease id ${asked}`)
    if (!Number.isSafeInteger(ttl)) throw new StoreError('invalid-argument', `ttl ${ttl}`)
    // ID 0: the smallest unused ID above the last one picked.
    let id = asked
    if (id === 0) for (id = this.#nextLeaseId; this.exists(id); ) id++
    const lease = this.#lessor.grant(id, ttl)
    if (asked === 0) this.#nextLeaseId = id + 1
    return { header: this.#header(), id: lease.id, ttl: lease.ttlSeconds }
  }

  revoke(id: number): LeaseRevokeResponse {
    this.#lessor.revoke(id)
    return { header: this.#header() }
  }

  keepAlive(id: number): LeaseKeepAliveResponse {
    const header = this.#header() // taken before the renew, as etcd does
    return { header, id, ttl: this.#lessor.renew(id) }
  }

  timeToLive(request: LeaseTimeToLiveRequest): LeaseTimeToLiveResponse {
    const lease = this.#lessor.lookup(request.id)
    if (lease === undefined) return { header: this.#header(), id: request.id, ttl: -1, grantedTtl: 0, keys: [] }
    const keys = request.keys ? [...lease.keys].sort(compareKeys) : []
    return { header: this.#header(), id: lease.id, ttl: this.#lessor.remainingSeconds(lease), grantedTtl: lease.ttlSeconds, keys }
  }

  leases(): LeaseLeasesResponse {
    return { header: this.#header(), leases: this.#lessor.leases().map((l) => ({ id: l.id })) }
  }
}
