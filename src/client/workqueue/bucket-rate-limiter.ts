// An overall retry budget shared by every item: client-go's BucketRateLimiter, which adapts
// golang.org/x/time/rate's Limiter (util/workqueue/default_rate_limiters.go; rate.go's reserveN).
// The bucket holds up to `burst` tokens and refills at `qps` tokens a second on the simulation
// clock; each `when` takes a token, going into debt when none is left, and answers how long until
// that debt would be repaid. It starts full, so the first `burst` retries are not delayed at all.
import type { Clock } from '../../sim/clock.ts'
import type { RateLimiter } from './rate-limiter.ts'

export class BucketRateLimiter<T> implements RateLimiter<T> {
  readonly #clock: Clock
  readonly #qps: number
  readonly #burst: number
  #tokens: number
  #lastMs: number

  constructor(clock: Clock, qps: number, burst: number) {
    this.#clock = clock
    this.#qps = qps
    this.#burst = burst
    this.#tokens = burst
    this.#lastMs = clock.now()
  }

  when(_item: T): number {
    const nowMs = this.#clock.now()
    const elapsedMs = Math.max(0, nowMs - this.#lastMs)
    const tokens = Math.min(this.#burst, this.#tokens + (elapsedMs * this.#qps) / 1000) - 1
    this.#tokens = tokens
    this.#lastMs = nowMs
    return tokens < 0 ? (-tokens * 1000) / this.#qps : 0
  }

  /** A shared bucket tracks no item. */
  numRequeues(_item: T): number {
    return 0
  }

  forget(_item: T): void {}
}
