// Wrong: the first failure already waits twice the base (base × 2^(failures+1)), one doubling too many every time.
import { ItemExponentialFailureRateLimiter as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class ItemExponentialFailureRateLimiter<T> extends Solution<T> {
  override when(item: T): number {
    const failures = this.failures.get(item) ?? 0
    this.failures.set(item, failures + 1)
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (failures + 1))
  }
}
