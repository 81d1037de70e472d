// The cacher: one store watch on the whole /registry/ prefix feeds the watch cache, and every API
// watch (and every list that may be served from memory) is answered from it, so the store sees
// one watch however many clients watch. A watch from resourceVersion R gets every later change
// exactly once, in order; from "0" or unset it first gets the current state as ADDED events.
// Watchers that allow bookmarks get a BOOKMARK every `bookmarkIntervalMs` of clock time (and on
// request) carrying the cache's revision.
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go (Watch, GetList from cache,
// dispatchEvent, bookmark timer, waitUntilFreshAndBlock) over one reflector-like store watch
// (the real apiserver runs one cacher per resource, each with its own etcd watch). Resources
// with watchCache false (events) are not kept: the API server serves them from storage
// (storage/storage-watch.ts).
import { prefixEnd, type KeyValueStore, type Watch, type WatchResponse } from '../../store/index.ts'
import type { Clock, TimerHandle } from '../../sim/clock.ts'
import { newTooLargeResourceVersion } from '../errors/api-errors.ts'
import { isApiError } from '../errors/status.ts'
import type { KubeObject } from '../registry/object.ts'
import { REGISTRY_ROOT, listPrefix, type ResourceInfo } from '../registry/resource-info.ts'
import type { ResourceRegistry } from '../registry/registry.ts'
import type { ObjectCodec } from '../storage/codec.ts'
import { encodeContinue } from '../storage/continue-token.ts'
import { INITIAL_EVENTS_END_ANNOTATION, type WatchHandle, type WatchListener } from '../watch-event.ts'
import { CacheWatcher } from './cache-watcher.ts'
import { WatchCache, type CacheEvent } from './watch-cache.ts'
import { WatcherIndex } from './watcher-index.ts'

export interface CacherOptions {
  readonly kv: KeyValueStore
  readonly codec: ObjectCodec
  readonly registry: ResourceRegistry
  readonly clock: Clock
  /** Events kept for watches that start in the past (default 10 000). */
  readonly capacity?: number
  /** Clock time between periodic bookmarks (default 60 000 ms, about the real cacher's minute). */
  readonly bookmarkIntervalMs?: number
  /** How long a request for a future revision waits before 504 (default 3 000 ms, as the real cacher). */
  readonly freshnessTimeoutMs?: number
}

export interface CacheWatchRequest {
  readonly resource: ResourceInfo
  readonly namespace: string
  readonly matches: (obj: KubeObject) => boolean
  readonly nodeName?: string
  /** The start: 'state' = synthetic ADDED for current state first; a number = every change after it. */
  readonly start: { readonly type: 'state' } | { readonly type: 'revision'; readonly revision: number }
  readonly allowBookmarks: boolean
  /** End the initial state with a BOOKMARK annotated k8s.io/initial-events-end (sendInitialEvents). */
  readonly initialEventsEndBookmark: boolean
  readonly listener: WatchListener
}

export interface CacheListResult {
  readonly items: KubeObject[]
  readonly revision: number
  readonly continueToken?: string
}

export class Cacher {
  readonly #kv: KeyValueStore
  readonly #codec: ObjectCodec
  readonly #registry: ResourceRegistry
  readonly #clock: Clock
  readonly #cache: WatchCache
  readonly #watchers = new WatcherIndex()
  readonly #bookmarkIntervalMs: number
  readonly #freshnessTimeoutMs: number
  #storeWatch: Watch | undefined
  #bookmarkTimer: TimerHandle | undefined
  #bookmarkWatchers = 0
  #waiters: { revision: number; resolve: () => void }[] = []

  constructor(options: CacherOptions) {
    this.#kv = options.kv
    this.#codec = options.codec
    this.#registry = options.registry
    this.#clock = options.clock
    this.#cache = new WatchCache(options.capacity ?? 10_000)
    this.#bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000
    this.#freshnessTimeoutMs = options.freshnessTimeoutMs ?? 3_000
  }

  /** The revision the cache is at: every change up to it has been applied. */
  get revision(): number {
    return this.#cache.revision
  }

  get watcherCount(): number {
    return this.#watchers.size
  }

  /** List everything under /registry/, then watch from the next revision. */
  async start(): Promise<void> {
    const list = await this.#kv.range({ key: REGISTRY_ROOT, rangeEnd: prefixEnd(REGISTRY_ROOT) })
    const entries: { key: string; resource: ResourceInfo; object: KubeObject }[] = []
    for (const kv of list.kvs) {
      const resource = this.#registry.forKey(kv.key)
      if (resource?.watchCache) entries.push({ key: kv.key, resource, object: this.#codec.decode(kv) })
    }
    this.#cache.replace(entries, list.header.revision)
    this.#storeWatch = await this.#kv.watch(
      { key: REGISTRY_ROOT, rangeEnd: prefixEnd(REGISTRY_ROOT), startRevision: list.header.revision + 1 },
      (response) => this.#onStoreResponse(response),
    )
  }

  async stop(): Promise<void> {
    if (this.#bookmarkTimer) this.#clock.cancel(this.#bookmarkTimer)
    this.#bookmarkTimer = undefined
    for (const w of [...this.#watchers.all()]) w.stop()
    await this.#storeWatch?.cancel()
  }

  /** The current object at `key`, from memory. */
  get(resource: ResourceInfo, key: string): KubeObject | undefined {
    return this.#cache.get(resource, key)
  }

  /** Wait until the cache has applied every change up to `revision`; 504 if that is in the future. */
  async waitUntilFresh(revision: number): Promise<void> {
    if (revision <= this.#cache.revision) return
    const current = (await this.#kv.range({ key: REGISTRY_ROOT, countOnly: true })).header.revision
    if (revision > current) throw newTooLargeResourceVersion(revision, this.#cache.revision, 1)
    if (revision <= this.#cache.revision) return
    await this.#storeWatch?.requestProgress()
    if (revision <= this.#cache.revision) return
    await new Promise<void>((resolve, reject) => {
      const timer = this.#clock.setTimer(this.#freshnessTimeoutMs, () => {
        this.#waiters = this.#waiters.filter((w) => w.resolve !== done)
        reject(newTooLargeResourceVersion(revision, this.#cache.revision, 1))
      })
      const done = (): void => {
        this.#clock.cancel(timer)
        resolve()
      }
      this.#waiters.push({ revision, resolve: done })
    })
  }

  /** The matching objects, in key order, from memory; paginated with a continue token at the cache's revision. */
  list(resource: ResourceInfo, namespace: string, matches: (obj: KubeObject) => boolean, limit: number): CacheListResult {
    const prefix = listPrefix(resource, namespace)
    const keys: string[] = []
    for (const key of this.#cache.objects(resource).keys()) if (key.startsWith(prefix)) keys.push(key)
    keys.sort(compareCodeUnits)
    const objects = this.#cache.objects(resource)
    const items: KubeObject[] = []
    const revision = this.#cache.revision
    for (let i = 0; i < keys.length; i++) {
      const obj = objects.get(keys[i])!
      if (!matches(obj)) continue
      items.push(obj)
      if (limit > 0 && items.length === limit) {
        if (i < keys.length - 1) return { items, revision, continueToken: encodeContinue(`${keys[i]}\0`, resource.keyPrefix, revision) }
        break
      }
    }
    return { items, revision }
  }

  /** Start a watch; an unservable start revision is delivered as one ERROR event (410), as the real cacher does. */
  watch(request: CacheWatchRequest): WatchHandle {
    const revision = this.#cache.revision
    const watcher = new CacheWatcher({
      resource: request.resource,
      namespace: request.resource.namespaced ? request.namespace : '',
      matches: request.matches,
      listener: request.listener,
      allowBookmarks: request.allowBookmarks,
      startRevision: request.start.type === 'state' ? revision : request.start.revision,
      nodeName: request.nodeName,
      onStop: (w) => this.#remove(w),
    })
    let backlog: CacheEvent[] = []
    if (request.start.type === 'revision') {
      try {
        backlog = this.#cache.eventsSince(request.start.revision)
      } catch (error) {
        if (!isApiError(error)) throw error
        this.#add(watcher)
        watcher.fail(error.status)
        return watcher
      }
    }
    this.#add(watcher)
    if (request.start.type === 'state') {
      const prefix = listPrefix(request.resource, request.namespace)
      const objects = this.#cache.objects(request.resource)
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort(compareCodeUnits)
      for (const key of keys) {
        const obj = objects.get(key)!
        if (watcher.matches(obj)) watcher.added(obj)
      }
      if (request.initialEventsEndBookmark) watcher.bookmark(revision, { [INITIAL_EVENTS_END_ANNOTATION]: 'true' })
    } else {
      for (const event of backlog) if (event.resource === request.resource) watcher.process(event)
    }
    return watcher
  }

  #add(watcher: CacheWatcher): void {
    this.#watchers.add(watcher)
    watcher.onBookmarkRequest = (w) => w.bookmark(this.#cache.revision)
    if (watcher.allowBookmarks) {
      this.#bookmarkWatchers++
      this.#scheduleBookmarks()
    }
  }

  #remove(watcher: CacheWatcher): void {
    this.#watchers.remove(watcher)
    if (watcher.allowBookmarks) this.#bookmarkWatchers--
    if (this.#bookmarkWatchers === 0 && this.#bookmarkTimer !== undefined) {
      this.#clock.cancel(this.#bookmarkTimer)
      this.#bookmarkTimer = undefined
    }
  }

  // Bookmarks run on the clock only while some watcher wants them, so an idle cluster's clock can go idle.
  #scheduleBookmarks(): void {
    if (this.#bookmarkTimer !== undefined || this.#bookmarkWatchers === 0) return
    this.#bookmarkTimer = this.#clock.setTimer(this.#bookmarkIntervalMs, () => {
      this.#bookmarkTimer = undefined
      const revision = this.#cache.revision
      for (const w of this.#watchers.all()) if (w.allowBookmarks && revision >= w.lastRevision) w.bookmark(revision)
      this.#scheduleBookmarks()
    })
  }

  #onStoreResponse(response: WatchResponse): void {
    if (response.type === 'events') {
      for (const event of response.events) {
        const key = event.kv.key
        const resource = this.#registry.forKey(key)
        // Not ours to keep (an uncached resource, or a key outside every resource): the
        // revision still moves, so reads at it do not wait.
        if (resource === undefined || !resource.watchCache) {
          this.#cache.revision = Math.max(this.#cache.revision, event.kv.modRevision)
          continue
        }
        let cacheEvent: CacheEvent | undefined
        if (event.type === 'put') cacheEvent = this.#cache.apply('put', key, resource, this.#codec.decode(event.kv), event.kv.modRevision)
        else {
          this.#codec.forget(key)
          cacheEvent = this.#cache.apply('delete', key, resource, undefined, event.kv.modRevision)
        }
        if (cacheEvent !== undefined) this.#watchers.forEachCandidate(cacheEvent, (w) => w.process(cacheEvent))
      }
    } else if (response.type === 'progress') {
      this.#cache.revision = Math.max(this.#cache.revision, response.header.revision)
    }
    if (this.#waiters.length > 0) {
      const ready = this.#waiters.filter((w) => w.revision <= this.#cache.revision)
      this.#waiters = this.#waiters.filter((w) => w.revision > this.#cache.revision)
      for (const w of ready) w.resolve()
    }
  }
}

/** Key order for ASCII keys (object names are ASCII, so code units and code points agree). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
