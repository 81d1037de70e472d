// One read or write transaction on the MVCC store: range, put and delete, with the revision
// arithmetic of etcd's server/storage/mvcc/kvstore_txn.go (storeTxnRead / storeTxnWrite). A write
// transaction applies its changes to the index at once, at revision begin + 1, so its own later
// reads see them; `end` then commits the revision, but only if something changed.
import type { Event, KeyValue } from './key-value.ts'
import type { Interval } from './keys.ts'
import type { RevisionBatch } from './event-log.ts'
import { StoreError } from './errors.ts'
import type { MvccStore } from './kvstore.ts'

export interface RangeOptions {
  /** At most this many kvs (<= 0: all). */
  readonly limit?: number
  /** Read at this revision (<= 0: the transaction's revision). */
  readonly revision?: number
  /** Count only; return no kvs. */
  readonly countOnly?: boolean
}

export interface RangeResult {
  readonly kvs: KeyValue[]
  /** Number of keys in the range at that revision, ignoring the limit. */
  readonly count: number
  /** The revision the transaction reads at (including its own uncommitted write). */
  readonly revision: number
}

export class StoreTxn {
  readonly beginRevision: number
  readonly #store: MvccStore
  readonly #changes: Event[] = []

  constructor(store: MvccStore) {
    this.#store = store
    this.beginRevision = store.currentRevision
  }

  /** The revision this transaction reads at: its begin revision, plus one once it has changed something. */
  get revision(): number {
    return this.#changes.length > 0 ? this.beginRevision + 1 : this.beginRevision
  }

  /** Reads below this revision fail with 'compacted'. */
  get compactRevision(): number {
    return this.#store.compactRevision
  }

  get changed(): boolean {
    return this.#changes.length > 0
  }

  range(interval: Interval, options: RangeOptions = {}): RangeResult {
    const current = this.revision
    let at = options.revision ?? 0
    if (at > current) throw new StoreError('future-revision', `revision ${at} > current ${current}`)
    if (at <= 0) at = current
    if (at < this.#store.compactRevision) throw new StoreError('compacted', `revision ${at} < compacted ${this.#store.compactRevision}`)
    const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity
    const kvs: KeyValue[] = []
    let count = 0
    this.#store.index.forEachIn(interval, at === current ? undefined : at, (kv) => {
      count++
      if (!options.countOnly && kvs.length < limit) kvs.push(kv)
      return true
    })
    return { kvs, count, revision: current }
  }

  /** Write `key`; returns the new KeyValue and the one it replaced. */
  put(key: string, value: string, lease: number): { kv: KeyValue; prevKv: KeyValue | undefined } {
    const ki = this.#store.index.getOrCreate(key)
    const prevKv = ki.current()
    const kv = ki.put(this.beginRevision + 1, value, lease)
    if (prevKv !== undefined && prevKv.lease !== 0 && prevKv.lease !== lease) this.#store.leases.detach(prevKv.lease, key)
    if (lease !== 0) this.#store.leases.attach(lease, key)
    this.#changes.push(prevKv === undefined ? { type: 'put', kv } : { type: 'put', kv, prevKv })
    return { kv, prevKv }
  }

  /** Delete every key in `interval` that exists now; returns the deleted kvs in key order. */
  deleteRange(interval: Interval): KeyValue[] {
    const doomed: KeyValue[] = []
    this.#store.index.forEachIn(interval, undefined, (kv) => {
      doomed.push(kv)
      return true
    })
    const revision = this.beginRevision + 1
    for (const prevKv of doomed) {
      const ki = this.#store.index.get(prevKv.key)!
      ki.tombstone(revision)
      if (prevKv.lease !== 0) this.#store.leases.detach(prevKv.lease, prevKv.key)
      const tombstone: KeyValue = { key: prevKv.key, value: '', createRevision: 0, modRevision: revision, version: 0, lease: 0 }
      this.#changes.push({ type: 'delete', kv: tombstone, prevKv })
    }
    return doomed
  }

  /** Commit: move the store to the new revision if anything changed; returns that revision's events. */
  end(): RevisionBatch | undefined {
    if (this.#changes.length === 0) return undefined
    const batch: RevisionBatch = { revision: this.beginRevision + 1, events: this.#changes.slice() }
    this.#store.commit(batch)
    return batch
  }
}
