// The queue controllers actually use: client-go's util/workqueue/rate_limiting_queue.go. A failed
// item goes back with `addRateLimited` after the delay its rate limiter chooses; a success calls
// `forget`, so its next failure starts from the base delay again. `forget` only clears the limiter:
// the worker still calls `done`.
//
// The layers, each a seam that takes any implementation of the one below:
//   RateLimitingQueue → DelayingQueue (delaying-queue.ts) → WaitableQueue (waitable-queue.ts) → Queue (queue.ts)
// so a learner's Queue and RateLimiter plug in with `newRateLimitingQueue({ clock, queue, rateLimiter })`.
import type { Clock } from '../../sim/clock.ts'
import { defaultControllerRateLimiter } from './default-rate-limiters.ts'
import { newDelayingQueue, type DelayingQueue } from './delaying-queue.ts'
import { WorkQueue, type GetResult, type Queue } from './queue.ts'
import type { RateLimiter } from './rate-limiter.ts'
import { newWaitableQueue } from './waitable-queue.ts'

/** client-go's RateLimitingInterface. */
export interface RateLimitingQueue<T> extends DelayingQueue<T> {
  /** Add `item` after the delay the rate limiter gives it (one more failure for per-item limiters). */
  addRateLimited(item: T): void
  /** The item is finished being retried (it succeeded, or it is given up on): reset its backoff. */
  forget(item: T): void
  /** How many times the item has been requeued since it was last forgotten. */
  numRequeues(item: T): number
}

export interface RateLimitingQueueOptions<T> {
  readonly clock: Clock
  /** Defaults to defaultControllerRateLimiter(clock). */
  readonly rateLimiter?: RateLimiter<T>
  /** The queue underneath; defaults to a new WorkQueue. */
  readonly queue?: Queue<T>
}

class RateLimitingType<T> implements RateLimitingQueue<T> {
  readonly #delaying: DelayingQueue<T>
  readonly #rateLimiter: RateLimiter<T>

  constructor(delaying: DelayingQueue<T>, rateLimiter: RateLimiter<T>) {
    this.#delaying = delaying
    this.#rateLimiter = rateLimiter
  }

  addRateLimited(item: T): void {
    this.#delaying.addAfter(item, this.#rateLimiter.when(item))
  }
  forget(item: T): void {
    this.#rateLimiter.forget(item)
  }
  numRequeues(item: T): number {
    return this.#rateLimiter.numRequeues(item)
  }

  addAfter(item: T, delayMs: number): void {
    this.#delaying.addAfter(item, delayMs)
  }
  add(item: T): void {
    this.#delaying.add(item)
  }
  get(): GetResult<T> {
    return this.#delaying.get()
  }
  done(item: T): void {
    this.#delaying.done(item)
  }
  len(): number {
    return this.#delaying.len()
  }
  shutDown(): void {
    this.#delaying.shutDown()
  }
  shutDownWithDrain(onDrained: () => void): void {
    this.#delaying.shutDownWithDrain(onDrained)
  }
  shuttingDown(): boolean {
    return this.#delaying.shuttingDown()
  }
  whenReady(wake: () => void): { cancel(): void } {
    return this.#delaying.whenReady(wake)
  }
}

/** client-go's NewTypedRateLimitingQueueWithConfig, on the simulation clock. */
export function newRateLimitingQueue<T>(options: RateLimitingQueueOptions<T>): RateLimitingQueue<T> {
  const { clock } = options
  const waitable = newWaitableQueue(options.queue ?? new WorkQueue<T>(), clock)
  return new RateLimitingType(newDelayingQueue(waitable, clock), options.rateLimiter ?? defaultControllerRateLimiter<T>(clock))
}
