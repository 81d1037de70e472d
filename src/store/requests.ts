// Request and response shapes of the key-value half of the store: Range, Put, DeleteRange, Txn,
// Compact. Mirrors the KV service in etcd's api/etcdserverpb/rpc.proto, in TypeScript style:
// camelCase fields, optional flags instead of proto defaults, and discriminated unions (on `type`
// and `target`) where the proto uses oneof.
import type { KeyValue, ResponseHeader } from './key-value.ts'

/**
 * A key or a key range. Without `rangeEnd` it names the single key `key`; with it, every key in
 * [key, rangeEnd). `rangeEnd: '\0'` means every key >= key, so `{ key: '\0', rangeEnd: '\0' }` is
 * the whole keyspace; `prefixEnd(p)` gives the range end of every key starting with `p`.
 */
export interface KeyRange {
  readonly key: string
  readonly rangeEnd?: string
}

export interface RangeRequest extends KeyRange {
  /** At most this many kvs (0 or absent: no limit); `more` says whether some were left out. */
  readonly limit?: number
  /** Read the store as it was at this revision (0 or absent: now). */
  readonly revision?: number
  /** Return kvs without values. */
  readonly keysOnly?: boolean
  /** Return only the count. */
  readonly countOnly?: boolean
}

export interface RangeResponse {
  readonly header: ResponseHeader
  /** Matching kvs in key order (empty when countOnly). */
  readonly kvs: readonly KeyValue[]
  /** True when `limit` left some matching keys out. */
  readonly more: boolean
  /** How many keys match, ignoring `limit`. */
  readonly count: number
}

export interface PutRequest {
  readonly key: string
  readonly value: string
  /** Attach the key to this lease (0 or absent: no lease; a put without a lease detaches it). */
  readonly lease?: number
  /** Return the previous kv, if any. */
  readonly prevKv?: boolean
  /** Keep the current value (the key must exist; `value` must then be empty). */
  readonly ignoreValue?: boolean
  /** Keep the current lease (the key must exist; `lease` must then be absent). */
  readonly ignoreLease?: boolean
}

export interface PutResponse {
  readonly header: ResponseHeader
  readonly prevKv?: KeyValue
}

export interface DeleteRangeRequest extends KeyRange {
  /** Return the deleted kvs. */
  readonly prevKv?: boolean
}

export interface DeleteRangeResponse {
  readonly header: ResponseHeader
  /** How many keys were deleted. */
  readonly deleted: number
  readonly prevKvs: readonly KeyValue[]
}

export type CompareResult = '=' | '!=' | '<' | '>'

/**
 * One guard of a transaction: compare a field of the key (of every key in the range) with an
 * operand. On a missing key, version, create, mod and lease compare as 0; a value compare fails.
 */
export type Compare = KeyRange & { readonly result: CompareResult } & (
    | { readonly target: 'value'; readonly operand: string }
    | { readonly target: 'version' | 'create' | 'mod' | 'lease'; readonly operand: number }
  )

export type CompareTarget = Compare['target']

/** One operation inside a transaction (etcd's RequestOp). */
export type RequestOp =
  | ({ readonly type: 'range' } & RangeRequest)
  | ({ readonly type: 'put' } & PutRequest)
  | ({ readonly type: 'deleteRange' } & DeleteRangeRequest)
  | ({ readonly type: 'txn' } & TxnRequest)

/** The result of one RequestOp, in the same position (etcd's ResponseOp). */
export type ResponseOp =
  | ({ readonly type: 'range' } & RangeResponse)
  | ({ readonly type: 'put' } & PutResponse)
  | ({ readonly type: 'deleteRange' } & DeleteRangeResponse)
  | ({ readonly type: 'txn' } & TxnResponse)

/** If every compare holds, run `success`, else `failure`; all of it atomically, at one revision. */
export interface TxnRequest {
  readonly compare?: readonly Compare[]
  readonly success?: readonly RequestOp[]
  readonly failure?: readonly RequestOp[]
}

export interface TxnResponse {
  readonly header: ResponseHeader
  /** True when every compare held and `success` ran. */
  readonly succeeded: boolean
  readonly responses: readonly ResponseOp[]
}

export interface CompactResponse {
  readonly header: ResponseHeader
}
