// Wrong: checks the revision of a range but then reads the store as it is now, not as it was at that revision.
import { MvccStore as Solution } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override readRevision(requested: number, current: number): number {
    super.readRevision(requested, current) // throws for a future or compacted revision…
    return current // …but then reads now
  }
}
