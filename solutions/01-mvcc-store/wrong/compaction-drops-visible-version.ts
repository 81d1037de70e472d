// Wrong: compaction drops every change below the compacted revision, including the version still visible at it, so keys vanish from reads at that revision.
import { MvccStore as Solution, type Change } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override keptByCompaction(changes: readonly Change[], revision: number): Change[] {
    return changes.filter((change) => change.revision >= revision)
  }
}
