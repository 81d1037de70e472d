// Wrong: keeps prevKv on replayed events at the compacted revision, a value etcd can no longer read.
import { WatchHub as Solution } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  protected override prevKvReadable(revision: number): boolean {
    return revision >= this.history.compactRevision
  }
}
