// Which watchers an event can concern, found without looking at the others: watchers are indexed
// by resource, then by namespace, and pod watchers pinned to one node (spec.nodeName=<node>, as
// every kubelet's is) by that node name. An event visits only the watchers under its resource's
// all-namespaces set, its namespace's set, and its old and new node names' sets.
// Mirrors the cacher's watchersBuffer / indexedTrigger (pod spec.nodeName) in
// staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go and pkg/registry/core/pod/strategy.go
// (NodeNameTriggerFunc).
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { CacheWatcher } from './cache-watcher.ts'
import type { CacheEvent } from './watch-cache.ts'

interface ResourceWatchers {
  readonly everywhere: Set<CacheWatcher>
  readonly byNamespace: Map<string, Set<CacheWatcher>>
  readonly byNodeName: Map<string, Set<CacheWatcher>>
}

function nodeNameOf(obj: KubeObject | undefined): string {
  return ((obj as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName) ?? ''
}

export class WatcherIndex {
  readonly #byResource = new Map<ResourceInfo, ResourceWatchers>()
  #size = 0

  get size(): number {
    return this.#size
  }

  add(watcher: CacheWatcher): void {
    const w = this.#watchers(watcher.resource)
    if (watcher.nodeName !== undefined) setIn(w.byNodeName, watcher.nodeName).add(watcher)
    else if (watcher.namespace !== '') setIn(w.byNamespace, watcher.namespace).add(watcher)
    else w.everywhere.add(watcher)
    this.#size++
  }

  remove(watcher: CacheWatcher): void {
    const w = this.#byResource.get(watcher.resource)
    if (w === undefined) return
    let removed: boolean
    if (watcher.nodeName !== undefined) removed = deleteIn(w.byNodeName, watcher.nodeName, watcher)
    else if (watcher.namespace !== '') removed = deleteIn(w.byNamespace, watcher.namespace, watcher)
    else removed = w.everywhere.delete(watcher)
    if (removed) this.#size--
  }

  /** Call `fn` for each watcher that may care about `event` (each at most once). */
  forEachCandidate(event: CacheEvent, fn: (watcher: CacheWatcher) => void): void {
    const w = this.#byResource.get(event.resource)
    if (w === undefined) return
    for (const watcher of w.everywhere) fn(watcher)
    const ns = event.object.metadata?.namespace
    if (ns) {
      const set = w.byNamespace.get(ns)
      if (set) for (const watcher of set) fn(watcher)
    }
    if (w.byNodeName.size > 0) {
      const now = nodeNameOf(event.object)
      const before = nodeNameOf(event.prevObject)
      const a = w.byNodeName.get(now)
      if (a) for (const watcher of a) fn(watcher)
      if (before !== now) {
        const b = w.byNodeName.get(before)
        if (b) for (const watcher of b) fn(watcher)
      }
    }
  }

  /** Every watcher, for bookmarks. */
  *all(): Iterable<CacheWatcher> {
    for (const w of this.#byResource.values()) {
      yield* w.everywhere
      for (const set of w.byNamespace.values()) yield* set
      for (const set of w.byNodeName.values()) yield* set
    }
  }

  #watchers(resource: ResourceInfo): ResourceWatchers {
    let w = this.#byResource.get(resource)
    if (w === undefined) {
      w = { everywhere: new Set(), byNamespace: new Map(), byNodeName: new Map() }
      this.#byResource.set(resource, w)
    }
    return w
  }
}

function setIn<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key)
  if (set === undefined) {
    set = new Set()
    map.set(key, set)
  }
  return set
}

function deleteIn<K, V>(map: Map<K, Set<V>>, key: K, value: V): boolean {
  const set = map.get(key)
  if (set === undefined || !set.delete(value)) return false
  if (set.size === 0) map.delete(key)
  return true
}
