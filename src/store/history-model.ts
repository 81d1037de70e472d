// A deliberately naive model of the store's key-value semantics, for tests: a map of live keys,
// a revision counter and the list of every committed event. Slow (it copies the whole map at each
// revision) and independent of the real implementation, so the conformance suite can compare any
// KeyValueStore against it. Mirrors the model idea of etcd's tests/robustness/model (not its code).
import type { Event, KeyValue } from './key-value.ts'
import { compareKeys } from './keys.ts'

export type ModelWrite = { readonly type: 'put'; readonly key: string; readonly value: string } | { readonly type: 'delete'; readonly key: string }

export class HistoryModel {
  revision = 1
  compactRevision = 0
  readonly events: Event[] = []
  #live = new Map<string, KeyValue>()
  readonly #snapshots = new Map<number, ReadonlyMap<string, KeyValue>>([[1, new Map()]])

  get(key: string): KeyValue | undefined {
    return this.#live.get(key)
  }

  /** Live keys matching `predicate`, in key order. */
  keys(predicate: (key: string) => boolean = () => true): string[] {
    return [...this.#live.keys()].filter(predicate).sort(compareKeys)
  }

  /** The live kvs at a past revision, in key order. */
  at(revision: number): KeyValue[] {
    const snapshot = this.#snapshots.get(revision)
    if (snapshot === undefined) throw new RangeError(`no snapshot at ${revision}`)
    return [...snapshot.values()].sort((a, b) => compareKeys(a.key, b.key))
  }

  /** Apply writes (on distinct keys) as one transaction; deletes of missing keys are skipped. Returns whether a revision was taken. */
  commit(writes: readonly ModelWrite[]): boolean {
    const rev = this.revision + 1
    const batch: Event[] = []
    for (const w of writes) {
      const prev = this.#live.get(w.key)
      if (w.type === 'put') {
        const kv: KeyValue = {
          key: w.key,
          value: w.value,
          createRevision: prev?.createRevision ?? rev,
          modRevision: rev,
          version: (prev?.version ?? 0) + 1,
          lease: 0,
        }
        this.#live.set(w.key, kv)
        batch.push(prev === undefined ? { type: 'put', kv } : { type: 'put', kv, prevKv: prev })
      } else if (prev !== undefined) {
        this.#live.delete(w.key)
        batch.push({ type: 'delete', kv: { key: w.key, value: '', createRevision: 0, modRevision: rev, version: 0, lease: 0 }, prevKv: prev })
      }
    }
    if (batch.length === 0) return false
    this.revision = rev
    this.events.push(...batch)
    this.#snapshots.set(rev, new Map(this.#live))
    return true
  }

  compact(revision: number): void {
    this.compactRevision = revision
  }
}
