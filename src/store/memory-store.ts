// The embedded, in-memory KeyValueStore: the MVCC store, its watches and its leases wired
// together behind the async interface, as etcd's server wires mvcc, the watchable store and the
// lessor (server/etcdserver/server.go, apply/). The lessor is the reference (lessor.ts) unless a
// factory supplies another (store-lessor.ts), so lesson 03's learner's lessor runs inside a whole
// store; either way the store picks a lease ID when a client asks for 0 (LeaseGrant in
// server/etcdserver/v3_server.go). Deterministic: time is the injected Clock's, and every request
// runs to completion, in call order, before its promise settles.
import type { Clock } from '../sim/clock.ts'
import type { KeyValueStore } from './kv.ts'
import { StoreError } from './errors.ts'
import { LeaseRequests } from './lease-requests.ts'
import { compareKeys } from './keys.ts'
import { MvccStore } from './kvstore.ts'
import { DEFAULT_MIN_LEASE_TTL_SECONDS, Lessor } from './lessor.ts'
import type { LessorFactory } from './store-lessor.ts'
import { checkTxnRequest, DEFAULT_MAX_TXN_OPS } from './txn-check.ts'
import { applyTxn, type Applied } from './txn-apply.ts'
import { WatchableStore, type ListenerErrorHandler } from './watchable-store.ts'
import type { CompactResponse, DeleteRangeRequest, DeleteRangeResponse, PutRequest, PutResponse, RangeRequest, RangeResponse, TxnRequest, TxnResponse } from './requests.ts'
import { onlyResponse as only, rethrowLater, StoreServices } from './store-services.ts'

export interface MemoryStoreOptions {
  readonly clock: Clock
  /** Shortest lease TTL granted, in seconds (etcd's default: 2). */
  readonly minLeaseTtlSeconds?: number
  /** Most ops per list in a txn (etcd's --max-txn-ops, default 128). */
  readonly maxTxnOps?: number
  /**
   * Called when a watch listener throws; the watch is canceled first. Default: rethrow the error
   * outside the store (on a microtask), so it is reported and the store's own state stays sound.
   */
  readonly onListenerError?: ListenerErrorHandler
  /** Builds the lessor; default: the reference (lessor.ts). */
  readonly lessor?: LessorFactory
}

export class MemoryStore extends StoreServices implements KeyValueStore {
  readonly #mvcc: MvccStore
  readonly #maxTxnOps: number

  constructor(options: MemoryStoreOptions) {
    const build = options.lessor ?? ((lessorOptions) => new Lessor(lessorOptions))
    // The lessor and the lease requests call back into this store only later, once it is built.
    const lessor = build({
      clock: options.clock,
      minTtlSeconds: options.minLeaseTtlSeconds ?? DEFAULT_MIN_LEASE_TTL_SECONDS,
      deleteKeys: (keys) => this.#deleteKeys(keys),
    })
    const mvcc = new MvccStore(lessor)
    super({
      lessor,
      leases: new LeaseRequests(lessor, () => this.#header()),
      watches: new WatchableStore(mvcc, options.onListenerError ?? rethrowLater),
    })
    this.#mvcc = mvcc
    this.#maxTxnOps = options.maxTxnOps ?? DEFAULT_MAX_TXN_OPS
  }

  /** The current revision, for tests and tools (clients read it from response headers). */
  get revision(): number {
    return this.#mvcc.currentRevision
  }

  /** The last compacted revision, 0 if never compacted. */
  get compactRevision(): number {
    return this.#mvcc.compactRevision
  }

  async range(request: RangeRequest): Promise<RangeResponse> {
    return only(this.#run({ success: [{ type: 'range', ...request }] }), 'range')
  }

  async put(request: PutRequest): Promise<PutResponse> {
    this.open()
    const txn: TxnRequest = { success: [{ type: 'put', ...request }] }
    // A put on its own checks its lease before looking for the key (etcd's apply Put with no txn);
    // inside a txn the key comes first (checkRequestPut). Shape errors come before either.
    checkTxnRequest(txn, this.#maxTxnOps)
    const lease = request.lease ?? 0
    if (lease !== 0 && !this.leases.exists(lease)) throw new StoreError('lease-not-found', `lease ${lease}`)
    return only(this.#run(txn), 'put')
  }

  async deleteRange(request: DeleteRangeRequest): Promise<DeleteRangeResponse> {
    return only(this.#run({ success: [{ type: 'deleteRange', ...request }] }), 'deleteRange')
  }

  async txn(request: TxnRequest): Promise<TxnResponse> {
    return this.#run(request)
  }

  async compact(revision: number): Promise<CompactResponse> {
    this.open()
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `revision ${revision}`)
    this.#mvcc.compact(revision)
    return { header: this.#header() }
  }

  // etcd's RangeDeleter: one write transaction, one DeleteRange per key in key order, however many
  // keys (no --max-txn-ops limit inside the server).
  #deleteKeys(keys: readonly string[]): void {
    if (this.closed) return
    const sorted = [...keys].sort(compareKeys)
    this.#apply({ success: sorted.map((key) => ({ type: 'deleteRange', key })) }, Infinity)
  }

  #run(request: TxnRequest): TxnResponse {
    this.open()
    return this.#apply(request, this.#maxTxnOps).response
  }

  // Made once: a closure created per write costs more than the write's lookups when names are kept
  // (tsx's esbuild keepNames gives every `const f = () => …` a defineProperty call).
  readonly #leaseExists = (id: number): boolean => this.leases.exists(id)

  #apply(request: TxnRequest, maxTxnOps: number): Applied {
    const applied = applyTxn(this.#mvcc, request, { maxTxnOps, leaseExists: this.#leaseExists })
    if (applied.batch !== undefined) this.watches.notify(applied.batch)
    return applied
  }

  #header() {
    return { revision: this.#mvcc.currentRevision }
  }
}

