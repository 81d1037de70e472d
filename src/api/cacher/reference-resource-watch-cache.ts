// The engine's watch cache for one resource, behind the ResourceWatchCache seam: the reference
// WatchCache (window + state) and CacheWatcher (selector transitions, bookmarks) put together the
// way the Cacher puts them together for all resources. Lesson 06 grades the learner against it.
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go (Watch: getAllEventsSinceLocked
// or the current state, then dispatchEvent to every watcher) over watch_cache.go and cache_watcher.go.
import { isApiError } from '../errors/status.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { WatchListener } from '../watch-event.ts'
import { CacheWatcher } from './cache-watcher.ts'
import type { CacheList, CacheWatch, CacheWatchOptions, Matcher, ResourceWatchCache, StoreChange, WatchCacheOptions } from './resource-watch-cache.ts'
import { WatchCache, type CacheEvent } from './watch-cache.ts'

const everything: Matcher = () => true

export class ReferenceResourceWatchCache implements ResourceWatchCache {
  readonly #resource: ResourceInfo
  readonly #cache: WatchCache
  readonly #watchers = new Set<CacheWatcher>()

  constructor(options: WatchCacheOptions) {
    this.#resource = options.resource
    this.#cache = new WatchCache(options.capacity)
    this.#cache.replace(
      options.items.map(({ key, object }) => ({ key, resource: options.resource, object })),
      options.resourceVersion,
    )
  }

  get resourceVersion(): number {
    return this.#cache.revision
  }

  apply(change: StoreChange): void {
    if (change.type === 'progress') {
      this.#cache.revision = Math.max(this.#cache.revision, change.revision)
      return
    }
    const object = change.type === 'put' ? change.object : undefined
    const event = this.#cache.apply(change.type, change.key, this.#resource, object, change.revision)
    if (event !== undefined) for (const w of this.#watchers) w.process(event)
  }

  list(matches: Matcher = everything): CacheList {
    return { items: this.#current().filter(matches), resourceVersion: String(this.#cache.revision) }
  }

  watch(options: CacheWatchOptions, listener: WatchListener): CacheWatch {
    const fromState = options.resourceVersion === '' || options.resourceVersion === '0'
    const watcher = new CacheWatcher({
      resource: this.#resource,
      namespace: '',
      matches: options.matches ?? everything,
      listener,
      allowBookmarks: options.allowBookmarks ?? false,
      startRevision: fromState ? this.#cache.revision : Number(options.resourceVersion),
      onStop: (w) => this.#watchers.delete(w),
    })
    let backlog: CacheEvent[] = []
    if (!fromState) {
      try {
        backlog = this.#cache.eventsSince(Number(options.resourceVersion))
      } catch (error) {
        if (!isApiError(error)) throw error
        watcher.fail(error.status)
        return watcher
      }
    }
    this.#watchers.add(watcher)
    if (fromState) for (const obj of this.#current()) if (watcher.matches(obj)) watcher.added(obj)
    for (const event of backlog) watcher.process(event)
    return watcher
  }

  bookmark(): void {
    for (const w of this.#watchers) if (w.allowBookmarks) w.bookmark(this.#cache.revision)
  }

  /** The current objects in key order. */
  #current(): KubeObject[] {
    const objects = this.#cache.objects(this.#resource)
    return [...objects.keys()].sort(compareCodeUnits).map((key) => objects.get(key)!)
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
