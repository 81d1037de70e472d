// Every key the store remembers, in key order, each with its KeyIndex. Mirrors treeIndex in etcd's
// server/storage/mvcc/index.go (a B-tree there; a sorted array plus a map here): a range over
// [key, end) binary-searches its first key and walks forward, never scanning the whole keyspace.
// New keys wait in a small unsorted list and are merged in, in one pass, before the next ordered
// read: inserting each one in place moved half the array per write.
import { KeyIndex } from './key-index.ts'
import { compareKeys, type Interval } from './keys.ts'
import type { KeyValue } from './key-value.ts'

export class TreeIndex {
  readonly #byKey = new Map<string, KeyIndex>()
  // Keys in compareKeys order, including deleted keys whose history is not compacted yet.
  #sorted: string[] = []
  // Keys created since the last ordered read, not yet in #sorted.
  #pending: string[] = []

  get size(): number {
    return this.#sorted.length + this.#pending.length
  }

  get(key: string): KeyIndex | undefined {
    return this.#byKey.get(key)
  }

  /** The KeyIndex of `key`, created (and inserted in order) if the key was never seen. */
  getOrCreate(key: string): KeyIndex {
    let ki = this.#byKey.get(key)
    if (ki === undefined) {
      ki = new KeyIndex(key)
      this.#byKey.set(key, ki)
      this.#pending.push(key)
    }
    return ki
  }

  /**
   * Call `visit` with the KeyValue of every key in `interval` that exists at `atRevision`
   * (undefined: now), in key order, until it returns false.
   */
  forEachIn(interval: Interval, atRevision: number | undefined, visit: (kv: KeyValue) => boolean): void {
    if (interval.single) {
      const kv = this.#read(this.#byKey.get(interval.key), atRevision)
      if (kv !== undefined) visit(kv)
      return
    }
    this.#mergePending()
    const { end } = interval
    for (let i = this.#lowerBound(interval.key); i < this.#sorted.length; i++) {
      const key = this.#sorted[i]
      if (end !== undefined && compareKeys(key, end) >= 0) return
      const kv = this.#read(this.#byKey.get(key), atRevision)
      if (kv !== undefined && !visit(kv)) return
    }
  }

  /** Compact every key's history at `atRevision`, forgetting keys with none left. */
  compact(atRevision: number): void {
    this.#mergePending()
    const kept: string[] = []
    for (const key of this.#sorted) {
      const ki = this.#byKey.get(key)!
      ki.compact(atRevision)
      if (ki.isEmpty()) this.#byKey.delete(key)
      else kept.push(key)
    }
    this.#sorted = kept
  }

  /** Sorts the new keys and merges them into #sorted. */
  #mergePending(): void {
    if (this.#pending.length === 0) return
    const added = this.#pending.sort(compareKeys)
    this.#pending = []
    const old = this.#sorted
    const merged = new Array<string>(old.length + added.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < old.length && j < added.length) merged[k++] = compareKeys(old[i], added[j]) <= 0 ? old[i++] : added[j++]
    while (i < old.length) merged[k++] = old[i++]
    while (j < added.length) merged[k++] = added[j++]
    this.#sorted = merged
  }

  #read(ki: KeyIndex | undefined, atRevision: number | undefined): KeyValue | undefined {
    if (ki === undefined) return undefined
    return atRevision === undefined ? ki.current() : ki.get(atRevision)
  }

  // Position of the first key >= `key`.
  #lowerBound(key: string): number {
    let lo = 0
    let hi = this.#sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareKeys(this.#sorted[mid], key) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
