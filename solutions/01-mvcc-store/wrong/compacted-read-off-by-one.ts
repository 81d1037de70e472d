// Wrong: a read exactly at the compacted revision fails as compacted (only reads below it should).
import { MvccStore as Solution, StoreError } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override readRevision(requested: number, current: number): number {
    const at = super.readRevision(requested, current)
    if (at === this.compacted) throw new StoreError('compacted') // the compacted revision itself is still readable
    return at
  }
}
