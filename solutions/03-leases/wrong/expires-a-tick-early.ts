// Wrong: sets the expiry timer one millisecond short of the TTL, so a lease dies a tick before its deadline.
import { Lessor as Solution, type Live } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  protected override setTimer(lease: Live): void {
    this.clock.cancel(lease.timer)
    lease.timer = this.clock.setTimer(lease.deadlineMs - this.clock.now() - 1, () => this.expire(lease))
  }
}
