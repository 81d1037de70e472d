// A queue that can add an item later: client-go's util/workqueue/delaying_queue.go on the
// simulation clock. Items wait in `waiting`, ordered by ready time (client-go's waitingForQueue
// heap, with ties broken by arrival so a seed replays exactly), and one clock timer is set for the
// earliest. An item added with a delay while it already waits keeps the EARLIER ready time, as
// client-go's insert does; an item that is already queued is left to the queue's own dedupe.
// Shutting down drops whatever still waits, as client-go's waiting loop does when it exits.
import type { Clock, TimerHandle } from '../../sim/clock.ts'
import type { GetResult } from './queue.ts'
import type { WaitableQueue } from './waitable-queue.ts'

/** client-go's DelayingInterface. */
export interface DelayingQueue<T> extends WaitableQueue<T> {
  /** Add `item` once `delayMs` has passed on the clock (at once when `delayMs <= 0`). Ignored after shutdown. */
  addAfter(item: T, delayMs: number): void
}

interface Waiting<T> {
  readonly item: T
  readyAtMs: number
  readonly seq: number
}

class ClockDelayingQueue<T> implements DelayingQueue<T> {
  readonly #inner: WaitableQueue<T>
  readonly #clock: Clock
  // Sorted by (readyAtMs, seq); at most one entry per item.
  #waiting: Array<Waiting<T>> = []
  readonly #byItem = new Map<T, Waiting<T>>()
  #nextSeq = 0
  #timer: { readonly handle: TimerHandle; readonly dueMs: number } | undefined

  constructor(inner: WaitableQueue<T>, clock: Clock) {
    this.#inner = inner
    this.#clock = clock
  }

  addAfter(item: T, delayMs: number): void {
    if (this.#inner.shuttingDown()) return
    if (delayMs <= 0) {
      this.#inner.add(item)
      return
    }
    const readyAtMs = this.#clock.now() + delayMs
    const existing = this.#byItem.get(item)
    if (existing) {
      if (existing.readyAtMs <= readyAtMs) return
      this.#waiting.splice(this.#waiting.indexOf(existing), 1)
      existing.readyAtMs = readyAtMs
      this.#insert(existing)
    } else {
      const entry: Waiting<T> = { item, readyAtMs, seq: this.#nextSeq++ }
      this.#byItem.set(item, entry)
      this.#insert(entry)
    }
    this.#arm()
  }

  #insert(entry: Waiting<T>): void {
    let lo = 0
    let hi = this.#waiting.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const other = this.#waiting[mid]
      if (other.readyAtMs < entry.readyAtMs || (other.readyAtMs === entry.readyAtMs && other.seq < entry.seq)) lo = mid + 1
      else hi = mid
    }
    this.#waiting.splice(lo, 0, entry)
  }

  // Keep exactly one timer, due when the earliest waiting item is ready.
  #arm(): void {
    const first = this.#waiting[0]
    if (this.#timer && (!first || this.#timer.dueMs !== first.readyAtMs)) {
      this.#clock.cancel(this.#timer.handle)
      this.#timer = undefined
    }
    if (first && !this.#timer) {
      const handle = this.#clock.setTimer(first.readyAtMs - this.#clock.now(), () => this.#fire())
      this.#timer = { handle, dueMs: first.readyAtMs }
    }
  }

  #fire(): void {
    this.#timer = undefined
    const now = this.#clock.now()
    while (this.#waiting.length > 0 && this.#waiting[0].readyAtMs <= now) {
      const entry = this.#waiting.shift() as Waiting<T>
      this.#byItem.delete(entry.item)
      this.#inner.add(entry.item)
    }
    this.#arm()
  }

  /** How many items wait for their delay to pass (not yet in the queue). */
  waitingLen(): number {
    return this.#waiting.length
  }

  shutDown(): void {
    this.#inner.shutDown()
    this.#dropWaiting()
  }

  shutDownWithDrain(onDrained: () => void): void {
    this.#inner.shutDownWithDrain(onDrained)
    this.#dropWaiting()
  }

  #dropWaiting(): void {
    this.#waiting = []
    this.#byItem.clear()
    this.#arm()
  }

  add(item: T): void {
    this.#inner.add(item)
  }
  get(): GetResult<T> {
    return this.#inner.get()
  }
  done(item: T): void {
    this.#inner.done(item)
  }
  len(): number {
    return this.#inner.len()
  }
  shuttingDown(): boolean {
    return this.#inner.shuttingDown()
  }
  whenReady(wake: () => void): { cancel(): void } {
    return this.#inner.whenReady(wake)
  }
}

/** Wrap `queue` with delayed adds on `clock`. */
export function newDelayingQueue<T>(queue: WaitableQueue<T>, clock: Clock): DelayingQueue<T> & { waitingLen(): number } {
  return new ClockDelayingQueue(queue, clock)
}
