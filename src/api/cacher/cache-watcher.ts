// One watcher of the watch cache: it turns cache events into what its selector sees (an object
// that starts matching arrives as ADDED, one that stops matching as DELETED with its last
// matching state and the event's resourceVersion) and delivers them to its listener in order,
// asynchronously (a microtask after they were queued), never after stop().
// Mirrors cacheWatcher in staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go
// (convertToWatchEvent, the input queue, stop) — without its slow-watcher termination: an
// in-process listener cannot fall behind.
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { BookmarkObject, WatchEvent, WatchHandle, WatchListener } from '../watch-event.ts'
import type { Status } from '../errors/status.ts'
import type { CacheEvent } from './watch-cache.ts'

export interface CacheWatcherOptions {
  readonly resource: ResourceInfo
  readonly namespace: string
  readonly matches: (obj: KubeObject) => boolean
  readonly listener: WatchListener
  readonly allowBookmarks: boolean
  /** Events at or below this revision are not delivered. */
  readonly startRevision: number
  readonly onStop: (watcher: CacheWatcher) => void
  /** For pods watched with spec.nodeName=<x>: x (the trigger index key). */
  readonly nodeName?: string
}

export class CacheWatcher implements WatchHandle {
  readonly resource: ResourceInfo
  readonly namespace: string
  readonly nodeName: string | undefined
  readonly allowBookmarks: boolean
  readonly #matches: (obj: KubeObject) => boolean
  readonly #listener: WatchListener
  readonly #onStop: (watcher: CacheWatcher) => void
  #queue: WatchEvent[] = []
  #scheduled = false
  #stopped = false
  /** The highest revision queued so far (events or bookmarks). */
  lastRevision: number
  /** Set when the owner wants a bookmark at the next chance (requestBookmark). */
  bookmarkRequested = false

  constructor(options: CacheWatcherOptions) {
    this.resource = options.resource
    this.namespace = options.namespace
    this.nodeName = options.nodeName
    this.allowBookmarks = options.allowBookmarks
    this.#matches = options.matches
    this.#listener = options.listener
    this.#onStop = options.onStop
    this.lastRevision = options.startRevision
  }

  get active(): boolean {
    return !this.#stopped
  }

  matches(obj: KubeObject): boolean {
    return this.#matches(obj)
  }

  /** Queue what this watcher sees of a cache event (maybe nothing). */
  process(event: CacheEvent): void {
    if (event.revision <= this.lastRevision || this.#stopped) return
    const current = event.type !== 'DELETED' && this.#matches(event.object)
    const previous = event.prevObject !== undefined && this.#matches(event.prevObject)
    if (current && !previous) this.#push({ type: 'ADDED', object: event.object })
    else if (current && previous) this.#push({ type: 'MODIFIED', object: event.object })
    else if (!current && previous) {
      const last = event.type === 'DELETED' ? event.object : Object.freeze({ ...event.prevObject!, metadata: Object.freeze({ ...event.prevObject!.metadata, resourceVersion: String(event.revision) }) })
      this.#push({ type: 'DELETED', object: last })
    }
    this.lastRevision = event.revision
  }

  /** Queue a synthetic ADDED (initial state). */
  added(obj: KubeObject): void {
    this.#push({ type: 'ADDED', object: obj })
  }

  bookmark(revision: number, annotations?: Record<string, string>): void {
    if (this.#stopped || !this.allowBookmarks) return
    const object: BookmarkObject = {
      apiVersion: this.resource.apiVersion,
      kind: this.resource.kind,
      metadata: annotations ? { resourceVersion: String(revision), annotations } : { resourceVersion: String(revision) },
    }
    this.lastRevision = Math.max(this.lastRevision, revision)
    this.bookmarkRequested = false
    this.#push({ type: 'BOOKMARK', object })
  }

  /** Deliver one ERROR and stop. */
  fail(status: Status): void {
    this.#push({ type: 'ERROR', object: status })
    this.#detach()
  }

  requestBookmark(): void {
    this.bookmarkRequested = true
    this.#requestHook?.(this)
  }

  /** Set by the cacher: called when a bookmark is requested. */
  #requestHook: ((watcher: CacheWatcher) => void) | undefined
  set onBookmarkRequest(hook: (watcher: CacheWatcher) => void) {
    this.#requestHook = hook
  }

  stop(): void {
    this.#queue = []
    this.#stopped = true
    this.#detach()
  }

  #detached = false
  #detach(): void {
    if (this.#detached) return
    this.#detached = true
    this.#onStop(this)
  }

  #push(event: WatchEvent): void {
    if (this.#stopped) return
    this.#queue.push(event)
    if (!this.#scheduled) {
      this.#scheduled = true
      queueMicrotask(() => this.#flush())
    }
  }

  #flush(): void {
    this.#scheduled = false
    const batch = this.#queue
    this.#queue = []
    for (const event of batch) {
      if (this.#stopped) return
      this.#listener(event)
      if (event.type === 'ERROR') this.#stopped = true
    }
  }
}
