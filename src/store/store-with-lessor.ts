// The embedded store with a lessor plugged in from outside: the same MVCC store, watches and apply
// path as MemoryStore (memory-store.ts), but the lessor comes from a factory, so lesson 03's
// learner (or any other implementation) can run inside a whole store. Mirrors how etcd's server
// wires a lease.Lessor into mvcc (server/etcdserver/server.go: NewLessor, SetRangeDeleter) and
// picks a lease ID itself when a client asks for 0 (LeaseGrant in server/etcdserver/v3_server.go).
import type { Clock } from '../sim/clock.ts'
import type { KeyValueStore } from './kv.ts'
import { StoreError } from './errors.ts'
import { compareKeys } from './keys.ts'
import { MvccStore, type LeaseAttachments } from './kvstore.ts'
import { DEFAULT_MIN_LEASE_TTL_SECONDS, Lessor, type Lease, type LessorOptions } from './lessor.ts'
import { DEFAULT_MAX_TXN_OPS } from './txn-check.ts'
import { applyTxn, type Applied } from './txn-apply.ts'
import { WatchableStore } from './watchable-store.ts'
import type { MemoryStoreOptions } from './memory-store.ts'
import type { CompactResponse, DeleteRangeRequest, DeleteRangeResponse, PutRequest, PutResponse, RangeRequest, RangeResponse, ResponseOp, TxnRequest, TxnResponse } from './requests.ts'
import type { Watch, WatchListener, WatchRequest } from './watch-messages.ts'
import type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
} from './lease-messages.ts'

/**
 * What the store needs from a lessor (etcd's lease.Lessor interface, the parts a single member
 * uses). The store calls `attach` / `detach` as keys gain and lose a lease, and hands the lessor a
 * `deleteKeys` callback (LessorOptions) that deletes keys in one revision.
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
  /** Stop timers on close (optional: after close the store ignores the lessor's deletes anyway). */
  stop?(): void
}

export type LessorFactory = (options: LessorOptions) => StoreLessor

/** The reference lessor (lessor.ts), as a factory. */
export const referenceLessor: LessorFactory = (options) => new Lessor(options)

export interface StoreWithLessorOptions extends MemoryStoreOptions {
  /** Builds the lessor; default: the reference. */
  readonly lessor?: LessorFactory
}

export class StoreWithLessor implements KeyValueStore {
  readonly #mvcc: MvccStore
  readonly #watches: WatchableStore
  readonly #lessor: StoreLessor
  readonly #maxTxnOps: number
  #nextLeaseId = 1
  #closed = false

  constructor(options: StoreWithLessorOptions) {
    const build = options.lessor ?? referenceLessor
    this.#lessor = build({
      clock: options.clock,
      minTtlSeconds: options.minLeaseTtlSeconds ?? DEFAULT_MIN_LEASE_TTL_SECONDS,
      deleteKeys: (keys) => this.#deleteKeys(keys),
    })
    this.#mvcc = new MvccStore({ attach: (id, key) => this.#lessor.attach(id, key), detach: (id, key) => this.#lessor.detach(id, key) })
    this.#watches = new WatchableStore(this.#mvcc, options.onListenerError ?? rethrowLater)
    this.#maxTxnOps = options.maxTxnOps ?? DEFAULT_MAX_TXN_OPS
  }

  get revision(): number {
    return this.#mvcc.currentRevision
  }

  get compactRevision(): number {
    return this.#mvcc.compactRevision
  }

  async range(request: RangeRequest): Promise<RangeResponse> {
    return only(this.#run({ success: [{ type: 'range', ...request }] }), 'range')
  }

  async put(request: PutRequest): Promise<PutResponse> {
    return only(this.#run({ success: [{ type: 'put', ...request }] }), 'put')
  }

  async deleteRange(request: DeleteRangeRequest): Promise<DeleteRangeResponse> {
    return only(this.#run({ success: [{ type: 'deleteRange', ...request }] }), 'deleteRange')
  }

  async txn(request: TxnRequest): Promise<TxnResponse> {
    return this.#run(request)
  }

  async compact(revision: number): Promise<CompactResponse> {
    this.#open()
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `revision ${revision}`)
    this.#mvcc.compact(revision)
    return { header: this.#header() }
  }

  async watch(request: WatchRequest, listener: WatchListener): Promise<Watch> {
    this.#open()
    if (request.startRevision !== undefined && !Number.isSafeInteger(request.startRevision)) {
      throw new StoreError('invalid-argument', `startRevision ${request.startRevision}`)
    }
    return this.#watches.create(request, listener)
  }

  async leaseGrant(request: LeaseGrantRequest): Promise<LeaseGrantResponse> {
    this.#open()
    const { ttl } = request
    const asked = request.id ?? 0
    if (!Number.isSafeInteger(asked) || asked < 0) throw new StoreError('invalid-argument', `lease id ${asked}`)
    if (!Number.isSafeInteger(ttl)) throw new StoreError('invalid-argument', `ttl ${ttl}`)
    // ID 0: the smallest unused ID above the last one picked (the reference lessor's rule).
    let id = asked
    if (id === 0) for (id = this.#nextLeaseId; this.#lessor.lookup(id) !== undefined; ) id++
    const lease = this.#lessor.grant(id, ttl)
    if (asked === 0) this.#nextLeaseId = id + 1
    return { header: this.#header(), id: lease.id, ttl: lease.ttlSeconds }
  }

  async leaseRevoke(id: number): Promise<LeaseRevokeResponse> {
    this.#open()
    this.#lessor.revoke(id)
    return { header: this.#header() }
  }

  async leaseKeepAlive(id: number): Promise<LeaseKeepAliveResponse> {
    this.#open()
    const header = this.#header() // taken before the renew, as etcd does
    return { header, id, ttl: this.#lessor.renew(id) }
  }

  async leaseTimeToLive(request: LeaseTimeToLiveRequest): Promise<LeaseTimeToLiveResponse> {
    this.#open()
    const lease = this.#lessor.lookup(request.id)
    if (lease === undefined) return { header: this.#header(), id: request.id, ttl: -1, grantedTtl: 0, keys: [] }
    const keys = request.keys ? [...lease.keys].sort(compareKeys) : []
    return { header: this.#header(), id: lease.id, ttl: this.#lessor.remainingSeconds(lease), grantedTtl: lease.ttlSeconds, keys }
  }

  async leaseLeases(): Promise<LeaseLeasesResponse> {
    this.#open()
    return { header: this.#header(), leases: this.#lessor.leases().map((l) => ({ id: l.id })) }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#lessor.stop?.()
    this.#watches.closeAll()
  }

  // etcd's RangeDeleter: one write transaction, one DeleteRange per key in key order, however many
  // keys (no --max-txn-ops limit inside the server).
  #deleteKeys(keys: readonly string[]): void {
    if (this.#closed) return
    const sorted = [...keys].sort(compareKeys)
    this.#apply({ success: sorted.map((key) => ({ type: 'deleteRange', key })) }, Infinity)
  }

  #run(request: TxnRequest): TxnResponse {
    this.#open()
    return this.#apply(request, this.#maxTxnOps).response
  }

  #apply(request: TxnRequest, maxTxnOps: number): Applied {
    const applied = applyTxn(this.#mvcc, request, { maxTxnOps, leaseExists: (id) => this.#lessor.lookup(id) !== undefined })
    if (applied.batch !== undefined) this.#watches.notify(applied.batch)
    return applied
  }

  #header() {
    return { revision: this.#mvcc.currentRevision }
  }

  #open(): void {
    if (this.#closed) throw new StoreError('closed')
  }
}

function only<T extends ResponseOp['type']>(response: TxnResponse, type: T): Omit<Extract<ResponseOp, { type: T }>, 'type'> {
  const op = response.responses[0]
  if (op === undefined || op.type !== type) throw new Error(`internal: expected a ${type} response`)
  const { type: _, ...rest } = op as Extract<ResponseOp, { type: T }>
  return rest
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error
  })
}
