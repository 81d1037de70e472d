// How long an item should wait before it is retried: client-go's RateLimiter interface and
// MaxOfRateLimiter (util/workqueue/default_rate_limiters.go). The other limiters live one per file
// beside this one; default-rate-limiters.ts composes them the way controllers use them.

/** client-go's RateLimiter, with durations in milliseconds. */
export interface RateLimiter<T> {
  /** The delay before `item` may be processed again; counts as one more failure for per-item limiters. */
  when(item: T): number
  /** Stop tracking `item` (it succeeded, or it is given up on): its next failure starts from scratch. */
  forget(item: T): void
  /** How many failures `item` has had since it was last forgotten. */
  numRequeues(item: T): number
}

/**
 * Asks every limiter and answers with the worst case. Every limiter is asked every time, so each one
 * counts the failure (and a token bucket spends its token) even when another's answer wins.
 */
export class MaxOfRateLimiter<T> implements RateLimiter<T> {
  readonly #limiters: ReadonlyArray<RateLimiter<T>>

  constructor(...limiters: Array<RateLimiter<T>>) {
    this.#limiters = limiters
  }

  when(item: T): number {
    let worstMs = 0
    for (const limiter of this.#limiters) worstMs = Math.max(worstMs, limiter.when(item))
    return worstMs
  }

  numRequeues(item: T): number {
    let most = 0
    for (const limiter of this.#limiters) most = Math.max(most, limiter.numRequeues(item))
    return most
  }

  forget(item: T): void {
    for (const limiter of this.#limiters) limiter.forget(item)
  }
}
