// Wrong: when a lease expires, deletes its keys but never forgets the lease, so it can still be kept alive (and is still listed).
import { compareKeys, Lessor as Solution, type Live } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  /** The lease is over: take its keys with it — but the lease itself stays. */
  protected override expire(lease: Live): void {
    const keys = [...lease.keys].sort(compareKeys)
    lease.keys.clear()
    if (keys.length > 0) this.deleteKeys(keys)
  }

  /** Any lease still here can be kept alive, past its deadline or not. */
  protected override renewable(id: number): Live {
    return this.live.get(id) ?? super.renewable(id)
  }
}
