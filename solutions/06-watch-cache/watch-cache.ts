// Lesson 06 solution — a watch cache for one resource: the current state in a Map, the last
// `capacity` events in a ring buffer, and the running watches in a Set. Each change updates the
// state, enters the window (evicting the oldest when full) and reaches every watch through its
// selector. Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go (the cyclic
// buffer cache[startIndex..endIndex), processEvent, getAllEventsSinceLocked and its `oldest`
// rule), cache_watcher.go (convertToWatchEvent) and cacher.go (Watch, dispatchEvent, bookmarks).
import type { KubeObject } from '../../src/api/registry/object.ts'
import type { Status } from '../../src/api/errors/status.ts'
import type { CacheList, CacheWatch, CacheWatchOptions, Matcher, ResourceWatchCache, StoreChange, WatchCacheOptions } from '../../src/api/cacher/resource-watch-cache.ts'
import type { WatchEvent, WatchListener } from '../../src/api/watch-event.ts'
import { newResourceExpired } from '../../src/api/errors/api-errors.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, Matcher, StoreChange, WatchCacheOptions } from '../../src/api/cacher/resource-watch-cache.ts'
export type { KubeObject } from '../../src/api/registry/object.ts'
export type { WatchEvent, WatchListener } from '../../src/api/watch-event.ts'

/** One change as the cache keeps it: the new state (for DELETED, the last state at the deletion's revision) and the state before. */
export interface CacheEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly key: string
  readonly object: KubeObject
  readonly prevObject: KubeObject | undefined
  readonly revision: number
}

export interface Watcher {
  readonly matches: Matcher
  readonly listener: WatchListener
  readonly allowBookmarks: boolean
  stopped: boolean
}

const everything: Matcher = () => true

export class WatchCache implements ResourceWatchCache {
  protected readonly options: WatchCacheOptions
  /** The ring buffer: events with index i in [start, end) live at window[i % capacity]. */
  protected readonly window: (CacheEvent | undefined)[]
  protected start = 0
  protected end = 0
  /** The resourceVersion of the list the cache started from. */
  protected readonly listResourceVersion: number
  protected readonly state = new Map<string, KubeObject>()
  protected readonly watchers = new Set<Watcher>()
  #resourceVersion: number

  constructor(options: WatchCacheOptions) {
    this.options = options
    this.window = new Array<CacheEvent | undefined>(options.capacity)
    for (const { key, object } of options.items) this.state.set(key, object)
    this.listResourceVersion = options.resourceVersion
    this.#resourceVersion = options.resourceVersion
  }

  get resourceVersion(): number {
    return this.#resourceVersion
  }

  apply(change: StoreChange): void {
    this.#resourceVersion = Math.max(this.#resourceVersion, change.revision)
    if (change.type === 'progress') return
    const prev = this.state.get(change.key)
    let event: CacheEvent
    if (change.type === 'put') {
      this.state.set(change.key, change.object)
      event = { type: prev ? 'MODIFIED' : 'ADDED', key: change.key, object: change.object, prevObject: prev, revision: change.revision }
    } else {
      if (prev === undefined) return
      this.state.delete(change.key)
      event = { type: 'DELETED', key: change.key, object: this.deletedState(prev, change.revision), prevObject: prev, revision: change.revision }
    }
    this.record(event)
    for (const w of [...this.watchers]) this.deliver(w, event)
  }

  list(matches: Matcher = everything): CacheList {
    return { items: this.currentState().filter(matches), resourceVersion: String(this.#resourceVersion) }
  }

  watch(options: CacheWatchOptions, listener: WatchListener): CacheWatch {
    const watcher: Watcher = { matches: options.matches ?? everything, listener, allowBookmarks: options.allowBookmarks ?? false, stopped: false }
    const stop = { stop: () => this.#stop(watcher) }
    const rv = options.resourceVersion
    if (rv === '' || rv === '0') {
      this.watchers.add(watcher)
      for (const obj of this.currentState()) if (watcher.matches(obj)) this.send(watcher, { type: 'ADDED', object: obj })
      return stop
    }
    const from = Number(rv)
    const lowest = this.lowestServable()
    if (from < lowest) {
      this.send(watcher, { type: 'ERROR', object: this.expired(from, lowest) })
      watcher.stopped = true
      return stop
    }
    this.watchers.add(watcher)
    for (const event of this.eventsAfter(from)) this.deliver(watcher, event)
    return stop
  }

  bookmark(): void {
    const { apiVersion, kind } = this.options.resource
    const resourceVersion = String(this.#resourceVersion)
    for (const w of [...this.watchers]) if (w.allowBookmarks) this.send(w, { type: 'BOOKMARK', object: { apiVersion, kind, metadata: { resourceVersion } } })
  }

  /** Put an event in the window, evicting the oldest when the window is full. */
  protected record(event: CacheEvent): void {
    const capacity = this.options.capacity
    if (this.end - this.start === capacity) {
      this.window[this.start % capacity] = undefined
      this.start++
    }
    this.window[this.end % capacity] = event
    this.end++
  }

  /**
   * The lowest resourceVersion a watch can start from: the list's while nothing was evicted,
   * then one below the oldest event still kept (watch_cache.go's `oldest - 1`).
   */
  protected lowestServable(): number {
    if (this.start === 0) return this.listResourceVersion
    return this.window[this.start % this.options.capacity]!.revision - 1
  }

  protected expired(from: number, lowest: number): Status {
    return newResourceExpired(`too old resource version: ${from} (${lowest})`).status
  }

  /** The kept events after `revision`, oldest first. */
  protected eventsAfter(revision: number): CacheEvent[] {
    const out: CacheEvent[] = []
    for (let i = this.start; i < this.end; i++) {
      const event = this.window[i % this.options.capacity]!
      if (event.revision > revision) out.push(event)
    }
    return out
  }

  /** The current objects, in key order. */
  protected currentState(): KubeObject[] {
    return [...this.state.keys()].sort(compareCodeUnits).map((key) => this.state.get(key)!)
  }

  /** A deleted object's last state, stamped with the deletion's revision. */
  protected deletedState(prev: KubeObject, revision: number): KubeObject {
    return withResourceVersion(prev, revision)
  }

  /** What a watch with `matches` sees of an event (cache_watcher.go's convertToWatchEvent). */
  protected toWatchEvent(event: CacheEvent, matches: Matcher): WatchEvent | undefined {
    const now = event.type !== 'DELETED' && matches(event.object)
    const before = event.prevObject !== undefined && matches(event.prevObject)
    if (now && !before) return { type: 'ADDED', object: event.object }
    if (now && before) return { type: 'MODIFIED', object: event.object }
    if (before) return { type: 'DELETED', object: event.type === 'DELETED' ? event.object : withResourceVersion(event.prevObject!, event.revision) }
    return undefined
  }

  protected deliver(watcher: Watcher, event: CacheEvent): void {
    const out = this.toWatchEvent(event, watcher.matches)
    if (out !== undefined) this.send(watcher, out)
  }

  protected send(watcher: Watcher, event: WatchEvent): void {
    if (!watcher.stopped) watcher.listener(event)
  }

  #stop(watcher: Watcher): void {
    watcher.stopped = true
    this.watchers.delete(watcher)
  }
}

function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
