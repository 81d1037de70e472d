// The changes of every revision still in history, oldest first, for watches that start in the
// past. In etcd the same history is read back from the backend by revision (syncWatchers and
// kvsToEvents in server/storage/mvcc/watchable_store.go); here each committed transaction's events
// are kept as one batch. Each event keeps its prevKv, so a watch asking for it can have it.
import type { Event } from './key-value.ts'

export interface RevisionBatch {
  readonly revision: number
  /** In the order the transaction made them; every event carries prevKv when the key existed before. */
  readonly events: readonly Event[]
}

export class EventLog {
  #batches: RevisionBatch[] = []
  #start = 0 // index of the oldest live batch; older ones are dropped lazily

  append(batch: RevisionBatch): void {
    this.#batches.push(batch)
  }

  /** Batches with revision >= `fromRevision`, oldest first. */
  since(fromRevision: number): RevisionBatch[] {
    let lo = this.#start
    let hi = this.#batches.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#batches[mid].revision < fromRevision) lo = mid + 1
      else hi = mid
    }
    return this.#batches.slice(lo)
  }

  /** Forget batches older than `revision` (the batch at `revision` stays: every key's version at it survives compaction). */
  compact(revision: number): void {
    while (this.#start < this.#batches.length && this.#batches[this.#start].revision < revision) this.#start++
    if (this.#start > 1024 && this.#start * 2 > this.#batches.length) {
      this.#batches = this.#batches.slice(this.#start)
      this.#start = 0
    }
  }
}
