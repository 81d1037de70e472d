// Wrong: looks for expired leases on a 500 ms tick, as etcd's run loop does, and revokes them then — so a lease outlives its deadline by up to half a second.
import { Lessor as Solution, type LessorOptions, type Live } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

const TICK_MS = 500

export class Lessor extends Solution {
  constructor(options: LessorOptions) {
    super(options)
    this.#tick()
  }

  /** No timer per lease: the tick finds the expired ones. */
  protected override setTimer(_lease: Live): void {}

  /** Until the tick comes, a lease past its deadline can still be kept alive. */
  protected override renewable(id: number): Live {
    return this.live.get(id) ?? super.renewable(id)
  }

  #tick(): void {
    this.clock.setTimer(TICK_MS, () => {
      const now = this.clock.now()
      for (const lease of [...this.live.values()]) if (now >= lease.deadlineMs) this.revoke(lease.id)
      this.#tick()
    })
  }
}
