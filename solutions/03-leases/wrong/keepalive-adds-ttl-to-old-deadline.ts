// Wrong: a keep-alive adds the TTL to the old deadline instead of restarting it from now, so leases live longer with every renewal.
import { Lessor as Solution } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  override renew(id: number): number {
    const lease = this.renewable(id)
    lease.deadlineMs += lease.ttlSeconds * 1000
    this.setTimer(lease)
    return lease.ttlSeconds
  }
}
