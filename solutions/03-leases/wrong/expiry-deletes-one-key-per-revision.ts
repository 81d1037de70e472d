// Wrong: on expiry, deletes the lease's keys one deleteKeys call per key, so they vanish over several revisions.
import { compareKeys, Lessor as Solution, type Live } from '../lessor.ts'

export * from '../lessor.ts' // the solution's, but for the Lessor this file defines

export class Lessor extends Solution {
  protected override expire(lease: Live): void {
    this.live.delete(lease.id)
    for (const key of [...lease.keys].sort(compareKeys)) this.deleteKeys([key])
  }
}
