// The cache's storage: objects by key, plus one inverted index per index function
// (index name → indexed value → set of keys), kept up to date on every add, update and delete.
// "Thread safe" in client-go; here the engine is single-threaded, so it is simply the store.
// Mirrors threadSafeMap and storeIndex in client-go tools/cache/thread_safe_store.go, including
// its rules: a value whose key set becomes empty is dropped from the index, and indexers can only
// be added while the store is empty.
import type { KubeObject } from '../api/registry/object.ts'
import type { Indexers } from './index-funcs.ts'

export class ThreadSafeStore<T extends KubeObject = KubeObject> {
  readonly #items = new Map<string, T>()
  #indexers: Record<string, Indexers<T>[string]> = {}
  // index name → indexed value → keys
  readonly #indices = new Map<string, Map<string, Set<string>>>()

  constructor(indexers: Indexers<T> = {}) {
    this.addIndexers(indexers)
  }

  add(key: string, obj: T): void {
    this.update(key, obj)
  }

  update(key: string, obj: T): void {
    const old = this.#items.get(key)
    this.#items.set(key, obj)
    this.#updateIndices(old, obj, key)
  }

  delete(key: string): void {
    const old = this.#items.get(key)
    if (old === undefined) return
    this.#updateIndices(old, undefined, key)
    this.#items.delete(key)
  }

  get(key: string): T | undefined {
    return this.#items.get(key)
  }

  list(): T[] {
    return [...this.#items.values()]
  }

  listKeys(): string[] {
    return [...this.#items.keys()]
  }

  /** Throw away everything and keep exactly `items`, rebuilding every index. */
  replace(items: ReadonlyMap<string, T>): void {
    this.#items.clear()
    for (const [key, obj] of items) this.#items.set(key, obj)
    this.#indices.clear()
    for (const [key, obj] of this.#items) this.#updateIndices(undefined, obj, key)
  }

  /** Objects sharing any indexed value with `obj` in the named index. */
  index(indexName: string, obj: T): T[] {
    const indexFunc = this.#indexFunc(indexName)
    const keys = new Set<string>()
    for (const value of indexFunc(obj)) for (const key of this.#indices.get(indexName)?.get(value) ?? []) keys.add(key)
    return [...keys].map((key) => this.#items.get(key)!)
  }

  /** Keys filed under `indexedValue` in the named index. */
  indexKeys(indexName: string, indexedValue: string): string[] {
    this.#indexFunc(indexName)
    return [...(this.#indices.get(indexName)?.get(indexedValue) ?? [])]
  }

  /** Objects filed under `indexedValue` in the named index. */
  byIndex(indexName: string, indexedValue: string): T[] {
    return this.indexKeys(indexName, indexedValue).map((key) => this.#items.get(key)!)
  }

  /** Every value that currently has at least one object in the named index. */
  listIndexFuncValues(indexName: string): string[] {
    return [...(this.#indices.get(indexName)?.keys() ?? [])]
  }

  getIndexers(): Indexers<T> {
    return { ...this.#indexers }
  }

  /** Add index functions; only while the store is empty, and never under a name already taken. */
  addIndexers(newIndexers: Indexers<T>): void {
    if (this.#items.size > 0) throw new Error('cannot add indexers to running index')
    const taken = Object.keys(newIndexers).filter((name) => Object.hasOwn(this.#indexers, name))
    if (taken.length > 0) throw new Error(`indexer conflict: ${taken.join(', ')}`)
    this.#indexers = { ...this.#indexers, ...newIndexers }
  }

  #indexFunc(indexName: string): Indexers<T>[string] {
    if (!Object.hasOwn(this.#indexers, indexName)) throw new Error(`Index with name ${indexName} does not exist`)
    return this.#indexers[indexName]
  }

  #updateIndices(oldObj: T | undefined, newObj: T | undefined, key: string): void {
    for (const [name, indexFunc] of Object.entries(this.#indexers)) {
      const oldValues = oldObj === undefined ? [] : indexFunc(oldObj)
      const newValues = newObj === undefined ? [] : indexFunc(newObj)
      if (oldValues.length === 1 && newValues.length === 1 && oldValues[0] === newValues[0]) continue
      let index = this.#indices.get(name)
      if (index === undefined) {
        index = new Map()
        this.#indices.set(name, index)
      }
      for (const value of oldValues) {
        const keys = index.get(value)
        keys?.delete(key)
        // An empty set is dropped, so short-lived values do not pile up in the index.
        if (keys !== undefined && keys.size === 0) index.delete(value)
      }
      for (const value of newValues) {
        let keys = index.get(value)
        if (keys === undefined) {
          keys = new Set()
          index.set(value, keys)
        }
        keys.add(key)
      }
    }
  }
}
