// The waiting half of client-go's util/workqueue/queue.go: what its sync.Cond does for Get,
// Done and ShutDownWithDrain, redone for a single-threaded simulation. It wraps any Queue (the
// reference WorkQueue or a learner's), so the data structure and the waiting stay separate seams.
//
// A worker whose `get` came back `empty` calls `whenReady(wake)`; when an add, a done or a shutdown
// gives `get` something to say, waiting workers are woken in the order they started waiting, each
// by its own clock timer (like a goroutine the Go scheduler resumes later). A woken worker calls
// `get` again and may still find nothing, exactly like a Go worker that loses the race after
// cond.Signal; it then waits again.
import type { Clock, TimerHandle } from '../../sim/clock.ts'
import type { GetResult, Queue } from './queue.ts'

/** A Queue a worker can wait on, and shut down waiting for the items in flight. */
export interface WaitableQueue<T> extends Queue<T> {
  /** Call `wake` once, on the clock, when `get` may have an item or a shutdown to report. */
  whenReady(wake: () => void): { cancel(): void }
  /**
   * Shut down like `shutDown`, then call `onDrained` once every item handed out has been `done`
   * (at once if none is in flight). A later `shutDown` stops waiting and calls it at once.
   */
  shutDownWithDrain(onDrained: () => void): void
}

interface Waiter {
  readonly wake: () => void
  cancelled: boolean
}

class WaitingQueue<T> implements WaitableQueue<T> {
  readonly #inner: Queue<T>
  readonly #clock: Clock
  // Items handed out and not yet done: what ShutDownWithDrain waits for.
  readonly #inFlight = new Set<T>()
  #waiters: Waiter[] = []
  #pendingWakes: TimerHandle[] = []
  #onDrained: Array<() => void> = []

  constructor(inner: Queue<T>, clock: Clock) {
    this.#inner = inner
    this.#clock = clock
  }

  add(item: T): void {
    this.#inner.add(item)
    this.#signal()
  }

  get(): GetResult<T> {
    const result = this.#inner.get()
    if (result.type === 'item') this.#inFlight.add(result.item)
    return result
  }

  done(item: T): void {
    this.#inner.done(item)
    this.#inFlight.delete(item)
    this.#signal()
    if (this.#inFlight.size === 0) this.#drained()
  }

  len(): number {
    return this.#inner.len()
  }

  shutDown(): void {
    this.#inner.shutDown()
    this.#signal()
    this.#drained()
  }

  shuttingDown(): boolean {
    return this.#inner.shuttingDown()
  }

  shutDownWithDrain(onDrained: () => void): void {
    this.#inner.shutDown()
    this.#signal()
    this.#onDrained.push(onDrained)
    if (this.#inFlight.size === 0) this.#drained()
  }

  whenReady(wake: () => void): { cancel(): void } {
    const waiter: Waiter = { wake, cancelled: false }
    this.#waiters.push(waiter)
    this.#signal()
    return { cancel: () => void (waiter.cancelled = true) }
  }

  // cond.Signal per queued item, cond.Broadcast on shutdown.
  #signal(): void {
    this.#waiters = this.#waiters.filter((w) => !w.cancelled)
    const ready = this.#inner.shuttingDown() ? this.#waiters.length : this.#inner.len() - this.#pendingWakes.length
    for (let i = 0; i < ready && this.#waiters.length > 0; i++) {
      const waiter = this.#waiters.shift() as Waiter
      const handle = this.#clock.setTimer(0, () => {
        this.#pendingWakes = this.#pendingWakes.filter((h) => h !== handle)
        if (!waiter.cancelled) waiter.wake()
      })
      this.#pendingWakes.push(handle)
    }
  }

  #drained(): void {
    const callbacks = this.#onDrained
    this.#onDrained = []
    for (const onDrained of callbacks) onDrained()
  }
}

/** Wrap `queue` so workers can wait on it, waking them on `clock`. */
export function newWaitableQueue<T>(queue: Queue<T>, clock: Clock): WaitableQueue<T> {
  return new WaitingQueue(queue, clock)
}
