// The seam between the store and its lessor: what MemoryStore needs from a lessor, so that any
// implementation (the reference in lessor.ts, or lesson 03's learner's) can run inside a whole
// store. Mirrors etcd's lease.Lessor interface (server/lease/lessor.go), the parts a single
// member uses, and how the server wires one into mvcc (server/etcdserver/server.go: NewLessor,
// SetRangeDeleter).
import type { LeaseAttachments } from './kvstore.ts'
import type { Lease, LessorOptions } from './lessor.ts'

/**
 * What the store needs from a lessor. The store calls `attach` / `detach` as keys gain and lose a
 * lease, and hands the lessor a `deleteKeys` callback (LessorOptions) that deletes keys in one
 * revision.
 */
export interface StoreLessor extends LeaseAttachments {
  /** Create lease `id` (always > 0: the store picks an ID when a client asks for 0). */
  grant(id: number, ttlSeconds: number): Lease
  /** End the lease now, deleting its keys in one revision. */
  revoke(id: number): void
  /** Restart the lease's TTL; returns the granted TTL. */
  renew(id: number): number
  lookup(id: number): Lease | undefined
  /** Whole seconds left on `lease`. */
  remainingSeconds(lease: Lease): number
  /** Every live lease, soonest expiry first. */
  leases(): Lease[]
  /** Whether lease `id` is live (optional: without it the store asks `lookup`). */
  has?(id: number): boolean
  /** Stop timers on close (optional: after close the store ignores the lessor's deletes anyway). */
  stop?(): void
}

/** Builds the store's lessor from the store's clock, minimum TTL and key deleter. */
export type LessorFactory = (options: LessorOptions) => StoreLessor
