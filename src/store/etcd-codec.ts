// Translation between the store's request/response shapes (requests.ts, key-value.ts) and etcd's
// protobuf messages as the etcd3 client carries them (snake_case fields, int64 as decimal strings,
// keys and values as bytes, oneof as optional fields). Mirrors the field mapping of etcd's
// api/etcdserverpb/rpc.proto and api/mvccpb/kv.proto; keys gain and lose this store's prefix
// (etcd-key-prefix.ts) and lease IDs are mapped (etcd-lease-ids.ts) on the way.
import type {
  ICompare,
  IDeleteRangeResponse,
  IEvent,
  IKeyValue,
  IPutRequest,
  IRangeRequest,
  IRangeResponse,
  IRequestOp,
  IResponseHeader,
  IResponseOp,
  ITxnRequest,
  ITxnResponse,
} from 'etcd3'
import { StoreError } from './errors.ts'
import type { Event, KeyValue, ResponseHeader } from './key-value.ts'
import type { KeyPrefix } from './etcd-key-prefix.ts'
import type { LeaseIdMap } from './etcd-lease-ids.ts'
import type {
  Compare,
  DeleteRangeRequest,
  DeleteRangeResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  RequestOp,
  ResponseOp,
  TxnRequest,
  TxnResponse,
} from './requests.ts'

const compareTargets = { version: 'Version', create: 'Create', mod: 'Mod', value: 'Value', lease: 'Lease' } as const
const compareResults = { '=': 'Equal', '!=': 'NotEqual', '<': 'Less', '>': 'Greater' } as const

export class EtcdCodec {
  readonly #prefix: KeyPrefix
  readonly #leases: LeaseIdMap

  constructor(prefix: KeyPrefix, leases: LeaseIdMap) {
    this.#prefix = prefix
    this.#leases = leases
  }

  // ---- requests ----

  range(request: RangeRequest): IRangeRequest {
    nonEmpty(request.key)
    return {
      ...this.#prefix.range(request),
      limit: request.limit ?? 0,
      revision: request.revision ?? 0,
      keys_only: request.keysOnly ?? false,
      count_only: request.countOnly ?? false,
    }
  }

  put(request: PutRequest): IPutRequest {
    nonEmpty(request.key)
    return {
      key: this.#prefix.key(request.key),
      value: Buffer.from(request.value, 'utf8'),
      lease: this.#leases.server(request.lease ?? 0),
      prev_kv: request.prevKv ?? false,
      ignore_value: request.ignoreValue ?? false,
      ignore_lease: request.ignoreLease ?? false,
    }
  }

  deleteRange(request: DeleteRangeRequest): { key: Buffer; range_end?: Buffer; prev_kv: boolean } {
    nonEmpty(request.key)
    return { ...this.#prefix.range(request), prev_kv: request.prevKv ?? false }
  }

  txn(request: TxnRequest): ITxnRequest {
    return {
      compare: (request.compare ?? []).map((c) => this.#compare(c)),
      success: (request.success ?? []).map((op) => this.#op(op)),
      failure: (request.failure ?? []).map((op) => this.#op(op)),
    }
  }

  #compare(c: Compare): ICompare {
    nonEmpty(c.key)
    const base = { ...this.#prefix.range(c), target: compareTargets[c.target], result: compareResults[c.result] }
    switch (c.target) {
      case 'value':
        return { ...base, value: Buffer.from(c.operand, 'utf8') }
      case 'version':
        return { ...base, version: c.operand }
      case 'create':
        return { ...base, create_revision: c.operand }
      case 'mod':
        return { ...base, mod_revision: c.operand }
      case 'lease':
        return { ...base, lease: this.#leases.server(c.operand) }
    }
  }

  #op(op: RequestOp): IRequestOp {
    switch (op.type) {
      case 'range':
        return { request_range: this.range(op) }
      case 'put':
        return { request_put: this.put(op) }
      case 'deleteRange':
        return { request_delete_range: this.deleteRange(op) }
      case 'txn':
        return { request_txn: this.txn(op) }
    }
  }

  // ---- responses ----

  header(header: IResponseHeader | null | undefined): ResponseHeader {
    return { revision: Number(header?.revision ?? 0) }
  }

  kv(kv: IKeyValue): KeyValue {
    return {
      key: this.#prefix.strip(kv.key),
      value: kv.value.toString('utf8'),
      createRevision: Number(kv.create_revision),
      modRevision: Number(kv.mod_revision),
      version: Number(kv.version),
      lease: this.#leases.adopt(String(kv.lease)),
    }
  }

  event(event: IEvent): Event {
    const kv = this.kv(event.kv)
    const type = event.type === 'Delete' ? 'delete' : 'put'
    return event.prev_kv ? { type, kv, prevKv: this.kv(event.prev_kv) } : { type, kv }
  }

  rangeResponse(r: IRangeResponse): RangeResponse {
    return { header: this.header(r.header), kvs: r.kvs.map((kv) => this.kv(kv)), more: r.more, count: Number(r.count) }
  }

  putResponse(r: { header: IResponseHeader; prev_kv?: IKeyValue | null }): PutResponse {
    return r.prev_kv ? { header: this.header(r.header), prevKv: this.kv(r.prev_kv) } : { header: this.header(r.header) }
  }

  deleteRangeResponse(r: IDeleteRangeResponse): DeleteRangeResponse {
    return { header: this.header(r.header), deleted: Number(r.deleted), prevKvs: (r.prev_kvs ?? []).map((kv) => this.kv(kv)) }
  }

  txnResponse(r: ITxnResponse): TxnResponse {
    return { header: this.header(r.header), succeeded: r.succeeded, responses: (r.responses ?? []).map((op) => this.#responseOp(op)) }
  }

  #responseOp(op: IResponseOp): ResponseOp {
    if (op.response_range) return { type: 'range', ...this.rangeResponse(op.response_range) }
    if (op.response_put) return { type: 'put', ...this.putResponse(op.response_put) }
    if (op.response_delete_range) return { type: 'deleteRange', ...this.deleteRangeResponse(op.response_delete_range) }
    if (op.response_txn) return { type: 'txn', ...this.txnResponse(op.response_txn) }
    throw new Error('internal: an etcd ResponseOp with no response')
  }
}

// With a prefix, an empty key would name the prefix itself; etcd refuses empty keys, so do we.
function nonEmpty(key: string): void {
  if (key.length === 0) throw new StoreError('empty-key')
}
