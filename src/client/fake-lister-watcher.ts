// An in-memory API server for one resource, speaking the ListerWatcher interface, with the faults
// a real one has: a bounded window of recent events (a watch from below it gets ERROR 410 Expired
// "too old resource version", as from the watch cache), bookmarks, watches that close or expire,
// restarts that refuse requests for a while and forget the window, and latency on the sim clock.
// Every answer and every event is delivered by a timer on the injected Clock, so a seed replays a
// run exactly. One watch stream is never reordered (it is one HTTP response); separate requests
// can overtake each other when their latencies differ.
// Its rules mirror the API server's watch cache (staging/src/k8s.io/apiserver/pkg/storage/cacher/
// watch_cache.go, cacher.go) and the resourceVersion semantics of list and watch
// (https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions).
import { ApiError, type Status } from '../api/errors/status.ts'
import { newResourceExpired } from '../api/errors/api-errors.ts'
import { deepFreeze, type KubeObject } from '../api/registry/object.ts'
import type { Clock } from '../sim/clock.ts'
import type { ListOptions, ListerWatcher, ObjectList, WatchEvent, WatchHandle, WatchOptions, WatchStreamEvent, WatchStreamHandler } from './list-watch.ts'
import { metaNamespaceKey } from './object-keys.ts'

export interface FakeListerWatcherOptions {
  readonly clock: Clock
  /** How many recent events a watch can resume from (the watch cache's capacity). */
  readonly windowSize?: number
  /** The resourceVersion before the first write. */
  readonly startResourceVersion?: number
  /** Milliseconds from a request to its answer, and from a change to its delivery; called per use. */
  readonly latencyMs?: () => number
  readonly kind?: string
  readonly apiVersion?: string
}

/** What the fake answered, for tests and graders to show. */
export type FakeRequest =
  | { readonly type: 'list'; readonly atMs: number; readonly resourceVersion: string | undefined; readonly answer: { readonly resourceVersion: string; readonly items: number } | { readonly error: string } }
  | { readonly type: 'watch'; readonly atMs: number; readonly id: number; readonly resourceVersion: string; readonly answer: 'started' | 'expired' | { readonly error: string } }

interface ActiveWatch<T extends KubeObject> {
  readonly id: number
  readonly handler: WatchStreamHandler<T>
  readonly bookmarks: boolean
  /** The server ended it: only its ending (ERROR or CLOSED) is still delivered. */
  ended: boolean
  /** The client stopped it: nothing more is delivered. */
  stopped: boolean
  /** Deliveries on this watch are scheduled no earlier than this, so the stream stays in order. */
  lastDeliveryMs: number
}

interface WindowEvent<T extends KubeObject> {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly object: T
  readonly revision: number
}

export class FakeListerWatcher<T extends KubeObject = KubeObject> implements ListerWatcher<T> {
  readonly #clock: Clock
  readonly #windowSize: number
  readonly #latencyMs: () => number
  readonly #kind: string
  readonly #apiVersion: string
  readonly #objects = new Map<string, T>()
  #revision: number
  /** Every event after this revision is still in the window. */
  #windowStart: number
  #window: WindowEvent<T>[] = []
  #watches: ActiveWatch<T>[] = []
  #nextWatchId = 1
  #nextUid = 1
  #downUntilMs = -1
  readonly requests: FakeRequest[] = []

  constructor(options: FakeListerWatcherOptions) {
    this.#clock = options.clock
    this.#windowSize = options.windowSize ?? 100
    this.#latencyMs = options.latencyMs ?? (() => 0)
    this.#kind = options.kind ?? 'Pod'
    this.#apiVersion = options.apiVersion ?? 'v1'
    this.#revision = options.startResourceVersion ?? 1
    this.#windowStart = this.#revision
  }

  // ── The world: writes as the API server would make them ─────────────────────────────────────

  /** The current resourceVersion (of the last write). */
  resourceVersion(): number {
    return this.#revision
  }

  /** The current objects by key. */
  objects(): ReadonlyMap<string, T> {
    return this.#objects
  }

  /** Create or update `obj` (by namespace/name); returns the stored object with its new resourceVersion. */
  apply(obj: T): T {
    const key = metaNamespaceKey(obj)
    const prev = this.#objects.get(key)
    const revision = ++this.#revision
    const uid = prev?.metadata?.uid ?? `uid-${this.#nextUid++}`
    const stored = deepFreeze({ ...structuredClone(obj), metadata: { ...structuredClone(obj.metadata), uid, resourceVersion: String(revision) } }) as T
    this.#objects.set(key, stored)
    this.#record({ type: prev === undefined ? 'ADDED' : 'MODIFIED', object: stored, revision })
    return stored
  }

  /** Delete the object under `key`; returns its last state (with the delete's resourceVersion), or undefined when absent. */
  delete(key: string): T | undefined {
    const prev = this.#objects.get(key)
    if (prev === undefined) return undefined
    const revision = ++this.#revision
    this.#objects.delete(key)
    const last = deepFreeze({ ...prev, metadata: { ...prev.metadata, resourceVersion: String(revision) } }) as T
    this.#record({ type: 'DELETED', object: last, revision })
    return last
  }

  /** Writes to other resources: the resourceVersion moves on with no event for this resource. */
  advanceResourceVersion(writes: number): void {
    this.#revision += writes
  }

  // ── Faults ───────────────────────────────────────────────────────────────────────────────────

  /** End every watch without an error (a timeout or a dropped connection); events in flight are lost. */
  closeWatches(): number {
    return this.#endWatches({ type: 'CLOSED' })
  }

  /** Forget the event window: a watch from any version older than now gets 410 Expired. */
  compact(): void {
    this.#window = []
    this.#windowStart = this.#revision
  }

  /** Forget the window and end every watch with ERROR 410 Expired. */
  expireWatches(): number {
    this.compact()
    return this.#endWatches({ type: 'ERROR', object: this.#expiredStatus(this.#revision - 1) })
  }

  /** Send a BOOKMARK at the current resourceVersion to every watch that asked for bookmarks. */
  sendBookmarks(): void {
    for (const watch of this.#watches) {
      if (watch.bookmarks) {
        this.#deliver(watch, { type: 'BOOKMARK', object: { kind: this.#kind, apiVersion: this.#apiVersion, metadata: { resourceVersion: String(this.#revision) } } })
      }
    }
  }

  /** Restart: close every watch, forget the window, and refuse requests for `downMs`. */
  restart(downMs: number): void {
    this.closeWatches()
    this.compact()
    this.#downUntilMs = this.#clock.now() + downMs
  }

  /** Watches currently open. */
  activeWatches(): number {
    return this.#watches.length
  }

  // ── ListerWatcher ────────────────────────────────────────────────────────────────────────────

  list(options: ListOptions): Promise<ObjectList<T>> {
    const atMs = this.#clock.now()
    if (this.#isDown()) {
      this.requests.push({ type: 'list', atMs, resourceVersion: options.resourceVersion, answer: { error: '503 ServiceUnavailable' } })
      return this.#after(() => Promise.reject(unavailable()))
    }
    // A consistent read of the current state; it is at least as new as any version asked for.
    const list: ObjectList<T> = { items: [...this.#objects.values()], metadata: { resourceVersion: String(this.#revision) } }
    this.requests.push({ type: 'list', atMs, resourceVersion: options.resourceVersion, answer: { resourceVersion: list.metadata.resourceVersion, items: list.items.length } })
    return this.#after(() => Promise.resolve(list))
  }

  watch(options: WatchOptions, handler: WatchStreamHandler<T>): Promise<WatchHandle> {
    const atMs = this.#clock.now()
    const id = this.#nextWatchId++
    const rv = options.resourceVersion
    if (this.#isDown()) {
      this.requests.push({ type: 'watch', atMs, id, resourceVersion: rv, answer: { error: '503 ServiceUnavailable' } })
      return this.#after(() => Promise.reject(unavailable()))
    }
    const watch: ActiveWatch<T> = { id, handler, bookmarks: options.allowWatchBookmarks === true, ended: false, stopped: false, lastDeliveryMs: atMs }
    const handle: WatchHandle = {
      stop: () => {
        watch.stopped = true
        this.#forget(watch)
      },
      requestBookmark: () => {
        if (!watch.ended && watch.bookmarks) this.#deliver(watch, { type: 'BOOKMARK', object: { kind: this.#kind, apiVersion: this.#apiVersion, metadata: { resourceVersion: String(this.#revision) } } })
      },
      get active() {
        return !watch.ended && !watch.stopped
      },
    }
    const respondMs = this.#latencyMs()
    // The answer is scheduled first, so the stream's events arrive after the handle.
    const answer = this.#afterMs(respondMs, () => Promise.resolve(handle))
    watch.lastDeliveryMs = atMs + respondMs
    const start = rv === '' || rv === '0' ? undefined : Number(rv)
    if (start !== undefined && !(Number.isInteger(start) && start >= this.#windowStart)) {
      // Too old (or not a version at all): the watch opens, says 410, and ends.
      this.requests.push({ type: 'watch', atMs, id, resourceVersion: rv, answer: 'expired' })
      watch.ended = true
      this.#deliver(watch, { type: 'ERROR', object: this.#expiredStatus(start) })
      return answer
    }
    this.requests.push({ type: 'watch', atMs, id, resourceVersion: rv, answer: 'started' })
    this.#watches.push(watch)
    if (start === undefined) {
      // "Start at most recent", with a synthetic ADDED for every object that exists now.
      for (const object of this.#objects.values()) this.#deliver(watch, { type: 'ADDED', object })
    } else {
      for (const event of this.#window) if (event.revision > start) this.#deliver(watch, { type: event.type, object: event.object })
    }
    return answer
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────

  #record(event: WindowEvent<T>): void {
    this.#window.push(event)
    if (this.#window.length > this.#windowSize) {
      const evicted = this.#window.shift()!
      this.#windowStart = evicted.revision
    }
    for (const watch of this.#watches) this.#deliver(watch, { type: event.type, object: event.object })
  }

  #deliver(watch: ActiveWatch<T>, event: WatchStreamEvent<T>): void {
    const dueMs = Math.max(this.#clock.now() + this.#latencyMs(), watch.lastDeliveryMs)
    watch.lastDeliveryMs = dueMs
    const final = event.type === 'ERROR' || event.type === 'CLOSED'
    this.#clock.setTimer(dueMs - this.#clock.now(), () => {
      // A stopped watch delivers nothing more; an ended one still delivers its ending.
      if (watch.stopped || (watch.ended && !final)) return
      watch.handler(event)
    })
  }

  #endWatches(ending: WatchStreamEvent<T>): number {
    const ended = this.#watches
    this.#watches = []
    for (const watch of ended) {
      watch.ended = true
      // Events in flight are lost with the connection; the ending arrives next.
      watch.lastDeliveryMs = this.#clock.now()
      this.#deliver(watch, ending)
    }
    return ended.length
  }

  #forget(watch: ActiveWatch<T>): void {
    watch.ended = true
    this.#watches = this.#watches.filter((w) => w !== watch)
  }

  #isDown(): boolean {
    return this.#clock.now() < this.#downUntilMs
  }

  #expiredStatus(requested: number | undefined): Status {
    return newResourceExpired(`too old resource version: ${requested ?? '?'} (${this.#windowStart})`).status
  }

  #after<R>(answer: () => Promise<R>): Promise<R> {
    return this.#afterMs(this.#latencyMs(), answer)
  }

  #afterMs<R>(delayMs: number, answer: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#clock.setTimer(delayMs, () => answer().then(resolve, reject))
    })
  }
}

function unavailable(): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server is currently unable to handle the request', reason: 'ServiceUnavailable', code: 503 })
}
