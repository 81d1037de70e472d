// Wrong: a keep-alive moves the lease's deadline but not its timer, so the lease still expires at its old deadline.
import { Lessor as Solution } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  override renew(id: number): number {
    const lease = this.renewable(id)
    lease.deadlineMs = this.clock.now() + lease.ttlSeconds * 1000 // the timer stays where it was
    return lease.ttlSeconds
  }
}
