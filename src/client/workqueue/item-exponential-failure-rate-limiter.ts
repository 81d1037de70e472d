// Per-item exponential backoff: client-go's ItemExponentialFailureRateLimiter
// (util/workqueue/default_rate_limiters.go). An item's n-th failure since it was last forgotten
// waits baseDelayMs × 2^(n-1): the first failure waits the base, each further one twice as long,
// never more than maxDelayMs. Giving up after too many failures is the caller's business.
import type { RateLimiter } from './rate-limiter.ts'

export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  readonly #failures = new Map<T, number>()
  readonly #baseDelayMs: number
  readonly #maxDelayMs: number

  constructor(baseDelayMs: number, maxDelayMs: number) {
    this.#baseDelayMs = baseDelayMs
    this.#maxDelayMs = maxDelayMs
  }

  when(item: T): number {
    const exponent = this.#failures.get(item) ?? 0
    this.#failures.set(item, exponent + 1)
    // 2^exponent grows past any cap (and to Infinity after 2^1023); the cap wins either way.
    const backoffMs = this.#baseDelayMs * 2 ** exponent
    return backoffMs > this.#maxDelayMs ? this.#maxDelayMs : backoffMs
  }

  numRequeues(item: T): number {
    return this.#failures.get(item) ?? 0
  }

  forget(item: T): void {
    this.#failures.delete(item)
  }
}
