// Wrong: checks the revision of a range but then reads the store as it is now, not as it was at that revision.
import type { KeyValue } from '../../../src/store/key-value.ts'
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
} from '../../../src/store/requests.ts'
import { StoreError } from '../../../src/store/errors.ts'
import { compareKeys } from '../../../src/store/keys.ts'
import { rangeContains } from '../../../src/store/range-contains.ts'

/** One change to a key: the KeyValue a put wrote, or a tombstone (kv undefined) at a delete's revision. */
interface Change {
  readonly revision: number
  readonly kv: KeyValue | undefined
}

/** The branch each transaction takes, nested ones included, decided before anything is written. */
interface Path {
  readonly succeeded: boolean
  readonly nested: readonly (Path | undefined)[]
}

/** A write transaction in progress: it reads at `begin` until its first change, then at begin + 1. */
interface Txn {
  readonly begin: number
  changed: boolean
}

const revisionOf = (txn: Txn) => (txn.changed ? txn.begin + 1 : txn.begin)

export class MvccStore {
  #revision = 1
  #compacted = 0
  readonly #history = new Map<string, Change[]>()

  range(request: RangeRequest): RangeResponse {
    return this.#range(request, this.#revision)
  }

  put(request: PutRequest): PutResponse {
    return this.#single({ type: 'put', ...request }) as PutResponse
  }

  deleteRange(request: DeleteRangeRequest): DeleteRangeResponse {
    return this.#single({ type: 'deleteRange', ...request }) as DeleteRangeResponse
  }

  txn(request: TxnRequest): TxnResponse {
    const path = this.#decide(request)
    const txn: Txn = { begin: this.#revision, changed: false }
    const response = this.#execute(txn, request, path)
    if (txn.changed) this.#revision = txn.begin + 1
    return response
  }

  compact(revision: number): CompactResponse {
    if (revision <= this.#compacted) throw new StoreError('compacted')
    if (revision > this.#revision) throw new StoreError('future-revision')
    this.#compacted = revision
    for (const [key, changes] of this.#history) {
      // Keep the change a read at `revision` sees, and every later one. A tombstone seen there can go
      // too: without it the key is just as missing.
      const visible = lastAtOrBefore(changes, revision)
      const kept = changes.slice(visible >= 0 && changes[visible].kv === undefined ? visible + 1 : Math.max(visible, 0))
      if (kept.length === 0) this.#history.delete(key)
      else this.#history.set(key, kept)
    }
    return { header: { revision: this.#revision } }
  }

  #single(op: RequestOp): Omit<ResponseOp, 'type'> {
    const { type: _, ...response } = this.txn({ success: [op] }).responses[0]
    return response
  }

  // ── reads ──

  /** The key's KeyValue at `revision`, undefined when it did not exist then. */
  #get(key: string, revision: number): KeyValue | undefined {
    const changes = this.#history.get(key) ?? []
    const i = lastAtOrBefore(changes, revision)
    return i === -1 ? undefined : changes[i].kv
  }

  /** Every key in the range that exists at `revision`, in key order. */
  #kvsIn(range: KeyRange, revision: number): KeyValue[] {
    const keys = [...this.#history.keys()].filter((key) => rangeContains(range, key)).sort(compareKeys)
    return keys.map((key) => this.#get(key, revision)).filter((kv): kv is KeyValue => kv !== undefined)
  }

  #range(request: RangeRequest, current: number): RangeResponse {
    let at = request.revision ?? 0
    if (at > current) throw new StoreError('future-revision')
    if (at <= 0) at = current
    if (at < this.#compacted) throw new StoreError('compacted')
    const all = this.#kvsIn(request, current)
    const limit = request.limit ?? 0
    let kvs = request.countOnly ? [] : limit > 0 ? all.slice(0, limit) : all
    if (request.keysOnly) kvs = kvs.map((kv) => ({ ...kv, value: '' }))
    return { header: { revision: current }, kvs, more: !request.countOnly && limit > 0 && all.length > limit, count: all.length }
  }

  // ── transactions ──

  #decide(request: TxnRequest): Path {
    const succeeded = (request.compare ?? []).every((c) => this.#holds(c))
    const ops = (succeeded ? request.success : request.failure) ?? []
    return { succeeded, nested: ops.map((op) => (op.type === 'txn' ? this.#decide(op) : undefined)) }
  }

  /** A compare holds when every key in its range satisfies it; a missing key has version, create and mod 0, and no value. */
  #holds(compare: Compare): boolean {
    const kvs = this.#kvsIn(compare, this.#revision)
    if (kvs.length === 0) {
      if (compare.target === 'value') return false
      kvs.push({ key: compare.key, value: '', createRevision: 0, modRevision: 0, version: 0, lease: 0 })
    }
    return kvs.every((kv) => {
      switch (compare.target) {
        case 'value':
          return satisfies(compare, compareKeys(kv.value, compare.operand))
        case 'version':
          return satisfies(compare, kv.version - compare.operand)
        case 'create':
          return satisfies(compare, kv.createRevision - compare.operand)
        case 'mod':
          return satisfies(compare, kv.modRevision - compare.operand)
        case 'lease':
          return satisfies(compare, kv.lease - compare.operand)
      }
    })
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
          return { type: 'deleteRange', ...this.#delete(txn, op) }
        case 'txn':
          return { type: 'txn', ...this.#execute(txn, op, path.nested[i]!) }
      }
    })
    return { header: { revision: revisionOf(txn) }, succeeded: path.succeeded, responses }
  }

  #put(txn: Txn, request: PutRequest): PutResponse {
    const revision = txn.begin + 1
    const prev = this.#get(request.key, Number.MAX_SAFE_INTEGER)
    const kv: KeyValue = {
      key: request.key,
      value: request.value,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      version: (prev?.version ?? 0) + 1,
      lease: request.lease ?? 0,
    }
    this.#record(request.key, { revision, kv })
    txn.changed = true
    const header = { revision }
    return request.prevKv && prev !== undefined ? { header, prevKv: prev } : { header }
  }

  #delete(txn: Txn, request: DeleteRangeRequest): DeleteRangeResponse {
    const doomed = this.#kvsIn(request, Number.MAX_SAFE_INTEGER)
    for (const kv of doomed) this.#record(kv.key, { revision: txn.begin + 1, kv: undefined })
    if (doomed.length > 0) txn.changed = true
    return { header: { revision: revisionOf(txn) }, deleted: doomed.length, prevKvs: request.prevKv ? doomed : [] }
  }

  #record(key: string, change: Change): void {
    const changes = this.#history.get(key)
    if (changes === undefined) this.#history.set(key, [change])
    else changes.push(change)
  }
}

function satisfies(compare: Compare, order: number): boolean {
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
