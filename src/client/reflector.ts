// The reflector: keeps a store in step with the API server by listing, then watching from the
// list's resourceVersion, applying each event to the store. It relists — after a wait from its
// backoff — when the watch fails (a 410 Expired "too old resource version", any other ERROR, a
// watch request that fails, or a watch that closes at once with nothing in it); a watch that
// simply closes is reopened from the last resourceVersion seen. Bookmarks move that resume point
// forward without touching the store.
// Mirrors Reflector in client-go tools/cache/reflector.go: ListAndWatch, list (with
// relistResourceVersion: "0" first, the last synced version after, "" once that is known to be
// too old), watch, handleWatch/watchHandler, setLastSyncResourceVersion, the "very short watch"
// rule, resyncChan, and the backoff of wait.BackoffUntil.
import { isResourceExpired, ApiError } from '../api/errors/status.ts'
import type { KubeObject } from '../api/registry/object.ts'
import type { Clock, TimerHandle } from '../sim/clock.ts'
import { ExponentialBackoff, type Backoff } from './backoff.ts'
import type { ListerWatcher, WatchHandle, WatchStreamEvent } from './list-watch.ts'

/** What the reflector writes to: the DeltaFIFO in an informer, or any Store. */
export interface ReflectorStore<T extends KubeObject> {
  add(obj: T): void
  update(obj: T): void
  delete(obj: T): void
  replace(list: readonly T[], resourceVersion: string): void
  resync?(): void
}

export interface ReflectorOptions<T extends KubeObject> {
  readonly listerWatcher: ListerWatcher<T>
  readonly store: ReflectorStore<T>
  readonly clock: Clock
  readonly backoff?: Backoff
  /** Call store.resync() this often (0: never), when shouldResync says so. */
  readonly resyncPeriodMs?: number
  readonly shouldResync?: () => boolean
  /** Ask the server to end each watch after this long (it then reopens from the last version). */
  readonly watchTimeoutSeconds?: number
  /** Told about every failure, for logs and tests. */
  readonly onError?: (error: unknown) => void
}

/** A watch that ends within this long having delivered nothing counts as a failure. */
export const SHORT_WATCH_MS = 1000

export class Reflector<T extends KubeObject = KubeObject> {
  readonly #lw: ListerWatcher<T>
  readonly #store: ReflectorStore<T>
  readonly #clock: Clock
  readonly #backoff: Backoff
  readonly #options: ReflectorOptions<T>
  #lastSyncResourceVersion = ''
  #lastSyncResourceVersionUnavailable = false
  #running = false
  // Bumped whenever a list or watch is abandoned, so late answers to it are ignored.
  #epoch = 0
  #watch: WatchHandle | undefined
  #relistTimer: TimerHandle | undefined
  #resyncTimer: TimerHandle | undefined

  constructor(options: ReflectorOptions<T>) {
    this.#lw = options.listerWatcher
    this.#store = options.store
    this.#clock = options.clock
    this.#backoff = options.backoff ?? new ExponentialBackoff({ clock: options.clock })
    this.#options = options
  }

  /** The resourceVersion of the last list, event or bookmark applied ("" before the first list). */
  lastSyncResourceVersion(): string {
    return this.#lastSyncResourceVersion
  }

  run(): void {
    if (this.#running) return
    this.#running = true
    this.#scheduleResync()
    void this.#listAndWatch()
  }

  stop(): void {
    this.#running = false
    this.#epoch++
    this.#watch?.stop()
    this.#watch = undefined
    if (this.#relistTimer) this.#clock.cancel(this.#relistTimer)
    if (this.#resyncTimer) this.#clock.cancel(this.#resyncTimer)
  }

  /** The version to list at: "0" (any) at first, the last synced one after, "" (latest) once that one is gone. */
  #relistResourceVersion(): string {
    if (this.#lastSyncResourceVersionUnavailable) return ''
    return this.#lastSyncResourceVersion === '' ? '0' : this.#lastSyncResourceVersion
  }

  async #listAndWatch(): Promise<void> {
    const epoch = ++this.#epoch
    let list
    try {
      list = await this.#lw.list({ resourceVersion: this.#relistResourceVersion() })
    } catch (error) {
      if (epoch !== this.#epoch || !this.#running) return
      this.#options.onError?.(error)
      // A list at a version that is too old is retried at once as a consistent read.
      if (isResourceExpired(error) && !this.#lastSyncResourceVersionUnavailable) {
        this.#lastSyncResourceVersionUnavailable = true
        void this.#listAndWatch()
      } else this.#relistAfterBackoff()
      return
    }
    if (epoch !== this.#epoch || !this.#running) return
    this.#lastSyncResourceVersionUnavailable = false
    this.#store.replace(list.items, list.metadata.resourceVersion)
    this.#lastSyncResourceVersion = list.metadata.resourceVersion
    void this.#startWatch(epoch)
  }

  async #startWatch(epoch: number): Promise<void> {
    const startedMs = this.#clock.now()
    let events = 0
    let ended = false
    const onEvent = (event: WatchStreamEvent<T>): void => {
      if (ended || epoch !== this.#epoch || !this.#running) return
      switch (event.type) {
        case 'ADDED':
          this.#store.add(event.object)
          break
        case 'MODIFIED':
          this.#store.update(event.object)
          break
        case 'DELETED':
          this.#store.delete(event.object)
          break
        case 'BOOKMARK':
          break
        case 'ERROR': {
          ended = true
          this.#watch = undefined
          // 410 included: relist at the last synced version, which lists "at least as new as" it.
          this.#options.onError?.(new ApiError(event.object))
          this.#relistAfterBackoff()
          return
        }
        case 'CLOSED':
          ended = true
          this.#watch = undefined
          if (events === 0 && this.#clock.now() - startedMs < SHORT_WATCH_MS) {
            this.#options.onError?.(new Error('very short watch: the watch closed at once with no items received'))
            this.#relistAfterBackoff()
          } else void this.#startWatch(epoch)
          return
      }
      events++
      this.#lastSyncResourceVersion = event.object.metadata?.resourceVersion ?? this.#lastSyncResourceVersion
    }
    let handle: WatchHandle
    try {
      handle = await this.#lw.watch(
        { resourceVersion: this.#lastSyncResourceVersion, allowWatchBookmarks: true, timeoutSeconds: this.#options.watchTimeoutSeconds },
        onEvent,
      )
    } catch (error) {
      if (epoch !== this.#epoch || !this.#running) return
      this.#options.onError?.(error)
      this.#relistAfterBackoff()
      return
    }
    if (epoch !== this.#epoch || !this.#running || ended) {
      if (!ended) handle.stop()
      return
    }
    this.#watch = handle
  }

  #relistAfterBackoff(): void {
    this.#epoch++
    this.#watch?.stop()
    this.#watch = undefined
    const delayMs = this.#backoff.nextDelayMs()
    this.#relistTimer = this.#clock.setTimer(delayMs, () => {
      this.#relistTimer = undefined
      if (this.#running) void this.#listAndWatch()
    })
  }

  #scheduleResync(): void {
    const periodMs = this.#options.resyncPeriodMs ?? 0
    if (periodMs <= 0 || this.#store.resync === undefined) return
    this.#resyncTimer = this.#clock.setTimer(periodMs, () => {
      if (!this.#running) return
      if (this.#options.shouldResync?.() ?? true) this.#store.resync?.()
      this.#scheduleResync()
    })
  }
}
