// Lesson 01 — a solution. Each key keeps its history as a list of changes (a put's KeyValue, or a
// tombstone), oldest first; a read at revision r takes each key's last change at or before r.
// A transaction decides its branch first, then writes everything at one revision: the current one
// plus one, committed only if something changed (etcd's storeTxnWrite in kvstore_txn.go).
//
// The store's state and its steps are protected, and Change, Txn, satisfies and missingKey are
// exported, so that the wrong answers beside this file can reuse them and change one step.
import type { KeyValue } from '../../src/store/key-value.ts'
import type {
  CompactResponse,
  Compare,
  DeleteRangeRequest,
  DeleteRangeResponse,
  KeyRange,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  RequestOp,
  ResponseOp,
  TxnRequest,
  TxnResponse,
} from '../../src/store/requests.ts'
import { StoreError } from '../../src/store/errors.ts'
import { compareKeys } from '../../src/store/keys.ts'
import { rangeContains } from '../../src/store/range-contains.ts'

export type { KeyValue } from '../../src/store/key-value.ts'
export type * from '../../src/store/requests.ts'
export { compareKeys, prefixEnd, NO_END } from '../../src/store/keys.ts'
export { rangeContains } from '../../src/store/range-contains.ts'
export { StoreError } from '../../src/store/errors.ts'

/** One change to a key: the KeyValue a put wrote, or a tombstone (kv undefined) at a delete's revision. */
export interface Change {
  readonly revision: number
  readonly kv: KeyValue | undefined
}

/** The branch each transaction takes, nested ones included, decided before anything is written. */
interface Path {
  readonly succeeded: boolean
  readonly nested: readonly (Path | undefined)[]
}

/** A write transaction in progress: it reads at `begin` until its first change, then at begin + 1. */
export interface Txn {
  readonly begin: number
  changed: boolean
}

const revisionOf = (txn: Txn) => (txn.changed ? txn.begin + 1 : txn.begin)

export class MvccStore {
  protected revision = 1
  protected compacted = 0
  protected readonly history = new Map<string, Change[]>()

  range(request: RangeRequest): RangeResponse {
    return this.#range(request, this.revision)
  }

  put(request: PutRequest): PutResponse {
    return this.#single({ type: 'put', ...request }) as PutResponse
  }

  deleteRange(request: DeleteRangeRequest): DeleteRangeResponse {
    return this.#single({ type: 'deleteRange', ...request }) as DeleteRangeResponse
  }

  txn(request: TxnRequest): TxnResponse {
    const path = this.decide(request)
    const txn: Txn = { begin: this.revision, changed: false }
    const response = this.#execute(txn, request, path)
    if (txn.changed) this.revision = txn.begin + 1
    return response
  }

  compact(revision: number): CompactResponse {
    if (revision <= this.compacted) throw new StoreError('compacted')
    if (revision > this.revision) throw new StoreError('future-revision')
    this.compacted = revision
    for (const [key, changes] of this.history) {
      const kept = this.keptByCompaction(changes, revision)
      if (kept.length === 0) this.history.delete(key)
      else this.history.set(key, kept)
    }
    return { header: { revision: this.revision } }
  }

  #single(op: RequestOp): Omit<ResponseOp, 'type'> {
    const { type: _, ...response } = this.txn({ success: [op] }).responses[0]
    return response
  }

  /**
   * What compacting at `revision` keeps of one key's changes: the one a read at `revision` sees, and
   * every later one. A tombstone seen there can go too: without it the key is just as missing.
   */
  protected keptByCompaction(changes: readonly Change[], revision: number): Change[] {
    const visible = lastAtOrBefore(changes, revision)
    return changes.slice(visible >= 0 && changes[visible].kv === undefined ? visible + 1 : Math.max(visible, 0))
  }

  // ── reads ──

  /** The key's KeyValue at `revision`, undefined when it did not exist then. */
  #get(key: string, revision: number): KeyValue | undefined {
    const changes = this.history.get(key) ?? []
    const i = lastAtOrBefore(changes, revision)
    return i === -1 ? undefined : changes[i].kv
  }

  /** Every key with a history that is in the range, in key order. */
  protected keysIn(range: KeyRange): string[] {
    return [...this.history.keys()].filter((key) => rangeContains(range, key)).sort(compareKeys)
  }

  /** Every key in the range that exists at `revision`, in key order. */
  protected kvsIn(range: KeyRange, revision: number): KeyValue[] {
    return this.keysIn(range)
      .map((key) => this.#get(key, revision))
      .filter((kv): kv is KeyValue => kv !== undefined)
  }

  /** The revision a read at `requested` sees (0 or less: `current`), unless it is in the future or compacted. */
  protected readRevision(requested: number, current: number): number {
    if (requested > current) throw new StoreError('future-revision')
    const at = requested > 0 ? requested : current
    if (at < this.compacted) throw new StoreError('compacted')
    return at
  }

  #range(request: RangeRequest, current: number): RangeResponse {
    const all = this.kvsIn(request, this.readRevision(request.revision ?? 0, current))
    const limit = request.limit ?? 0
    let kvs = request.countOnly ? [] : limit > 0 ? all.slice(0, limit) : all
    if (request.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: '' }))
    return { header: { revision: current }, kvs, more: !request.countOnly && limit > 0 && all.length > limit, count: all.length }
  }

  // ── transactions ──

  protected decide(request: TxnRequest): Path {
    const succeeded = (request.compare ?? []).every((c) => this.holds(c))
    const ops = (succeeded ? request.success : request.failure) ?? []
    return { succeeded, nested: ops.map((op) => (op.type === 'txn' ? this.decide(op) : undefined)) }
  }

  /** A compare holds when every key in its range satisfies it; on a missing key, a value compare fails. */
  protected holds(compare: Compare): boolean {
    const kvs = this.kvsIn(compare, this.revision)
    if (kvs.length === 0) return compare.target !== 'value' && satisfies(compare, missingKey)
    return kvs.every((kv) => satisfies(compare, kv))
  }

  #execute(txn: Txn, request: TxnRequest, path: Path): TxnResponse {
    const ops = (path.succeeded ? request.success : request.failure) ?? []
    const responses = ops.map((op, i): ResponseOp => {
      switch (op.type) {
        case 'range':
          return { type: 'range', ...this.#range(op, revisionOf(txn)) }
        case 'put':
          return { type: 'put', ...this.#put(txn, op) }
        case 'deleteRange':
          return { type: 'deleteRange', ...this.delete(txn, op) }
        case 'txn':
          return { type: 'txn', ...this.#execute(txn, op, path.nested[i]!) }
      }
    })
    return { header: { revision: revisionOf(txn) }, succeeded: path.succeeded, responses }
  }

  #put(txn: Txn, request: PutRequest): PutResponse {
    const revision = txn.begin + 1
    const prev = this.#get(request.key, Number.MAX_SAFE_INTEGER)
    this.#record(request.key, { revision, kv: this.putKeyValue(request, prev, revision) })
    txn.changed = true
    const header = { revision }
    return request.prevKv && prev !== undefined ? { header, prevKv: prev } : { header }
  }

  /** The KeyValue a put writes at `revision` over `prev`, the key's current KeyValue (undefined: none). */
  protected putKeyValue(request: PutRequest, prev: KeyValue | undefined, revision: number): KeyValue {
    return {
      key: request.key,
      value: request.value,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      version: (prev?.version ?? 0) + 1,
      lease: request.lease ?? 0,
    }
  }

  /** Delete every key in the range that exists now, at the txn's revision; deleting nothing changes nothing. */
  protected delete(txn: Txn, request: DeleteRangeRequest): DeleteRangeResponse {
    const doomed = this.kvsIn(request, Number.MAX_SAFE_INTEGER)
    for (const kv of doomed) this.#record(kv.key, { revision: txn.begin + 1, kv: undefined })
    if (doomed.length > 0) txn.changed = true
    return { header: { revision: revisionOf(txn) }, deleted: doomed.length, prevKvs: request.prevKv ? doomed : [] }
  }

  #record(key: string, change: Change): void {
    const changes = this.history.get(key)
    if (changes === undefined) this.history.set(key, [change])
    else changes.push(change)
  }
}

/** What a compare sees of a missing key: version, create, mod and lease 0, and an empty value. */
export const missingKey: KeyValue = { key: '', value: '', createRevision: 0, modRevision: 0, version: 0, lease: 0 }

/** The KeyValue field each numeric compare target reads. */
const fieldOf = { version: 'version', create: 'createRevision', mod: 'modRevision', lease: 'lease' } as const

/** Does one KeyValue satisfy the compare? (compareKV in etcd's server/etcdserver/txn/txn.go) */
export function satisfies(compare: Compare, kv: KeyValue): boolean {
  // Negative, zero or positive as the field is below, equal to or above the operand (values in key order).
  const order = compare.target === 'value' ? compareKeys(kv.value, compare.operand) : kv[fieldOf[compare.target]] - compare.operand
  switch (compare.result) {
    case '=':
      return order === 0
    case '!=':
      return order !== 0
    case '<':
      return order < 0
    case '>':
      return order > 0
  }
}

/** Index of the last change at or before `revision`, -1 if none. */
function lastAtOrBefore(changes: readonly Change[], revision: number): number {
  let i = changes.length - 1
  while (i >= 0 && changes[i].revision > revision) i--
  return i
}
