// One watch over etcd's raw Watch stream (a bidirectional gRPC stream per watch, as Kubernetes
// uses one watcher per stream). The etcd3 client's high-level Watcher reports a canceled watch as
// an empty "Watcher canceled: " error without its compact_revision, so this speaks the stream
// itself. Mirrors the server side in etcd's server/etcdserver/api/v3rpc/watch.go (recvLoop /
// sendLoop: created, canceled with compact_revision, progress with watch_id -1) and the client
// side of client/v3/watch.go.
//
// Progress needs care. etcd before 3.4.25 / 3.5.8 answers a progress request at once, on a control
// channel that can overtake queued events, and even for a watch still replaying history (etcd
// issue #15220); later versions defer it until the watch is synced. Either way the store keeps its
// promise — a progress response comes after every event up to its revision — by holding each
// server progress for `settleMs` (events already queued arrive first) and, while a watch started
// in the past has not shown that its replay is done (an event at or after the revision it was
// created at), asking again once `syncGraceMs` has passed since creation (etcd syncs unsynced
// watchers every 100 ms).
import type { IDuplexStream, IWatchRequest, IWatchResponse } from 'etcd3'
import type { Clock, TimerHandle } from '../sim/clock.ts'
import type { EtcdCodec } from './etcd-codec.ts'
import type { KeyPrefix } from './etcd-key-prefix.ts'
import type { Watch, WatchListener, WatchRequest, WatchResponse } from './watch-messages.ts'

export interface EtcdWatchTiming {
  /** How long a server progress response is held so that events sent before it arrive first. */
  readonly settleMs: number
  /** How long after creation a watch started in the past may still be replaying history. */
  readonly syncGraceMs: number
  /** How long to wait for the server to confirm a new watch. */
  readonly createTimeoutMs: number
}

export const DEFAULT_WATCH_TIMING: EtcdWatchTiming = { settleMs: 30, syncGraceMs: 300, createTimeoutMs: 10_000 }

type Stream = IDuplexStream<IWatchRequest, IWatchResponse>

export interface EtcdWatchDeps {
  readonly clock: Clock
  readonly codec: EtcdCodec
  readonly prefix: KeyPrefix
  readonly timing: EtcdWatchTiming
  readonly openStream: () => Promise<Stream>
  /** Called once the watch has ended (canceled by either side, or the stream broke). */
  readonly onEnd: (watch: EtcdWatch) => void
}

export class EtcdWatch implements Watch {
  readonly watchId: number
  readonly #deps: EtcdWatchDeps
  readonly #stream: Stream
  readonly #listener: WatchListener
  readonly #createdAtMs: number
  /** The server's revision when it created the watch; a replay ends at or before it. */
  readonly #createdRevision: number
  #synced: boolean
  #ended = false
  #lastEventRevision = 0
  readonly #timers = new Set<TimerHandle>()

  private constructor(deps: EtcdWatchDeps, stream: Stream, listener: WatchListener, watchId: number, createdRevision: number, start: number) {
    this.#deps = deps
    this.#stream = stream
    this.#listener = listener
    this.watchId = watchId
    this.#createdAtMs = deps.clock.now()
    this.#createdRevision = createdRevision
    this.#synced = start === 0 || start > createdRevision
  }

  /** Open a stream, create the watch on it and resolve once the server confirms it. */
  static async open(deps: EtcdWatchDeps, watchId: number, request: WatchRequest, listener: WatchListener): Promise<EtcdWatch> {
    const stream = await deps.openStream()
    const start = request.startRevision ?? 0
    return new Promise<EtcdWatch>((resolve, reject) => {
      let watch: EtcdWatch | undefined
      const timeout = deps.clock.setTimer(deps.timing.createTimeoutMs, () => fail(new Error(`etcd did not confirm watch ${watchId} in ${deps.timing.createTimeoutMs} ms`)))
      const fail = (error: unknown) => {
        deps.clock.cancel(timeout)
        if (watch === undefined) {
          closeStream(stream)
          reject(error)
        } else watch.#end()
      }
      stream.on('error', fail)
      stream.on('end', () => fail(new Error('etcd watch stream ended')))
      stream.on('data', (response) => {
        if (watch !== undefined) return watch.#receive(response)
        if (!response.created) return fail(new Error('internal: etcd sent a watch response before confirming the watch'))
        deps.clock.cancel(timeout)
        watch = new EtcdWatch(deps, stream, listener, watchId, Number(response.header.revision), start)
        resolve(watch)
        // A create that the server cancels at once (e.g. a bad range) carries canceled too.
        if (response.canceled) watch.#receive({ ...response, created: false })
      })
      stream.write({
        create_request: {
          ...deps.prefix.range(request),
          start_revision: start,
          prev_kv: request.prevKv ?? false,
          filters: (request.filters ?? []).map((f) => (f === 'noPut' ? 'Noput' : 'Nodelete')),
        },
      })
    })
  }

  async cancel(): Promise<void> {
    this.#end()
  }

  async requestProgress(): Promise<void> {
    if (!this.#ended) this.#stream.write({ progress_request: {} })
  }

  /** End the watch from the store's side (store closed): nothing more is delivered. */
  close(): void {
    this.#end()
  }

  #receive(response: IWatchResponse): void {
    try {
      this.#handle(response)
    } catch (error) {
      // A response this store cannot read ends the watch, visibly, rather than the process.
      this.#deliver({ type: 'canceled', watchId: this.watchId, header: { revision: 0 }, compactRevision: 0, reason: String(error) })
      this.#end()
    }
  }

  #handle(response: IWatchResponse): void {
    if (this.#ended) return
    const { codec } = this.#deps
    const header = codec.header(response.header)
    if (response.canceled) {
      const compactRevision = Number(response.compact_revision)
      this.#deliver({ type: 'canceled', watchId: this.watchId, header, compactRevision, reason: response.cancel_reason || (compactRevision > 0 ? `required revision has been compacted (compacted at ${compactRevision})` : 'canceled by etcd') })
      this.#end()
      return
    }
    if (response.events.length > 0) {
      const events = response.events.map((e) => codec.event(e))
      this.#lastEventRevision = events[events.length - 1].kv.modRevision
      if (this.#lastEventRevision >= this.#createdRevision) this.#synced = true
      this.#deliver({ type: 'events', watchId: this.watchId, header, events })
      return
    }
    this.#onServerProgress(header.revision)
  }

  #onServerProgress(revision: number): void {
    const { clock, timing } = this.#deps
    const sinceCreate = clock.now() - this.#createdAtMs
    if (!this.#synced && sinceCreate < timing.syncGraceMs) {
      // Possibly still replaying: drop this one and ask again once the replay must be done.
      this.#after(timing.syncGraceMs - sinceCreate, () => void this.requestProgress())
      return
    }
    this.#after(timing.settleMs, () => this.#deliver({ type: 'progress', watchId: this.watchId, header: { revision } }))
  }

  #after(delayMs: number, fn: () => void): void {
    const handle = this.#deps.clock.setTimer(delayMs, () => {
      this.#timers.delete(handle)
      if (!this.#ended) fn()
    })
    this.#timers.add(handle)
  }

  #deliver(response: WatchResponse): void {
    if (this.#ended) return
    try {
      this.#listener(response)
    } catch (error) {
      // As the embedded store: a throwing listener loses its watch, and the error is reported.
      this.#end()
      queueMicrotask(() => {
        throw error
      })
    }
  }

  #end(): void {
    if (this.#ended) return
    this.#ended = true
    for (const t of this.#timers) this.#deps.clock.cancel(t)
    this.#timers.clear()
    closeStream(this.#stream)
    this.#deps.onEnd(this)
  }
}

/**
 * End a stream from our side. Half-close first: the etcd3 client counts an error on a stream that
 * is still writable as a failure of the host (its circuit breaker opens after three), and the
 * cancel that follows raises exactly such an error.
 */
export function closeStream(stream: { end(): void; cancel(): void }): void {
  stream.end()
  stream.cancel()
}
