// Request and response shapes of leases: time-limited grants that keys attach to, deleted with
// the lease when it expires or is revoked. Mirrors the Lease service in etcd's
// api/etcdserverpb/rpc.proto (LeaseGrant, LeaseRevoke, LeaseKeepAlive, LeaseTimeToLive, LeaseLeases).
import type { ResponseHeader } from './key-value.ts'

export interface LeaseGrantRequest {
  /** Requested time to live in seconds (raised to the store's minimum TTL). */
  readonly ttl: number
  /** The lease ID to use, a positive safe integer; 0 or absent: the store picks one. */
  readonly id?: number
}

export interface LeaseGrantResponse {
  readonly header: ResponseHeader
  readonly id: number
  /** The TTL granted, in seconds. */
  readonly ttl: number
}

export interface LeaseRevokeResponse {
  readonly header: ResponseHeader
}

export interface LeaseKeepAliveResponse {
  readonly header: ResponseHeader
  readonly id: number
  /** The renewed TTL in seconds (the lease's granted TTL). */
  readonly ttl: number
}

export interface LeaseTimeToLiveRequest {
  readonly id: number
  /** Also list the keys attached to the lease. */
  readonly keys?: boolean
}

export interface LeaseTimeToLiveResponse {
  readonly header: ResponseHeader
  readonly id: number
  /** Whole seconds left (rounded down); -1 when the lease does not exist (expired or revoked). */
  readonly ttl: number
  /** The TTL the lease was granted with, in seconds; 0 when it does not exist. */
  readonly grantedTtl: number
  /** Attached keys in key order (only when asked for). */
  readonly keys: readonly string[]
}

export interface LeaseLeasesResponse {
  readonly header: ResponseHeader
  /** Every live lease, soonest expiry first. */
  readonly leases: readonly { readonly id: number }[]
}
