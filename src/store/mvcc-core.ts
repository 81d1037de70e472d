// The key-value half of the store as one synchronous object: range, put, deleteRange, txn and
// compact, with no watches and no leases. It is the shape lesson 01 asks a learner to build (etcd's
// mvcc.KV in server/storage/mvcc/kv.go, seen through the request types of etcd's KV service), and
// ReferenceMvccCore is the reference's own: the MVCC store and the apply layer of memory-store.ts
// without the lessor. MvccCoreStore (mvcc-core-store.ts) runs any core behind KeyValueStore.
import { StoreError } from './errors.ts'
import { MvccStore } from './kvstore.ts'
import { applyTxn } from './txn-apply.ts'
import { DEFAULT_MAX_TXN_OPS } from './txn-check.ts'
import type {
  CompactResponse,
  DeleteRangeRequest,
  DeleteRangeResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  ResponseOp,
  TxnRequest,
  TxnResponse,
} from './requests.ts'

/**
 * A multi-version key-value store, synchronous. Same contract as the key-value half of
 * KeyValueStore (kv.ts): one revision counter starting at 1, one revision per write transaction,
 * none for reads or no-op deletes; errors are StoreErrors ('compacted', 'future-revision').
 */
export interface MvccCore {
  range(request: RangeRequest): RangeResponse
  put(request: PutRequest): PutResponse
  deleteRange(request: DeleteRangeRequest): DeleteRangeResponse
  txn(request: TxnRequest): TxnResponse
  compact(revision: number): CompactResponse
}

const noLeases = { attach() {}, detach() {} }

/**
 * The reference MVCC core: exactly MemoryStore's key-value answers, synchronously. It has no
 * lessor: a put's lease is recorded as given (whether a lease exists is checked around the core, by
 * MvccCoreStore), and keys never expire.
 */
export class ReferenceMvccCore implements MvccCore {
  readonly #store = new MvccStore(noLeases)

  /** The current revision (clients read it from response headers). */
  get revision(): number {
    return this.#store.currentRevision
  }

  /** The last compacted revision, 0 if never compacted. */
  get compactRevision(): number {
    return this.#store.compactRevision
  }

  range(request: RangeRequest): RangeResponse {
    return only(this.txn({ success: [{ type: 'range', ...request }] }), 'range')
  }

  put(request: PutRequest): PutResponse {
    return only(this.txn({ success: [{ type: 'put', ...request }] }), 'put')
  }

  deleteRange(request: DeleteRangeRequest): DeleteRangeResponse {
    return only(this.txn({ success: [{ type: 'deleteRange', ...request }] }), 'deleteRange')
  }

  txn(request: TxnRequest): TxnResponse {
    return applyTxn(this.#store, request, { maxTxnOps: DEFAULT_MAX_TXN_OPS, leaseExists: () => true }).response
  }

  compact(revision: number): CompactResponse {
    if (!Number.isSafeInteger(revision)) throw new StoreError('invalid-argument', `revision ${revision}`)
    this.#store.compact(revision)
    return { header: { revision: this.#store.currentRevision } }
  }
}

function only<T extends ResponseOp['type']>(response: TxnResponse, type: T): Omit<Extract<ResponseOp, { type: T }>, 'type'> {
  const op = response.responses[0]
  if (op === undefined || op.type !== type) throw new Error(`internal: expected a ${type} response`)
  const { type: _, ...rest } = op as Extract<ResponseOp, { type: T }>
  return rest
}
