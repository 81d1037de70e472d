// The informer's local cache as its users see it: a Store keyed by a key function (add, update,
// delete, get, list, replace), and an Indexer that adds index lookups. Reads return the cached
// objects themselves: treat them as read-only, they are shared with every other reader.
// Mirrors Store, cache, NewStore, NewIndexer in client-go tools/cache/store.go and the Indexer
// interface in tools/cache/index.go.
import type { KubeObject } from '../api/registry/object.ts'
import { NAMESPACE_INDEX, metaNamespaceIndexFunc, type Indexers } from './index-funcs.ts'
import { metaNamespaceKey } from './object-keys.ts'
import { ThreadSafeStore } from './thread-safe-store.ts'

export type KeyFunc<T extends KubeObject = KubeObject> = (obj: T) => string

export interface Store<T extends KubeObject = KubeObject> {
  add(obj: T): void
  update(obj: T): void
  delete(obj: T): void
  list(): T[]
  listKeys(): string[]
  get(obj: T): T | undefined
  getByKey(key: string): T | undefined
  /** Replace the whole contents with `list`, read at `resourceVersion`. */
  replace(list: readonly T[], resourceVersion: string): void
}

export interface Indexer<T extends KubeObject = KubeObject> extends Store<T> {
  index(indexName: string, obj: T): T[]
  indexKeys(indexName: string, indexedValue: string): string[]
  listIndexFuncValues(indexName: string): string[]
  byIndex(indexName: string, indexedValue: string): T[]
  getIndexers(): Indexers<T>
  addIndexers(newIndexers: Indexers<T>): void
}

export class Cache<T extends KubeObject = KubeObject> implements Indexer<T> {
  readonly #store: ThreadSafeStore<T>
  readonly #keyFunc: KeyFunc<T>

  constructor(keyFunc: KeyFunc<T> = metaNamespaceKey, indexers: Indexers<T> = {}) {
    this.#keyFunc = keyFunc
    this.#store = new ThreadSafeStore(indexers)
  }

  add(obj: T): void {
    this.#store.add(this.#keyFunc(obj), obj)
  }
  update(obj: T): void {
    this.#store.update(this.#keyFunc(obj), obj)
  }
  delete(obj: T): void {
    this.#store.delete(this.#keyFunc(obj))
  }
  list(): T[] {
    return this.#store.list()
  }
  listKeys(): string[] {
    return this.#store.listKeys()
  }
  get(obj: T): T | undefined {
    return this.#store.get(this.#keyFunc(obj))
  }
  getByKey(key: string): T | undefined {
    return this.#store.get(key)
  }
  replace(list: readonly T[], _resourceVersion: string): void {
    this.#store.replace(new Map(list.map((obj) => [this.#keyFunc(obj), obj])))
  }
  index(indexName: string, obj: T): T[] {
    return this.#store.index(indexName, obj)
  }
  indexKeys(indexName: string, indexedValue: string): string[] {
    return this.#store.indexKeys(indexName, indexedValue)
  }
  listIndexFuncValues(indexName: string): string[] {
    return this.#store.listIndexFuncValues(indexName)
  }
  byIndex(indexName: string, indexedValue: string): T[] {
    return this.#store.byIndex(indexName, indexedValue)
  }
  getIndexers(): Indexers<T> {
    return this.#store.getIndexers()
  }
  addIndexers(newIndexers: Indexers<T>): void {
    this.#store.addIndexers(newIndexers)
  }
}

/** A store without indices (NewStore). */
export function newStore<T extends KubeObject>(keyFunc: KeyFunc<T> = metaNamespaceKey): Store<T> {
  return new Cache<T>(keyFunc)
}

/** An indexer keyed by namespace/name with the namespace index plus `indexers` (what informers use). */
export function newIndexer<T extends KubeObject>(indexers: Indexers<T> = {}, keyFunc: KeyFunc<T> = metaNamespaceKey): Indexer<T> {
  return new Cache<T>(keyFunc, { [NAMESPACE_INDEX]: metaNamespaceIndexFunc, ...indexers })
}
