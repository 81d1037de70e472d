// The rate limiters controllers get by default: client-go's DefaultControllerRateLimiter and
// DefaultItemBasedRateLimiter (util/workqueue/default_rate_limiters.go).
import type { Clock } from '../../sim/clock.ts'
import { BucketRateLimiter } from './bucket-rate-limiter.ts'
import { ItemExponentialFailureRateLimiter } from './item-exponential-failure-rate-limiter.ts'
import { MaxOfRateLimiter, type RateLimiter } from './rate-limiter.ts'

/** Per-item backoff from 5 ms doubling up to 1000 s, and no more than 10 retries a second overall (bursts of 100). */
export const DEFAULT_CONTROLLER_BASE_DELAY_MS = 5
export const DEFAULT_CONTROLLER_MAX_DELAY_MS = 1000 * 1000
export const DEFAULT_CONTROLLER_QPS = 10
export const DEFAULT_CONTROLLER_BURST = 100

/** The worse of a per-item exponential backoff and an overall token bucket, as every built-in controller uses. */
export function defaultControllerRateLimiter<T>(clock: Clock): RateLimiter<T> {
  return new MaxOfRateLimiter<T>(
    new ItemExponentialFailureRateLimiter<T>(DEFAULT_CONTROLLER_BASE_DELAY_MS, DEFAULT_CONTROLLER_MAX_DELAY_MS),
    new BucketRateLimiter<T>(clock, DEFAULT_CONTROLLER_QPS, DEFAULT_CONTROLLER_BURST),
  )
}

/** Per-item backoff only: from 1 ms doubling up to 1000 s. */
export function defaultItemBasedRateLimiter<T>(): RateLimiter<T> {
  return new ItemExponentialFailureRateLimiter<T>(1, 1000 * 1000)
}
