// The live watchers, indexed so a change finds its watchers without testing every one: a map from
// key to the watchers of exactly that key, and a list of range watchers. Mirrors watcherGroup in
// etcd's server/storage/mvcc/watcher_group.go (which keeps ranges in an interval tree).
import { intervalContains, type Interval } from './keys.ts'
import type { WatchListener } from './watch-messages.ts'

export interface Watcher {
  readonly id: number
  readonly interval: Interval
  /** No event older than this is delivered (etcd's minRev). */
  readonly startRevision: number
  readonly prevKv: boolean
  readonly noPut: boolean
  readonly noDelete: boolean
  readonly listener: WatchListener
  canceled: boolean
}

export class WatcherGroup {
  readonly #byKey = new Map<string, Set<Watcher>>()
  readonly #ranges = new Set<Watcher>()

  get size(): number {
    let n = this.#ranges.size
    for (const set of this.#byKey.values()) n += set.size
    return n
  }

  add(watcher: Watcher): void {
    if (!watcher.interval.single) {
      this.#ranges.add(watcher)
      return
    }
    const key = watcher.interval.key
    let set = this.#byKey.get(key)
    if (set === undefined) this.#byKey.set(key, (set = new Set()))
    set.add(watcher)
  }

  delete(watcher: Watcher): void {
    if (!watcher.interval.single) {
      this.#ranges.delete(watcher)
      return
    }
    const set = this.#byKey.get(watcher.interval.key)
    set?.delete(watcher)
    if (set?.size === 0) this.#byKey.delete(watcher.interval.key)
  }

  /** Every watcher whose key or range holds `key`: single-key watchers first, then ranges, each in creation order. */
  *matching(key: string): Generator<Watcher> {
    const set = this.#byKey.get(key)
    if (set !== undefined) yield* set
    for (const w of this.#ranges) if (intervalContains(w.interval, key)) yield w
  }

  /** The watchers `matching` yields, in the same order, into `out` (no generator per event). */
  collectMatching(key: string, out: Watcher[]): void {
    const set = this.#byKey.get(key)
    if (set !== undefined) for (const w of set) out.push(w)
    for (const w of this.#ranges) if (intervalContains(w.interval, key)) out.push(w)
  }

  all(): Watcher[] {
    return [...Array.from(this.#byKey.values()).flatMap((set) => [...set]), ...this.#ranges]
  }
}
