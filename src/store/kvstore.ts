// The multi-version store itself: the key index, the revision counter, the compacted revision,
// and the history watches replay. Mirrors store in etcd's server/storage/mvcc/kvstore.go (with
// the compaction of kvstore_compaction.go, which here runs at once, in memory). A new store is at
// revision 1 with nothing compacted; each committed write transaction adds one.
import { EventLog, type RevisionBatch } from './event-log.ts'
import { StoreError } from './errors.ts'
import { StoreTxn } from './kvstore-txn.ts'
import { TreeIndex } from './tree-index.ts'

/** What the MVCC store tells the lessor when a key gains or loses a lease (etcd's Lessor.Attach / Detach). */
export interface LeaseAttachments {
  attach(leaseId: number, key: string): void
  detach(leaseId: number, key: string): void
}

export class MvccStore {
  readonly index = new TreeIndex()
  readonly log = new EventLog()
  readonly leases: LeaseAttachments
  #currentRevision = 1
  #compactRevision = 0

  constructor(leases: LeaseAttachments) {
    this.leases = leases
  }

  get currentRevision(): number {
    return this.#currentRevision
  }

  /** Reads below this revision fail with 'compacted'; reads at it work. 0 before the first compaction. */
  get compactRevision(): number {
    return this.#compactRevision
  }

  /** Start a transaction at the current revision (reads and writes use the same kind). */
  begin(): StoreTxn {
    return new StoreTxn(this)
  }

  /** Called by StoreTxn.end: the batch's revision becomes current. */
  commit(batch: RevisionBatch): void {
    if (batch.revision !== this.#currentRevision + 1) throw new RangeError(`commit of revision ${batch.revision} at ${this.#currentRevision}`)
    this.#currentRevision = batch.revision
    this.log.append(batch)
  }

  /**
   * Forget history before `revision`: each key keeps its newest version at or before it, and
   * keys deleted before it are forgotten. Fails with 'compacted' if `revision` is not above the
   * last compaction, 'future-revision' if it is above the current revision.
   */
  compact(revision: number): void {
    if (revision <= this.#compactRevision) throw new StoreError('compacted', `revision ${revision} <= compacted ${this.#compactRevision}`)
    if (revision > this.#currentRevision) throw new StoreError('future-revision', `revision ${revision} > current ${this.#currentRevision}`)
    this.#compactRevision = revision
    this.index.compact(revision)
    this.log.compact(revision)
  }
}
