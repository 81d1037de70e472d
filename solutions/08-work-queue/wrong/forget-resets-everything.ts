// Wrong: forget clears the failure counts of every item, not just the one that succeeded, so other failing keys lose their backoff.
import { ItemExponentialFailureRateLimiter as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class ItemExponentialFailureRateLimiter<T> extends Solution<T> {
  override forget(_item: T): void {
    this.failures.clear()
  }
}
