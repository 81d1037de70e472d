// The queue between the reflector and the informer's processing: for each object key, the list
// of changes ("deltas") that happened to it since it was last popped, in order. Keys leave in the
// order they first arrived; a key already waiting does not jump the line when it changes again.
// Replace (a relist) adds a Replaced delta for every listed object and a Deleted delta carrying a
// DeletedFinalStateUnknown for every known key the list no longer contains.
// Mirrors DeltaFIFO in client-go tools/cache/delta_fifo.go: queueActionLocked, dedupDeltas
// (two deletes in a row collapse, keeping the one that is not a tombstone), Delete (no delta for a
// key that is neither known nor queued), Replace with the newest queued object as a tombstone's
// last state, Resync (a Sync delta for each known key with nothing queued), Pop and HasSynced
// (true once the first Replace's items have all been popped). Pop does not block: the engine is
// single-threaded, so an empty queue answers `undefined` at once.
import type { KubeObject } from '../api/registry/object.ts'
import { DeletedFinalStateUnknown, metaNamespaceKey } from './object-keys.ts'
import type { KeyFunc } from './store.ts'

export type DeltaType = 'Added' | 'Updated' | 'Deleted' | 'Replaced' | 'Sync'

export interface Delta<T extends KubeObject = KubeObject> {
  readonly type: DeltaType
  readonly object: T | DeletedFinalStateUnknown<T>
}

/** What the queue needs from the cache it feeds: its keys and their objects. */
export interface KeyListerGetter<T extends KubeObject = KubeObject> {
  listKeys(): string[]
  getByKey(key: string): T | undefined
}

export interface DeltaFIFOOptions<T extends KubeObject> {
  readonly keyFunc?: KeyFunc<T>
  /** The cache the popped deltas are applied to; used to find deletes on Replace and for Resync. */
  readonly knownObjects?: KeyListerGetter<T>
  /** Emit Replaced (true, what informers use) or Sync (old clients) for listed objects. */
  readonly emitDeltaTypeReplaced?: boolean
}

export interface Popped<T extends KubeObject> {
  readonly key: string
  readonly deltas: readonly Delta<T>[]
  /** True while the items of the first Replace are still being popped. */
  readonly isInInitialList: boolean
}

export class DeltaFIFO<T extends KubeObject = KubeObject> {
  readonly #items = new Map<string, Delta<T>[]>()
  #queue: string[] = []
  readonly #keyFunc: KeyFunc<T>
  readonly #knownObjects: KeyListerGetter<T> | undefined
  readonly #emitDeltaTypeReplaced: boolean
  #populated = false
  #initialPopulationCount = 0
  #closed = false

  constructor(options: DeltaFIFOOptions<T> = {}) {
    this.#keyFunc = options.keyFunc ?? metaNamespaceKey
    this.#knownObjects = options.knownObjects
    this.#emitDeltaTypeReplaced = options.emitDeltaTypeReplaced ?? true
  }

  /** The key of an object, a tombstone, or a list of deltas (its newest). */
  keyOf(obj: T | DeletedFinalStateUnknown<T> | readonly Delta<T>[]): string {
    if (Array.isArray(obj)) {
      const newest = obj.at(-1)
      if (newest === undefined) throw new Error('zero length Deltas object; cannot get key')
      return this.keyOf(newest.object)
    }
    if (obj instanceof DeletedFinalStateUnknown) return obj.key
    return this.#keyFunc(obj as T)
  }

  add(obj: T): void {
    this.#populated = true
    this.#queueAction('Added', obj)
  }

  update(obj: T): void {
    this.#populated = true
    this.#queueAction('Updated', obj)
  }

  delete(obj: T | DeletedFinalStateUnknown<T>): void {
    const key = this.keyOf(obj)
    this.#populated = true
    const queued = this.#items.has(key)
    const known = this.#knownObjects === undefined ? false : this.#knownObjects.getByKey(key) !== undefined
    // Presumably already deleted by a relist: do not report the same delete twice.
    if (!queued && !known) return
    this.#queueAction('Deleted', obj)
  }

  replace(list: readonly T[], _resourceVersion: string): void {
    const keys = new Set<string>()
    const action: DeltaType = this.#emitDeltaTypeReplaced ? 'Replaced' : 'Sync'
    for (const item of list) {
      keys.add(this.keyOf(item))
      this.#queueAction(action, item)
    }
    let queuedDeletions = 0
    // Queued keys the list no longer has: their newest queued state is the last one known.
    for (const [key, deltas] of [...this.#items]) {
      if (keys.has(key)) continue
      let last = deltas.at(-1)?.object
      if (last instanceof DeletedFinalStateUnknown) last = last.obj
      queuedDeletions++
      this.#queueAction('Deleted', new DeletedFinalStateUnknown(key, last))
    }
    // Known keys with nothing queued that the list no longer has: the cache holds the last state.
    if (this.#knownObjects !== undefined) {
      for (const key of this.#knownObjects.listKeys()) {
        if (keys.has(key) || (this.#items.get(key)?.length ?? 0) > 0) continue
        queuedDeletions++
        this.#queueAction('Deleted', new DeletedFinalStateUnknown(key, this.#knownObjects.getByKey(key)))
      }
    }
    if (!this.#populated) {
      this.#populated = true
      this.#initialPopulationCount = keys.size + queuedDeletions
    }
  }

  /** Queue a Sync delta for every known key that has nothing queued (a periodic resync). */
  resync(): void {
    if (this.#knownObjects === undefined) return
    for (const key of this.#knownObjects.listKeys()) {
      const obj = this.#knownObjects.getByKey(key)
      if (obj === undefined || (this.#items.get(key)?.length ?? 0) > 0) continue
      this.#queueAction('Sync', obj)
    }
  }

  /** Take the oldest key with its deltas, or undefined when nothing is queued (or the queue is closed). */
  pop(): Popped<T> | undefined {
    if (this.#closed) return undefined
    const key = this.#queue.shift()
    if (key === undefined) return undefined
    const isInInitialList = !this.hasSynced()
    if (this.#initialPopulationCount > 0) this.#initialPopulationCount--
    const deltas = this.#items.get(key)!
    this.#items.delete(key)
    return { key, deltas, isInInitialList }
  }

  /** True once a first Replace (or add/update/delete) happened and that Replace's items were all popped. */
  hasSynced(): boolean {
    return this.#populated && this.#initialPopulationCount === 0
  }

  /** The newest object of each queued key. */
  list(): (T | DeletedFinalStateUnknown<T>)[] {
    return [...this.#items.values()].map((deltas) => deltas.at(-1)!.object)
  }

  /** Queued keys, oldest first. */
  listKeys(): string[] {
    return [...this.#queue]
  }

  /** A copy of the deltas queued for `key`. */
  getByKey(key: string): Delta<T>[] | undefined {
    const deltas = this.#items.get(key)
    return deltas === undefined ? undefined : [...deltas]
  }

  isEmpty(): boolean {
    return this.#queue.length === 0
  }

  close(): void {
    this.#closed = true
  }

  isClosed(): boolean {
    return this.#closed
  }

  #queueAction(type: DeltaType, obj: T | DeletedFinalStateUnknown<T>): void {
    const key = this.keyOf(obj)
    const old = this.#items.get(key)
    const deltas = dedupDeltas([...(old ?? []), { type, object: obj }])
    if (old === undefined) this.#queue.push(key)
    this.#items.set(key, deltas)
  }
}

/** Collapse the last two deltas when both are deletes, keeping the one that is not a tombstone. */
export function dedupDeltas<T extends KubeObject>(deltas: Delta<T>[]): Delta<T>[] {
  const n = deltas.length
  if (n < 2) return deltas
  const a = deltas[n - 2]
  const b = deltas[n - 1]
  if (a.type !== 'Deleted' || b.type !== 'Deleted') return deltas
  const keep = b.object instanceof DeletedFinalStateUnknown ? a : b
  return [...deltas.slice(0, n - 2), keep]
}
