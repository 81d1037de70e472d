// Wrong: the backoff keeps doubling past maxDelayMs, so a key that keeps failing is soon retried only once in days.
import { ItemExponentialFailureRateLimiter as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class ItemExponentialFailureRateLimiter<T> extends Solution<T> {
  override when(item: T): number {
    const failures = this.failures.get(item) ?? 0
    this.failures.set(item, failures + 1)
    return this.baseDelayMs * 2 ** failures
  }
}
