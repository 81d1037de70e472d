// The history of one key: its versions grouped into generations. Mirrors keyIndex in etcd's
// server/storage/mvcc/key_index.go, except that each revision holds the KeyValue itself rather
// than pointing into a backend, and revisions are whole numbers (etcd's sub-revision only orders
// the writes inside one transaction, and a transaction writes a key at most once).
//
// A generation is one life of the key: from the put that creates it to the delete that ends it.
// A delete appends a tombstone to the current generation and opens a new, empty one.
//
// Worked example, on key "foo":
//
//   put@2  put@4  delete@6  put@8  delete@10
//
//   generations (oldest first):
//     [2, 4, 6(t)]   created at 2; versions 1 and 2; tombstone at 6
//     [8, 10(t)]     created at 8 again (version restarts at 1); tombstone at 10
//     []             the key does not exist now
//
//   get(5) -> the put@4 (version 2, createRevision 2)
//   get(7) -> nothing: 7 falls between generations (after the tombstone at 6, before the put at 8)
//
// Compaction at revision r drops every version older than the newest one at or before r, and
// drops whole generations whose tombstone is older than r, so any read at r or later still sees
// exactly what it saw before:
//
//   compact(3)   [2, 4, 6(t)] [8, 10(t)] []    (2 is still the version visible at 3)
//   compact(4)   [4, 6(t)] [8, 10(t)] []
//   compact(6)   [6(t)] [8, 10(t)] []          (a tombstone exactly at r stays: a watch from r sees it)
//   compact(7)   [8, 10(t)] []                 (the first life is over before 7)
//   compact(11)  []                            -> empty: the key is forgotten entirely
import type { KeyValue } from './key-value.ts'

/** One revision of a key: a put (the stored KeyValue) or a tombstone (kv with version 0). */
export interface KeyRevision {
  readonly kv: KeyValue
  readonly tombstone: boolean
}

export interface Generation {
  readonly createRevision: number
  readonly revisions: KeyRevision[]
}

export class KeyIndex {
  readonly key: string
  /** Oldest first; the last one is the current life (empty when the key is deleted). */
  generations: Generation[] = [{ createRevision: 0, revisions: [] }]

  constructor(key: string) {
    this.key = key
  }

  /** The revision of the last change, 0 if none. */
  get modified(): number {
    for (let g = this.generations.length - 1; g >= 0; g--) {
      const revs = this.generations[g].revisions
      if (revs.length > 0) return revs[revs.length - 1].kv.modRevision
    }
    return 0
  }

  /** The live value now, if the key exists. */
  current(): KeyValue | undefined {
    const revs = this.generations[this.generations.length - 1].revisions
    return revs.length === 0 ? undefined : revs[revs.length - 1].kv
  }

  /** Record a put at `revision`; returns the new KeyValue (version and createRevision filled in). */
  put(revision: number, value: string, lease: number): KeyValue {
    if (revision <= this.modified) throw new RangeError(`put at revision ${revision} on ${this.key} after ${this.modified}`)
    const last = this.generations.length - 1
    let g = this.generations[last]
    if (g.revisions.length === 0) {
      g = { createRevision: revision, revisions: [] }
      this.generations[last] = g
    }
    const previous = g.revisions[g.revisions.length - 1]
    const kv: KeyValue = {
      key: this.key,
      value,
      createRevision: g.createRevision,
      modRevision: revision,
      version: previous === undefined ? 1 : previous.kv.version + 1,
      lease,
    }
    g.revisions.push({ kv, tombstone: false })
    return kv
  }

  /** Record a delete at `revision`; returns false (and changes nothing) when the key does not exist now. */
  tombstone(revision: number): boolean {
    const g = this.generations[this.generations.length - 1]
    if (g.revisions.length === 0) return false
    if (revision <= this.modified) throw new RangeError(`delete at revision ${revision} on ${this.key} after ${this.modified}`)
    const kv: KeyValue = { key: this.key, value: '', createRevision: 0, modRevision: revision, version: 0, lease: 0 }
    g.revisions.push({ kv, tombstone: true })
    this.generations.push({ createRevision: 0, revisions: [] })
    return true
  }

  /** The key as it was at revision `atRevision`, or undefined if it did not exist then. */
  get(atRevision: number): KeyValue | undefined {
    const g = this.findGeneration(atRevision)
    if (g === undefined) return undefined
    const n = lastAtOrBefore(g.revisions, atRevision)
    return n === -1 ? undefined : g.revisions[n].kv
  }

  /** Every revision at or after `revision`, oldest first (tombstones included). */
  since(revision: number): KeyRevision[] {
    const out: KeyRevision[] = []
    for (const g of this.generations) for (const r of g.revisions) if (r.kv.modRevision >= revision) out.push(r)
    return out
  }

  /** Drop history no read at `atRevision` or later can see (see the worked example above). */
  compact(atRevision: number): void {
    let gi = 0
    while (gi < this.generations.length - 1) {
      const revs = this.generations[gi].revisions
      if (revs[revs.length - 1].kv.modRevision >= atRevision) break
      gi++
    }
    const g = this.generations[gi]
    const n = lastAtOrBefore(g.revisions, atRevision)
    if (n > 0) g.revisions.splice(0, n)
    if (gi > 0) this.generations.splice(0, gi)
  }

  /** True when no history is left, so the key can be forgotten. */
  isEmpty(): boolean {
    return this.generations.length === 1 && this.generations[0].revisions.length === 0
  }

  // The generation that holds the key's state at `revision`, or undefined when the key did not
  // exist then (before its first put, or between a tombstone and the next put).
  private findGeneration(revision: number): Generation | undefined {
    const last = this.generations.length - 1
    for (let gi = last; gi >= 0; gi--) {
      const revs = this.generations[gi].revisions
      if (revs.length === 0) continue
      if (gi !== last && revs[revs.length - 1].kv.modRevision <= revision) return undefined
      if (revs[0].kv.modRevision <= revision) return this.generations[gi]
    }
    return undefined
  }
}

// Index of the last revision at or before `revision` (binary search), -1 if none.
function lastAtOrBefore(revisions: readonly KeyRevision[], revision: number): number {
  let lo = 0
  let hi = revisions.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (revisions[mid].kv.modRevision <= revision) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
