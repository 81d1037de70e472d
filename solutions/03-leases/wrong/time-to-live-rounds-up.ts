// Wrong: reports the time left rounded up (4.2 s left reads as 5), where etcd rounds down.
import { Lessor as Solution, type Lease } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  override remainingSeconds(lease: Lease): number {
    return Math.max(0, Math.ceil((lease.expiryMs - this.clock.now()) / 1000))
  }
}
