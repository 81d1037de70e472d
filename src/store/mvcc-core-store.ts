// A KeyValueStore whose key-value half is any synchronous MvccCore (mvcc-core.ts) — the store a
// learner writes in lesson 01 — with watches and leases added around it, so the engine can run on
// it. Mirrors how etcd's server wraps mvcc.KV: the apply layer (server/etcdserver/txn/txn.go)
// checks a request and decides its compares before any write, the watchable store
// (server/storage/mvcc/watchable_store.go) turns each committed write into events, and the lessor
// (server/lease/lessor.go) follows which keys each lease holds.
//
// The core answers every range, put, delete, txn and compaction. The events of each write are
// derived from the core's own answers: every write op runs with prevKv, and the new value of each
// put is read back from the core, so a watch sees exactly what the core did.
import type { Clock } from '../sim/clock.ts'
import type { Event, KeyValue } from './key-value.ts'
import type { KeyValueStore } from './kv.ts'
import type { MvccCore } from './mvcc-core.ts'
import type { RevisionBatch } from './event-log.ts'
import { StoreError } from './errors.ts'
import { LeaseRequests } from './lease-requests.ts'
import { MvccStore } from './kvstore.ts'
import { DEFAULT_MIN_LEASE_TTL_SECONDS, Lessor } from './lessor.ts'
import { checkTxnRequest, DEFAULT_MAX_TXN_OPS, type TxnPath } from './txn-check.ts'
import { WatchableStore, type ListenerErrorHandler } from './watchable-store.ts'
import type { CompactResponse, DeleteRangeRequest, DeleteRangeResponse, PutRequest, PutResponse, RangeRequest, RangeResponse, RequestOp, ResponseOp, TxnRequest, TxnResponse } from './requests.ts'
import { onlyResponse as only, rethrowLater, StoreServices } from './store-services.ts'

export interface MvccCoreStoreOptions {
  readonly clock: Clock
  /** The key-value store itself; it must start empty, at revision 1. */
  readonly core: MvccCore
  readonly minLeaseTtlSeconds?: number
  readonly maxTxnOps?: number
  readonly onListenerError?: ListenerErrorHandler
}

const noLeases = { attach() {}, detach() {} }

export class MvccCoreStore extends StoreServices implements KeyValueStore {
  readonly #core: MvccCore
  // The revision counter and event history the watches replay: the reference MVCC store, fed only
  // the batches derived from the core's writes (its key index stays empty).
  readonly #history: MvccStore
  readonly #maxTxnOps: number

  constructor(options: MvccCoreStoreOptions) {
    const history = new MvccStore(noLeases)
    // The lessor and the lease requests call back into this store only later, once it is built.
    const lessor = new Lessor({
      clock: options.clock,
      minTtlSeconds: options.minLeaseTtlSeconds ?? DEFAULT_MIN_LEASE_TTL_SECONDS,
      deleteKeys: (keys) => void this.#apply({ success: keys.map((key) => ({ type: 'deleteRange', key })) }, Infinity),
    })
    super({
      lessor,
      leases: new LeaseRequests(lessor, () => this.#header()),
      watches: new WatchableStore(history, options.onListenerError ?? rethrowLater),
    })
    this.#core = options.core
    this.#history = history
    this.#maxTxnOps = options.maxTxnOps ?? DEFAULT_MAX_TXN_OPS
  }

  get revision(): number {
    return this.#history.currentRevision
  }

  async range(request: RangeRequest): Promise<RangeResponse> {
    this.open()
    checkTxnRequest({ success: [{ type: 'range', ...request }] }, this.#maxTxnOps)
    return this.#core.range(request)
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
    this.open()
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `revision ${revision}`)
    const response = this.#core.compact(revision)
    this.#history.compact(revision)
    return response
  }

  #run(request: TxnRequest): TxnResponse {
    this.open()
    return this.#apply(request, this.#maxTxnOps)
  }

  // As etcd's apply: check the shape, decide every compare, check the chosen branches against the
  // store as it is, and only then write; so a failing request changes nothing.
  #apply(request: TxnRequest, maxTxnOps: number): TxnResponse {
    checkTxnRequest(request, maxTxnOps)
    const path = this.#decide(request)
    this.#check(request, path)
    const before = this.#history.currentRevision
    const response = this.#core.txn(this.#prepare(request))
    const revision = response.header.revision
    if (revision !== before) {
      if (revision !== before + 1) throw new Error(`the core moved from revision ${before} to ${revision} in one transaction`)
      const batch: RevisionBatch = { revision, events: this.#events(request, path, response) }
      this.#history.commit(batch)
      for (const event of batch.events) this.#followLeases(event)
      this.watches.notify(batch)
    }
    return trim(request, path, response)
  }

  // Each compare is decided by a read-only txn on the core, before anything is written.
  #decide(request: TxnRequest): TxnPath {
    const compare = request.compare ?? []
    const succeeded = compare.length === 0 || this.#core.txn({ compare }).succeeded
    const ops = (succeeded ? request.success : request.failure) ?? []
    return { succeeded, nested: ops.map((op) => (op.type === 'txn' ? this.#decide(op) : undefined)) }
  }

  // etcd's checkTxn: past and future revisions, keys that must exist, leases that must exist.
  #check(request: TxnRequest, path: TxnPath): void {
    const ops = (path.succeeded ? request.success : request.failure) ?? []
    ops.forEach((op, i) => {
      if (op.type === 'range') {
        const revision = op.revision ?? 0
        if (revision > this.#history.currentRevision) throw new StoreError('future-revision', `revision ${revision}`)
        if (revision > 0 && revision < this.#history.compactRevision) throw new StoreError('compacted', `revision ${revision}`)
      } else if (op.type === 'put') {
        if ((op.ignoreValue || op.ignoreLease) && this.#current(op.key) === undefined) throw new StoreError('key-not-found', op.key)
        const lease = op.lease ?? 0
        if (lease !== 0 && !this.leases.exists(lease)) throw new StoreError('lease-not-found', `lease ${lease}`)
      } else if (op.type === 'txn') this.#check(op, path.nested[i]!)
    })
  }

  // What the core runs: every write asks for prevKv (the events need it), and ignoreValue /
  // ignoreLease are resolved here, so a core need not know them.
  #prepare(request: TxnRequest): TxnRequest {
    const ops = (list: readonly RequestOp[] | undefined) =>
      list?.map((op): RequestOp => {
        switch (op.type) {
          case 'range':
            return op
          case 'deleteRange':
            return { ...op, prevKv: true }
          case 'txn':
            return { ...this.#prepare(op), type: 'txn' }
          case 'put': {
            const { ignoreValue, ignoreLease, ...put } = op
            const current = ignoreValue || ignoreLease ? this.#current(op.key) : undefined
            return {
              ...put,
              prevKv: true,
              ...(ignoreValue && current ? { value: current.value } : {}),
              ...(ignoreLease && current ? { lease: current.lease } : {}),
            }
          }
        }
      })
    return { ...request, success: ops(request.success), failure: ops(request.failure) }
  }

  #events(request: TxnRequest, path: TxnPath, response: TxnResponse): Event[] {
    const ops = (path.succeeded ? request.success : request.failure) ?? []
    return ops.flatMap((op, i): Event[] => {
      const r = response.responses[i]
      if (op.type === 'put' && r.type === 'put') {
        const kv = this.#current(op.key)
        if (kv === undefined) throw new Error(`the core lost ${op.key} right after putting it`)
        return [r.prevKv === undefined ? { type: 'put', kv } : { type: 'put', kv, prevKv: r.prevKv }]
      }
      if (op.type === 'deleteRange' && r.type === 'deleteRange') {
        return r.prevKvs.map((prevKv) => ({ type: 'delete', kv: tombstone(prevKv.key, response.header.revision), prevKv }))
      }
      if (op.type === 'txn' && r.type === 'txn') return this.#events(op, path.nested[i]!, { ...r, header: response.header })
      return []
    })
  }

  #followLeases(event: Event): void {
    const before = event.prevKv?.lease ?? 0
    const after = event.type === 'put' ? event.kv.lease : 0
    if (before !== 0 && before !== after) this.lessor.detach(before, event.kv.key)
    if (after !== 0) this.lessor.attach(after, event.kv.key)
  }

  #current(key: string): KeyValue | undefined {
    return this.#core.range({ key }).kvs[0]
  }

  #header() {
    return { revision: this.#history.currentRevision }
  }
}

function tombstone(key: string, revision: number): KeyValue {
  return { key, value: '', createRevision: 0, modRevision: revision, version: 0, lease: 0 }
}

// Hide the prevKvs the caller did not ask for.
function trim(request: TxnRequest, path: TxnPath, response: TxnResponse): TxnResponse {
  const ops = (path.succeeded ? request.success : request.failure) ?? []
  const responses = response.responses.map((r, i): ResponseOp => {
    const op = ops[i]
    if (op?.type === 'put' && r.type === 'put' && !op.prevKv) return { type: 'put', header: r.header }
    if (op?.type === 'deleteRange' && r.type === 'deleteRange' && !op.prevKv) return { ...r, prevKvs: [] }
    if (op?.type === 'txn' && r.type === 'txn') return { type: 'txn', ...trim(op, path.nested[i]!, r) }
    return r
  })
  return { ...response, responses }
}
