// Wrong: forget resets the requeue count but not the exponent, so a key that succeeded once backs off from where it left off when it fails again.
import { ItemExponentialFailureRateLimiter as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class ItemExponentialFailureRateLimiter<T> extends Solution<T> {
  // The exponent is kept apart from the count numRequeues reports, and forget clears only the count.
  readonly #exponents = new Map<T, number>()

  override when(item: T): number {
    const exponent = this.#exponents.get(item) ?? 0
    this.#exponents.set(item, exponent + 1)
    this.failures.set(item, (this.failures.get(item) ?? 0) + 1)
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** exponent)
  }
}
