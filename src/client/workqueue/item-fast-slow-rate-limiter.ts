// Quick retries first, then slow ones: client-go's ItemFastSlowRateLimiter
// (util/workqueue/default_rate_limiters.go). The first maxFastAttempts failures of an item wait
// fastDelayMs each; every later one waits slowDelayMs, until the item is forgotten.
import type { RateLimiter } from './rate-limiter.ts'

export class ItemFastSlowRateLimiter<T> implements RateLimiter<T> {
  readonly #failures = new Map<T, number>()
  readonly #fastDelayMs: number
  readonly #slowDelayMs: number
  readonly #maxFastAttempts: number

  constructor(fastDelayMs: number, slowDelayMs: number, maxFastAttempts: number) {
    this.#fastDelayMs = fastDelayMs
    this.#slowDelayMs = slowDelayMs
    this.#maxFastAttempts = maxFastAttempts
  }

  when(item: T): number {
    const failures = (this.#failures.get(item) ?? 0) + 1
    this.#failures.set(item, failures)
    return failures <= this.#maxFastAttempts ? this.#fastDelayMs : this.#slowDelayMs
  }

  numRequeues(item: T): number {
    return this.#failures.get(item) ?? 0
  }

  forget(item: T): void {
    this.#failures.delete(item)
  }
}
