// Runs a request on the MVCC store the way etcd's apply layer does (server/etcdserver/txn/txn.go):
// check the request's shape, decide every compare (nested ones too) against the store as it is,
// check the chosen branches against it, and only then execute them in one write transaction, so
// that a failing request changes nothing and a successful one takes at most one revision.
import type { RevisionBatch } from './event-log.ts'
import { applyCompares } from './compare.ts'
import { toInterval } from './keys.ts'
import type { StoreTxn } from './kvstore-txn.ts'
import type { MvccStore } from './kvstore.ts'
import type { DeleteRangeResponse, PutResponse, RangeRequest, RangeResponse, RequestOp, ResponseOp, TxnRequest, TxnResponse } from './requests.ts'
import { StoreError } from './errors.ts'
import { checkTxnAgainstStore, checkTxnRequest, type TxnPath } from './txn-check.ts'

export interface ApplyOptions {
  readonly maxTxnOps: number
  readonly leaseExists: (id: number) => boolean
}

export interface Applied {
  readonly response: TxnResponse
  /** The committed revision's events, when the transaction changed something. */
  readonly batch: RevisionBatch | undefined
}

export function applyTxn(store: MvccStore, request: TxnRequest, options: ApplyOptions): Applied {
  checkTxnRequest(request, options.maxTxnOps)
  const txn = store.begin()
  const path = compareToPath(txn, request)
  checkTxnAgainstStore(txn, request, path, options.leaseExists)
  const response = executeTxn(txn, request, path)
  const batch = txn.end()
  return { response: { ...response, header: { revision: txn.revision } }, batch }
}

function compareToPath(txn: StoreTxn, request: TxnRequest): TxnPath {
  const succeeded = applyCompares(txn, request.compare ?? [])
  const ops = (succeeded ? request.success : request.failure) ?? []
  return { succeeded, nested: ops.map((op) => (op.type === 'txn' ? compareToPath(txn, op) : undefined)) }
}

function executeTxn(txn: StoreTxn, request: TxnRequest, path: TxnPath): TxnResponse {
  const ops = (path.succeeded ? request.success : request.failure) ?? []
  const responses = ops.map((op, i) => executeOp(txn, op, path.nested[i]))
  return { header: { revision: txn.revision }, succeeded: path.succeeded, responses }
}

function executeOp(txn: StoreTxn, op: RequestOp, nested: TxnPath | undefined): ResponseOp {
  switch (op.type) {
    case 'range':
      return { type: 'range', ...executeRange(txn, op) }
    case 'put':
      return { type: 'put', ...executePut(txn, op) }
    case 'deleteRange':
      return { type: 'deleteRange', ...executeDelete(txn, op) }
    case 'txn':
      return { type: 'txn', ...executeTxn(txn, op, nested!) }
  }
}

export function executeRange(txn: StoreTxn, request: RangeRequest): RangeResponse {
  const limit = request.limit !== undefined && request.limit > 0 ? request.limit : 0
  const result = txn.range(toInterval(request), {
    limit: limit > 0 ? limit + 1 : 0,
    revision: request.revision,
    countOnly: request.countOnly,
  })
  const more = limit > 0 && result.kvs.length > limit
  let kvs = more ? result.kvs.slice(0, limit) : result.kvs
  if (request.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: '' }))
  return { header: { revision: result.revision }, kvs, more, count: result.count }
}

function executePut(txn: StoreTxn, request: RequestOp & { type: 'put' }): PutResponse {
  let { value } = request
  let lease = request.lease ?? 0
  if (request.ignoreValue || request.ignoreLease || request.prevKv) {
    const existing = txn.range(toInterval(request)).kvs[0]
    if ((request.ignoreValue || request.ignoreLease) && existing === undefined) throw new StoreError('key-not-found', request.key)
    if (request.ignoreValue) value = existing!.value
    if (request.ignoreLease) lease = existing!.lease
  }
  const { prevKv } = txn.put(request.key, value, lease)
  const header = { revision: txn.revision }
  return request.prevKv && prevKv !== undefined ? { header, prevKv } : { header }
}

function executeDelete(txn: StoreTxn, request: RequestOp & { type: 'deleteRange' }): DeleteRangeResponse {
  const deleted = txn.deleteRange(toInterval(request))
  return { header: { revision: txn.revision }, deleted: deleted.length, prevKvs: request.prevKv ? deleted : [] }
}
