// Lesson 01 — the MVCC store. Write the class below; `npm run lesson -- grade 01` grades it.
// The request and response types are the reference store's (src/store/requests.ts), so your store
// is a drop-in core: MvccCoreStore (src/store/mvcc-core-store.ts) runs it behind the engine's
// async KeyValueStore.
import type {
  CompactResponse,
  DeleteRangeRequest,
  DeleteRangeResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  TxnRequest,
  TxnResponse,
} from '../../src/store/requests.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { KeyValue } from '../../src/store/key-value.ts'
export type * from '../../src/store/requests.ts'

// Helpers you may use (the lesson is about revisions and history, not about sorting strings):
// - compareKeys(a, b): etcd's key order (byte order), for `[...keys].sort(compareKeys)`.
// - rangeContains(range, key): is `key` in the request's range? A range without `rangeEnd` is the
//   single key `key`; with one, every key in [key, rangeEnd); `rangeEnd: '\0'` means no upper bound.
// - prefixEnd(prefix): the rangeEnd of every key starting with `prefix` ('foo/' → 'foo0').
// - StoreError: throw `new StoreError('compacted')` or `new StoreError('future-revision')`.
export { compareKeys, prefixEnd, NO_END } from '../../src/store/keys.ts'
export { rangeContains } from '../../src/store/range-contains.ts'
export { StoreError } from '../../src/store/errors.ts'

/**
 * etcd's multi-version key-value store (server/storage/mvcc/kvstore.go), synchronous.
 *
 * - The store has one revision counter. A new store is at revision 1 and holds no keys.
 * - Every request that changes something — a put, a delete that deletes at least one key, a txn
 *   whose chosen branch does either — moves the revision up by exactly one, and everything it
 *   writes carries that revision. Reads, no-op deletes and read-only txns leave it where it is.
 * - Each response's `header.revision` is the store's revision after the request.
 * - Each key remembers `createRevision` (the put that created it, kept by later puts), `modRevision`
 *   (its last put) and `version` (1 on create, +1 per put). A delete ends the key's life: a later put
 *   creates it afresh, with version 1 and a new createRevision.
 * - History is kept, so `range` can read the store as it was at any revision since the last
 *   compaction.
 *
 * Out of scope here: watches (lesson 02) and leases (lesson 03). Every KeyValue you return has
 * `lease: 0`; the grader sends no `lease`, `ignoreValue` or `ignoreLease`, no nested txn, and no key
 * written twice in one txn (etcd rejects that before it reaches the store).
 */
export class MvccStore {
  /**
   * The keys in [key, rangeEnd) (or the single key) that exist at `revision` (0 or absent: now), in
   * key order, each with all its fields. `count` is how many match; `limit` (0: none) keeps the first
   * `limit` and sets `more` when some were left out; `keysOnly` empties each value; `countOnly`
   * returns no kvs, just the count.
   *
   * Throws StoreError 'future-revision' when `revision` is above the current revision, and
   * 'compacted' when it is below the compacted revision (reading exactly at it works).
   */
  range(request: RangeRequest): RangeResponse {
    throw new NotImplemented('MvccStore.range')
  }

  /**
   * Write `value` under `key` at the next revision. With `prevKv: true`, the response carries the
   * key's KeyValue from just before the put (none if the key did not exist).
   */
  put(request: PutRequest): PutResponse {
    throw new NotImplemented('MvccStore.put')
  }

  /**
   * Delete every key in [key, rangeEnd) (or the single key) that exists now, all at the next
   * revision. `deleted` counts them; with `prevKv: true`, `prevKvs` holds their KeyValues (in key
   * order) from just before the delete, else it is empty. Deleting nothing takes no revision.
   */
  deleteRange(request: DeleteRangeRequest): DeleteRangeResponse {
    throw new NotImplemented('MvccStore.deleteRange')
  }

  /**
   * If every compare holds, run `success`, else `failure`; `succeeded` says which ran, and
   * `responses` holds one response per op, in order, each with its `type`.
   *
   * - A compare looks at one key's `value`, `version`, `create` (createRevision) or `mod`
   *   (modRevision) and checks it against `operand` with '=', '!=', '<' or '>' (values compare in
   *   key order). Compares see the store as it was before the txn.
   * - A missing key has version, create and mod 0; a compare on its value fails, whatever it asks.
   * - All the writes of the chosen branch share one revision (the current one + 1), taken only if
   *   something changed. An op's header is the txn's revision so far: the current revision until its
   *   first change, then the new one.
   */
  txn(request: TxnRequest): TxnResponse {
    throw new NotImplemented('MvccStore.txn')
  }

  /**
   * Forget history before `revision`: afterwards a range at a revision below it throws 'compacted';
   * a range at `revision` or later answers exactly as before. Throws 'compacted' when `revision` is
   * not above the last compaction, 'future-revision' when it is above the current revision. Takes no
   * revision.
   */
  compact(revision: number): CompactResponse {
    throw new NotImplemented('MvccStore.compact')
  }
}
